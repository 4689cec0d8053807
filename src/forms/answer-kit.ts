import { type AnswerShape, answerShape } from "../domain/answer-shape.ts";
import type { Result } from "../domain/result.ts";
import type { Accepted, AnswerInput, Message, Question } from "./types.ts";

/**
 * Shared first checks of an answer: the right kind of message, not empty,
 * not too long, not just emoji. Each failure is a locale key and variables.
 */

export type TextCheck = { ok: true; text: string } | { ok: false; error: Message };

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function wrongKind(input: AnswerInput): Message {
  if (input.kind === "file")
    return {
      key:
        input.file.kind === "photo"
          ? "form-expected-text-got-photo"
          : "form-expected-text-got-document",
    };
  if (input.kind === "contact") return { key: "form-expected-text-got-contact" };
  if (input.kind === "choice") return { key: "form-expected-text" };
  if (input.kind === "unsupported") return { key: `form-expected-text-got-${input.what}` };
  return { key: "form-expected-text" };
}

/** A photo sent with a caption where text is expected: the caption is the answer (typed text is never dropped). */
const typedText = (input: AnswerInput): string | undefined =>
  input.kind === "text" ? input.text : input.kind === "file" ? input.caption : undefined;

const oneLine = (typed: string): string => typed.replace(/\s+/g, " ").trim();

/** Keeps line breaks (for descriptions), folding runs of spaces and of empty lines. */
const paragraphs = (typed: string): string =>
  typed
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();

function checkTyped(
  input: AnswerInput,
  maxLength: number,
  normalise: (typed: string) => string,
): TextCheck {
  const typed = typedText(input);
  if (typed === undefined) return { ok: false, error: wrongKind(input) };
  const text = normalise(typed);
  if (text.length === 0) return { ok: false, error: { key: "form-empty-answer" } };
  if (text.startsWith("/")) return { ok: false, error: { key: "form-command-as-answer" } };
  if (!HAS_LETTER_OR_DIGIT.test(text)) return { ok: false, error: { key: "form-no-letters" } };
  if (text.length > maxLength) {
    return {
      ok: false,
      error: { key: "form-too-long", vars: { max: maxLength, length: text.length } },
    };
  }
  return { ok: true, text };
}

/** A short answer on one line (a name, a title, an amount as typed). */
export const expectText = (input: AnswerInput, maxLength: number): TextCheck =>
  checkTyped(input, maxLength, oneLine);

/** A longer answer that may have several lines (a description, expected results). */
export const expectLongText = (input: AnswerInput, maxLength: number): TextCheck =>
  checkTyped(input, maxLength, paragraphs);

const shortened = (typed: string): string => (typed.length > 40 ? `${typed.slice(0, 40)}…` : typed);

/**
 * Accepts a text, unless it plainly looks like the answer to another
 * question (a number for a name, a phone for a product): then the person is
 * asked "Anh/Chị có chắc không?" and the text is saved once they confirm.
 */
export function acceptText<P>(
  text: string,
  patch: P,
  unlikely: readonly AnswerShape[] = [],
): Accepted<P> {
  const shape = answerShape(text);
  if (!unlikely.includes(shape)) return { ok: true, patch };
  return {
    ok: "confirm",
    patch,
    message: { key: "form-confirm-unlikely", vars: { input: shortened(text), shape } },
  };
}

/**
 * A free-text question saved as-is into one field of the record: most of
 * both forms' questions. `multiline` keeps line breaks; `unlikely` lists
 * what its answers should not look like (asked about before saving).
 */
export function textQuestion<R, P, F = unknown>(options: {
  id: string;
  promptKey: string;
  field: keyof R & keyof P & string;
  maxLength: number;
  multiline?: boolean;
  unlikely?: readonly AnswerShape[];
}): Question<R, P, F> {
  const { id, promptKey, field, maxLength, multiline, unlikely } = options;
  return {
    id,
    promptKey,
    isAnswered: (record) => record[field] !== null,
    accept(input) {
      const checked = (multiline ? expectLongText : expectText)(input, maxLength);
      if (!checked.ok) return { ok: false, error: checked.error };
      return acceptText(checked.text, { [field]: checked.text } as P, unlikely);
    },
    display: (record) => record[field] as string | null,
  };
}

/** A domain parse failure becomes `invalid-<error>` with what was typed, shortened. */
export function invalid(result: Extract<Result<unknown>, { ok: false }>, typed: string): Message {
  return {
    key: `invalid-${result.error}`,
    vars: { input: shortened(typed), ...(result.details ?? {}) },
  };
}

export const refuse = <P>(error: Message): Accepted<P> => ({ ok: false, error });

/** For a closed question: a button's value, or the label typed out by hand. */
export function expectChoice(
  input: AnswerInput,
  values: readonly string[],
  typedAliases: Record<string, string[]> = {},
): { ok: true; value: string } | { ok: false; error: Message } {
  if (input.kind === "choice") {
    return values.includes(input.value)
      ? { ok: true, value: input.value }
      : { ok: false, error: { key: "form-use-buttons" } };
  }
  if (input.kind === "text") {
    const typed = input.text.trim().toLowerCase().normalize("NFC");
    for (const [value, aliases] of Object.entries(typedAliases)) {
      if (aliases.some((alias) => alias.toLowerCase().normalize("NFC") === typed))
        return { ok: true, value };
    }
  }
  return { ok: false, error: { key: "form-use-buttons" } };
}
