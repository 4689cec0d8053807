/**
 * Button values the form engine keeps for itself, under any question: keep
 * the answer being changed ("Giữ nguyên"), and confirm or retype an answer
 * that was read back. They start with "~", which no question's choice uses.
 * A confirmation carries its number within the question, so a button of an
 * earlier read-back never confirms a later answer.
 */
export const KEEP_VALUE = "~keep";

export type ReservedValue =
  | { kind: "keep" }
  | { kind: "confirm"; answer: "yes" | "no"; number: number };

export const confirmValue = (answer: "yes" | "no", number: number): string =>
  `~${answer}:${number}`;

export function readReservedValue(value: string): ReservedValue | undefined {
  if (value === KEEP_VALUE) return { kind: "keep" };
  const match = /^~(yes|no):(\d{1,6})$/.exec(value);
  if (!match) return undefined;
  return { kind: "confirm", answer: match[1] as "yes" | "no", number: Number(match[2]) };
}

export const isReservedValue = (value: string): boolean => value.startsWith("~");
