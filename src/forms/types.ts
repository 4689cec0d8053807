/**
 * What a form is, as data. A form is one `FormDefinition`: its questions,
 * where its draft lives, how its summary reads, what submitting does and who
 * may open it. The engine (engine.ts, and the bot's side in src/bot/forms/)
 * works from these alone and never names a concrete form.
 *
 * Drafts, facts and answers pass through grammY conversations' stored state,
 * so they are plain JSON (money as decimal strings, dates as ISO strings).
 */
import type { Executor } from "../db/client.ts";
import type { UserRole } from "../db/schema/index.ts";
import type { AppDependencies } from "../dependencies.ts";
import type { Province } from "../domain/province.ts";

/** A file a person sent (a photo or a document), by its Telegram ids. */
export interface IncomingFile {
  kind: "photo" | "document";
  telegramFileId: string;
  telegramFileUniqueId: string;
  fileName?: string | null;
  mimeType?: string | null;
  sizeBytes?: number | null;
}

/** What a person gave in answer to a question, read from any kind of update. */
export type AnswerInput =
  | { kind: "text"; text: string }
  /** a button of the current question */
  | { kind: "choice"; value: string }
  | { kind: "contact"; phone: string; ownContact: boolean }
  /** a photo or document; `caption` is the text typed with it */
  | { kind: "file"; file: IncomingFile; caption?: string }
  | {
      kind: "unsupported";
      what: "sticker" | "photo" | "voice" | "video" | "document" | "location" | "other";
    };

/** A text to show, as a locale key and its variables (the bot translates). */
export interface Message {
  key: string;
  vars?: Record<string, string | number>;
}

/**
 * A button under a question. Values starting with "~" are the engine's own
 * (keep the answer, confirm it): a question never uses them.
 */
export interface Choice {
  value: string;
  label: Message;
  /** put before the translated label, e.g. the category's number */
  prefix?: string;
  /** written under the question once pressed (default "Đã chọn: <the answer>"), e.g. "Đã bỏ qua" */
  acknowledgement?: Message;
}

/** What a question knows besides the record: the province, the time, and the form's own facts. */
export interface QuestionContext<F = unknown> {
  province: Province;
  nowIso: string;
  timeZone: string;
  /** loaded by the definition (`facts`), plain JSON */
  facts: F;
}

export type Accepted<P> =
  | {
      ok: true;
      patch: P;
      /** said with the next question, once the answer is saved: a warning over a cap, an explanation */
      notices?: Message[];
      /** stay on this question after saving (attachments: one more file) */
      keepAsking?: boolean;
    }
  /**
   * The answer is understood but worth a second look (an amount written in
   * words, a number given for a name): `message` says how it was read and
   * asks; `patch` is saved only once the person taps to confirm.
   */
  | {
      ok: "confirm";
      patch: P;
      message: Message;
      /** the confirming button's label; default "✅ Đúng, giữ nguyên" */
      confirmLabel?: Message;
      /** said with the next question once confirmed */
      notices?: Message[];
    }
  /** the answer cannot be used: say why, ask again */
  | { ok: false; error: Message }
  /** the answer needs narrowing down: offer these buttons (explained by `details`, a line each), keep waiting */
  | { ok: false; clarify: Message; details?: Message[]; choices: Choice[] };

/**
 * Thrown by a definition's `save` when the answer cannot be kept for a
 * reason only the database knows (a tax code registered by another
 * establishment): nothing is saved and the person is told why.
 */
