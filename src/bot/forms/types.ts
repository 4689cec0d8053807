import type { Province } from "../../domain/province.ts";
import type { NewFile } from "../../services/applications.ts";

export type FormKind = "profile" | "application";

/** What a person gave in answer to a question, read from any kind of update. */
export type AnswerInput =
  | { kind: "text"; text: string }
  /** a button of the current question (callback data f:<token>:<value>) */
  | { kind: "choice"; value: string }
  | { kind: "contact"; phone: string; ownContact: boolean }
  /** a photo or document; `caption` is the text typed with it */
  | { kind: "file"; file: NewFile; caption?: string }
  | {
      kind: "unsupported";
      what: "sticker" | "photo" | "voice" | "video" | "document" | "location" | "other";
    };

/** Facts a question may need besides the record: all plain JSON (they pass through conversation state). */
export interface FormEnvironment {
  nowIso: string;
  timeZone: string;
  planYear: number;
  /** the owner has not answered the eligibility questions yet */
  needsEligibility: boolean;
}

export interface QuestionContext {
  province: Province;
  env: FormEnvironment;
}

export interface Message {
  key: string;
  vars?: Record<string, string | number>;
}

export interface Choice {
  value: string;
  label: Message;
  /** put before the translated label, e.g. the category's number */
  prefix?: string;
}

export type Accepted<P> =
  | {
      ok: true;
      patch: P;
      /** shown after the answer is saved: a warning over a cap, an explanation */
      notices?: Message[];
      /** stay on this question after saving (attachments: one more file) */
      keepAsking?: boolean;
    }
  /** the answer cannot be used: say why, ask again */
  | { ok: false; error: Message }
  /** the answer needs narrowing down: offer these buttons, keep waiting */
  | { ok: false; clarify: Message; choices: Choice[] };

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * A question is data: its prompt, its buttons, how an answer is parsed and
 * saved, and how the saved answer reads in the summary. The form, the
 * summary's "Sửa mục N" and /help all work from these definitions.
 */
export interface Question<R, P> {
  id: string;
  /** the locale key of the question; /help shows `<promptKey>-help` */
  promptKey: string;
  promptVars?(record: R, context: QuestionContext): Record<string, string | number>;
  choices?(record: R, context: QuestionContext): Choice[];
  /** buttons per row */
  columns?: number;
  /** ask for the phone with Telegram's "share my number" button */
  requestContact?: boolean;
  /** whether the question is asked at all for this record */
  applies?(record: R, context: QuestionContext): boolean;
  isAnswered(record: R): boolean;
  accept(input: AnswerInput, record: R, context: QuestionContext): Accepted<P>;
  /** the answer as shown in the summary (HTML-escaped by the caller) */
  display(record: R, context: QuestionContext, t: Translate): string | null;
  /** numbered in the summary and counted in "Bước N/M" */
  section: "eligibility" | "main";
}

export interface FormDefinition<R, P> {
  kind: FormKind;
  questions: Question<R, P>[];
}
