import type { NextFunction } from "grammy";
import type { Message, Update } from "grammy/types";

/**
 * Control characters (NUL above all: PostgreSQL's jsonb and text refuse it)
 * are taken out of what people typed before anything reads or stores it,
 * the conversation's saved state included. Line breaks and tabs stay.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g;

export const stripControlCharacters = (text: string): string =>
  text.replace(/\r\n?/g, "\n").replace(CONTROL, "");

function cleanMessage(message: Message | undefined): void {
  if (!message) return;
  if (typeof message.text === "string") message.text = stripControlCharacters(message.text);
  if (typeof message.caption === "string")
    message.caption = stripControlCharacters(message.caption);
  if (message.contact) {
    message.contact.first_name = stripControlCharacters(message.contact.first_name ?? "");
    if (message.contact.last_name)
      message.contact.last_name = stripControlCharacters(message.contact.last_name);
  }
}

export function sanitizeUpdate(update: Update): Update {
  cleanMessage(update.message);
  cleanMessage(update.edited_message);
  cleanMessage(update.channel_post);
  cleanMessage(update.edited_channel_post);
  return update;
}

export const sanitize = (ctx: { update: Update }, next: NextFunction) => {
  sanitizeUpdate(ctx.update);
  return next();
};