export class AnswerRefusedError extends Error {
  constructor(readonly refusal: Message) {
    super(`answer refused: ${refusal.key}`);
    this.name = "AnswerRefusedError";
  }
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Extra pages of buttons a question offers (the whole list of communes). */
export interface QuestionPager<F = unknown> {
  /** whether a button's value asks for a page rather than answering */
  isPageRequest(value: string): boolean;
  page(
    value: string,
    context: QuestionContext<F>,
  ): {
    text: Message;
    choices: Choice[];
    columns: number;
    previous?: { value: string; label: Message };
    next?: { value: string; label: Message };
    /** true: replace the list in place (turning a page); false: a new message */
    replace: boolean;
  };
}

/**
 * A question is data: its prompt, its buttons, how an answer is parsed and
 * saved, and how the saved answer reads in the summary. The form, the
 * summary's "Sửa mục N" and /help all work from these definitions.
 */
export interface Question<R, P, F = unknown> {
  id: string;
  /** the locale key of the question; /help shows `helpKey` (default `<promptKey>-help`) */
  promptKey: string;
  helpKey?: string;
  promptVars?(record: R, context: QuestionContext<F>): Record<string, string | number>;
  /** the row's label in the summary; default `summary-label-<form kind>-<id>` */
  label?: Message;
  choices?(record: R, context: QuestionContext<F>): Choice[];
  /** lines said under the question: the cap that applies, what a figure means */
  promptNotes?(record: R, context: QuestionContext<F>): Message[];
  /** buttons per row */
  columns?: number;
  /** ask for the phone with Telegram's "share my number" button */
  requestContact?: boolean;
  /** takes several answers (files) until a button says it is done */
  multiple?: boolean;
  /** the message after each of several answers (multiple questions) */
  keepAskingMessage?(record: R, context: QuestionContext<F>): Message;
  pager?: QuestionPager<F>;
  /** whether the question is asked at all for this record */
  applies?(record: R, context: QuestionContext<F>): boolean;
  isAnswered(record: R): boolean;
  accept(input: AnswerInput, record: R, context: QuestionContext<F>): Accepted<P>;
  /** the answer as shown in the summary (HTML-escaped by the caller) */
  display(record: R, context: QuestionContext<F>, t: Translate): string | null;
  /** progress is counted per section ("Bước 4/11"); default "main" */
  section?: string;
  /** not listed in the summary (asked once, like a pre-check) */
  hiddenInSummary?: boolean;
}

/** Which record a form works on, for whom. */
export interface FormRef {
  recordId: number;
  userId: number;
}

export interface StartArgs {
  /** the form to start once this one is submitted */
  continueWith?: string;
  /** the record the form is about (an application, a bổ sung), when it is not the person's own draft */
  recordId?: number;
  /** what the form is for, when one form serves several purposes (e.g. which decision) */
  variant?: string;
}

export type StartOutcome =
  | {
      kind: "open";
      recordId: number;
      /** said before the first question (the reply keyboard is taken away with it), one line each */
      intro?: Message | Message[];
      /** where to begin: the first unanswered question, or the summary (a finished card) */
      at?: "first-unanswered" | "summary";
    }
  /** another form must come first (the profile before an application) */
  | { kind: "redirect"; form: string; args?: StartArgs }
  | { kind: "refused"; message: Message };

export type SubmitOutcome =
  | {
      kind: "done";
      message: Message;
      /** go on into another form (with no main menu in between) */
      next?: { form: string; args?: StartArgs };
    }
  | { kind: "refused"; message: Message };

export interface FormSummary<R, F> {
  title(record: R, context: QuestionContext<F>): Message;
  footer(record: R, context: QuestionContext<F>): Message;
  /** said in italics after a row's value: an amount in words */
  rowSuffix?(questionId: string, record: R, context: QuestionContext<F>): string | null;
  /**
   * Warnings said under a row (a request above its cap): the same words as
   * when the answer was given; the summary adds how to fix it ("Sửa mục N").
   */
  rowWarnings?(questionId: string, record: R, context: QuestionContext<F>): Message[];
  /** lines after the rows (the screening's outcome) */
  closing?(record: R, context: QuestionContext<F>): Message[];
  submitLabel(record: R): Message;
  /** offer "Để sau" beside the submit button */
  offerLater?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of any record type
export type AnyFormDefinition = FormDefinition<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: questions of any form are handled alike by the engine
export type AnyQuestion = Question<any, any, any>;

export interface FormDefinition<R extends { id: number }, P, F> {
  /** the registry key, kept in users.open_form */
  kind: string;
  /** who may open it */
  roles: readonly UserRole[];
  /** a command and a main-menu button that open it (optional) */
  entry?: { command?: string; menuKey?: string };
  /**
   * What the form is called in running text ("thông tin cơ sở", "hồ sơ đề
   * nghị hỗ trợ") and the main menu's button that resumes it: locale keys,
   * by default "form-name-default" and "menu-resume-default".
   */
  names?: { form: string; resumeButton: string };
  /** the draft's own name, to say what a deletion would lose (an application's title) */
  draftName?(record: R): string | null;
  questions: readonly Question<R, P, F>[];
  /** the progress line's locale key per section; default "form-progress" */
  progressKeys?: Record<string, string>;
  /** the draft, or undefined when it is gone (submitted, deleted, not the user's) */
  load(db: Executor, ref: FormRef): Promise<R | undefined>;
  /** writes an answer into the draft, inside the engine's saving transaction */
  save(db: Executor, ref: FormRef, patch: P): Promise<void>;
  /** the facts its questions need besides the record (plain JSON) */
  facts(db: Executor, deps: AppDependencies, ref: FormRef, record: R): Promise<F>;
  summary: FormSummary<R, F>;
  start(deps: AppDependencies, userId: number, args: StartArgs): Promise<StartOutcome>;
  submit(
    deps: AppDependencies,
    ref: FormRef,
    record: R,
    openForm: { continueWith?: string },
  ): Promise<SubmitOutcome>;
  /** false when the record is not a draft any more (a finished profile being edited); default true */
  isDraft?(record: R): boolean;
  /** submit as soon as every question is answered, without a summary (one-question forms) */
  autoSubmit?: boolean;
  /** a draft of this form the person left, to resume from the menu */
  resumable?(db: Executor, userId: number): Promise<number | undefined>;
  /**
   * Deletes the draft on request; false when there is nothing to delete
   * (a finished profile being edited: every change was saved as made).
   */
  discard?(db: Executor, ref: FormRef, record: R): Promise<boolean>;
}
