/**
 * The checks Telegram makes on what a bot sends, so tests fail where Telegram
 * would answer 400. Each returns the description Telegram gives, or null.
 */

const ALLOWED_HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "span",
  "tg-spoiler",
  "tg-emoji",
  "blockquote",
]);

/** Parses Telegram's HTML subset and returns the visible text, or an error like Telegram's. */
export function parseTelegramHtml(html: string): { text: string } | { error: string } {
  const stack: string[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const char = html[i];
    if (char === "<") {
      const end = html.indexOf(">", i);
      if (end === -1)
        return {
          error: `Bad Request: can't parse entities: Unclosed start tag at byte offset ${i}`,
        };
      const raw = html.slice(i + 1, end).trim();
      const closing = raw.startsWith("/");
      const name = (closing ? raw.slice(1) : raw).split(/\s/)[0]?.toLowerCase() ?? "";
      if (!ALLOWED_HTML_TAGS.has(name)) {
        return {
          error: `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${i}`,
        };
      }
      if (closing) {
        if (stack.pop() !== name) {
          return {
            error: `Bad Request: can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${stack.at(-1) ?? ""}>", found "</${name}>"`,
          };
        }
      } else {
        if (name === "a" && !/\shref\s*=\s*"[^"]*"/.test(` ${raw}`)) {
          return {
            error: `Bad Request: can't parse entities: Can't find end of href at byte offset ${i}`,
          };
        }
        stack.push(name);
      }
      i = end + 1;
      continue;
    }
    if (char === "&") {
      const match = /^&(?:(lt|gt|amp|quot)|#(\d+)|#x([0-9a-f]+));/i.exec(html.slice(i));
      if (!match) {
        return {
          error: `Bad Request: can't parse entities: Character entity expected at byte offset ${i}`,
        };
      }
      const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
      text += match[1]
        ? named[match[1].toLowerCase()]
        : String.fromCodePoint(Number.parseInt(match[2] ?? match[3] ?? "0", match[2] ? 10 : 16));
      i += match[0].length;
      continue;
    }
    if (char === ">") {
      // Telegram accepts a bare ">" but we keep to the documented rule.
      return { error: `Bad Request: can't parse entities: Unexpected end tag at byte offset ${i}` };
    }
    text += char;
    i++;
  }
  if (stack.length > 0) {
    return {
      error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`,
    };
  }
  return { text };
}

/** Telegram counts message length in UTF-16 code units after entity parsing. */
export function checkText(
  text: unknown,
  parseMode: unknown,
  field: "text" | "caption",
): string | null {
  if (typeof text !== "string") {
    return field === "text" ? "Bad Request: message text is empty" : null;
  }
  let visible = text;
  if (parseMode === "HTML") {
    const parsed = parseTelegramHtml(text);
    if ("error" in parsed) return parsed.error;
    visible = parsed.text;
  } else if (parseMode !== undefined) {
    return `Bad Request: unsupported parse_mode in this fake: ${String(parseMode)}`;
  }
  const limit = field === "text" ? 4096 : 1024;
  if (field === "text" && visible.trim().length === 0) return "Bad Request: message text is empty";
  if (visible.length > limit) {
    return field === "text"
      ? "Bad Request: message is too long"
      : "Bad Request: message caption is too long";
  }
  return null;
}

interface InlineButton {
  text?: unknown;
  callback_data?: unknown;
  url?: unknown;
}

export function checkReplyMarkup(markup: unknown): string | null {
  if (markup === undefined || markup === null) return null;
  const value = typeof markup === "string" ? (JSON.parse(markup) as unknown) : markup;
  if (typeof value !== "object" || value === null)
    return "Bad Request: can't parse reply keyboard markup JSON object";
  const inline = (value as { inline_keyboard?: unknown }).inline_keyboard;
  if (inline !== undefined) {
    if (!Array.isArray(inline))
      return 'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array';
    for (const row of inline) {
      if (!Array.isArray(row)) return "Bad Request: inline keyboard rows must be arrays";
      for (const button of row as InlineButton[]) {
        if (typeof button.text !== "string" || button.text.length === 0) {
          return "Bad Request: text buttons are unallowed in the inline keyboard";
        }
        if (button.callback_data !== undefined) {
          if (typeof button.callback_data !== "string")
            return "Bad Request: can't parse inline keyboard button: callback_data must be a string";
          const bytes = Buffer.byteLength(button.callback_data, "utf8");
          if (bytes < 1 || bytes > 64) return "Bad Request: BUTTON_DATA_INVALID";
        } else if (
          button.url === undefined &&
          !("switch_inline_query" in button) &&
          !("web_app" in button)
        ) {
          return "Bad Request: can't parse inline keyboard button: InlineKeyboardButton must have exactly one of the optional fields";
        }
      }
    }
  }
  const keyboard = (value as { keyboard?: unknown }).keyboard;
  if (keyboard !== undefined) {
    if (!Array.isArray(keyboard))
      return 'Bad Request: field "keyboard" of the ReplyKeyboardMarkup must be an Array';
    for (const row of keyboard) {
      if (!Array.isArray(row)) return "Bad Request: keyboard rows must be arrays";
      for (const button of row as (string | { text?: unknown })[]) {
        const text = typeof button === "string" ? button : button.text;
        if (typeof text !== "string" || text.length === 0)
          return "Bad Request: keyboard button text is empty";
      }
    }
  }
  return null;
}

export function checkCallbackAnswer(text: unknown): string | null {
  if (text === undefined) return null;
  if (typeof text !== "string" || text.length > 200) return "Bad Request: MESSAGE_TOO_LONG";
  return null;
}
