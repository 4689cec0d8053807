/**
 * Buttons that fit a phone (issue 13): an inline button label is at most 30
 * characters, and a row holds at most 2 buttons when any label in it is
 * longer than 15. Telegram accepts longer labels but cuts them on a phone,
 * and owners then press what they cannot read. Counted in characters
 * (code points), so "ệ" and an emoji count as one.
 */

export const MAX_LABEL = 30;
export const MAX_LABEL_IN_WIDE_ROW = 15;
export const MAX_WIDE_ROW = 2;

const length = (label: string) => [...label].length;

/** What breaks the rule in one inline keyboard, one line each; empty when it fits. */
export function phoneFitProblems(rows: readonly (readonly { text: string }[])[]): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    for (const button of row) {
      if (length(button.text) > MAX_LABEL)
        problems.push(`label over ${MAX_LABEL} characters: "${button.text}"`);
    }
    if (
      row.length > MAX_WIDE_ROW &&
      row.some((button) => length(button.text) > MAX_LABEL_IN_WIDE_ROW)
    )
      problems.push(
        `${row.length} buttons on a row with a label over ${MAX_LABEL_IN_WIDE_ROW} characters: ${row.map((button) => `"${button.text}"`).join(" | ")}`,
      );
  }
  return problems;
}

/** The inline keyboard a Bot API call sends or edits, or none. */
export function inlineKeyboardOf(params: Record<string, unknown>): { text: string }[][] {
  const markup = params.reply_markup;
  const parsed = (typeof markup === "string" ? JSON.parse(markup) : markup) as
    | { inline_keyboard?: { text: string }[][] }
    | undefined;
  return parsed?.inline_keyboard ?? [];
}

/** Throws when any call among these sends or edits an inline keyboard that does not fit a phone. */
export function assertButtonsFitPhone(
  calls: readonly { method: string; params: Record<string, unknown> }[],
): void {
  const problems = calls.flatMap((call) =>
    phoneFitProblems(inlineKeyboardOf(call.params)).map((problem) => `${call.method}: ${problem}`),
  );
  if (problems.length > 0)
    throw new Error(`Buttons that do not fit a phone:\n${[...new Set(problems)].join("\n")}`);
}
