/**
 * The forms' state in the database, for any form: which form a person has
 * open and which question awaits their answer (users.open_form), its draft
 * (through the definition), and saving an answer.
 *
 * Guarantee: an answer is saved only into the question it answers. The save
 * checks, inside its transaction, that the question (by its prompt token)
 * is still the open one, writes the answer, moves the form on to the next
 * question under a fresh token, and records which update gave the answer;
 * all or nothing. A late, replayed or doubled update therefore never lands
 * in another field: it finds the question closed ("not-open": show the
 * current one) or its own answer already saved ("already-saved").
 *
 * A form the person leaves to go on later stays in users.open_form, marked
 * `paused`: it is then not open for answers (a late update finds it closed),
 * but keeps its place and where it was going next (`continueWith`), which
 * "Điền tiếp" restores.
 */
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { type OpenForm, users } from "../db/schema/index.ts";
import type { AppDependencies } from "../dependencies.ts";
import { firstUnanswered } from "./progress.ts";
import type { FormRegistry } from "./registry.ts";
import {
  AnswerRefusedError,
  type AnyFormDefinition,
  type FormRef,
  type Message,
  type QuestionContext,
} from "./types.ts";

/** An open form as plain JSON: where the person is, the draft, and its facts. */
export interface FormStep {
  openForm: OpenForm;
  record: unknown;
  facts: unknown;
  nowIso: string;
  timeZone: string;
}

export interface FormServices {
  deps: AppDependencies;
  forms: FormRegistry;
}

export const newPromptToken = (): string =>
  randomBytes(6).toString("base64url").replace(/[-_]/g, "x").slice(0, 8);

export const questionContext = (deps: AppDependencies, step: FormStep): QuestionContext => ({
  province: deps.province,
  nowIso: step.nowIso,
  timeZone: step.timeZone,
  facts: step.facts,
});

const refOf = (openForm: Pick<OpenForm, "recordId">, userId: number): FormRef => ({
  recordId: openForm.recordId,
  userId,
});

export async function readOpenForm(
  db: Executor,
  userId: number,
  lock = false,
): Promise<OpenForm | null> {
  const query = db.select({ openForm: users.openForm }).from(users).where(eq(users.id, userId));
  const [row] = await (lock ? query.for("update") : query).limit(1);
  return row?.openForm ?? null;
}

async function writeOpenForm(db: Executor, userId: number, openForm: OpenForm | null) {
  await db.update(users).set({ openForm }).where(eq(users.id, userId));
}

/** The step of an open form, read with `db` (a transaction inside a save). */
async function stepOf(
  db: Executor,
  services: FormServices,
  definition: AnyFormDefinition,
  openForm: OpenForm,
  userId: number,
): Promise<FormStep | undefined> {
  const ref = refOf(openForm, userId);
  const record = await definition.load(db, ref);
  if (record === undefined) return undefined;
  const facts = await definition.facts(db, services.deps, ref, record);
  return {
    openForm,
    record,
    facts,
    nowIso: services.deps.clock.now().toISOString(),
    timeZone: services.deps.config.timeZone,
  };
}

/** Whether a form is open for answers (a paused one is kept, not open). */
export const isFormActive = (openForm: OpenForm | null | undefined): openForm is OpenForm =>
  openForm !== null && openForm !== undefined && openForm.paused !== true;

/** A person's open form, or undefined when none is open (paused, or its draft is gone, or its kind). */
export async function loadStep(
  services: FormServices,
  userId: number,
): Promise<FormStep | undefined> {
  const { db } = services.deps;
  const openForm = await readOpenForm(db, userId);
  if (!isFormActive(openForm)) return undefined;
  const definition = services.forms.get(openForm.kind);
  const step = definition && (await stepOf(db, services, definition, openForm, userId));
  if (!step) {
    // The draft was submitted or deleted elsewhere (another device, an officer), or the form
    // no longer exists in the code: close it.
    await writeOpenForm(db, userId, null);
    return undefined;
  }
  return step;
}

/** `answeredBy`: the update that opens it (so that update handled again re-shows the step, see OpenForm) */
export type OpenTarget = Pick<OpenForm, "kind" | "recordId" | "continueWith" | "answeredBy">;

export type OpenAt = "first-unanswered" | "summary" | { questionId: string; editing?: boolean };

/**
 * Opens a form on a record (or moves within the open one) at its first
 * unanswered question, at the summary, or at a given question (to change
 * its answer from the summary: `editing`), under a fresh button token.
 */
export async function openFormAt(
  services: FormServices,
  userId: number,
  target: OpenTarget,
  at: OpenAt,
): Promise<FormStep | undefined> {
  const { db } = services.deps;
  const definition = services.forms.get(target.kind);
  if (!definition) return undefined;
  // Only where the form is: nothing of the question it stood at before (asked, its message, a pause).
  const draft: OpenForm = {
    ...withoutUndefined({
      kind: target.kind,
      recordId: target.recordId,
      continueWith: target.continueWith,
      answeredBy: target.answeredBy,
    }),
    questionId: null,
    promptToken: "",
  };
  const step = await stepOf(db, services, definition, draft, userId);
  if (!step) return undefined;
  let questionId: string | null = null;
  if (at === "first-unanswered") {
    questionId =
      firstUnanswered(definition, step.record, questionContext(services.deps, step))?.id ?? null;
  } else if (at !== "summary") {
    questionId = services.forms.findQuestion(target.kind, at.questionId) ? at.questionId : null;
  }
  const editing = typeof at === "object" && at.editing === true && questionId !== null;
  const openForm: OpenForm = {
    ...draft,
    questionId,
    promptToken: newPromptToken(),
    ...(editing ? { editing } : {}),
  };
  await writeOpenForm(db, userId, openForm);
  return { ...step, openForm };
}

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export type SaveResult =
  /** saved; the form now stands at `step` (the next question, or the summary) */
  | { kind: "saved"; step: FormStep }
  /** the question is no longer the open one: nothing saved */
  | { kind: "not-open" }
  /** this update's answer was saved before (a redelivery after a crash): nothing saved again */
  | { kind: "already-saved" }
  /** the draft is gone (submitted or deleted meanwhile) */
  | { kind: "gone" }
  /** the definition refused the answer when saving it (see AnswerRefusedError): say why, ask again */
  | { kind: "refused"; error: Message };

export interface AnswerTarget {
  userId: number;
  /** the prompt token of the question answered */
  token: string;
  questionId: string;
  /** the Telegram update that carries the answer */
  updateId: number;
}

export interface SaveOptions {
  /** stay on the question after saving (one more file) */
  keepAsking?: boolean;
  /** save nothing: the person kept the answer they had ("Giữ nguyên" while editing) */
  keep?: boolean;
}

/**
 * Saves an answer into its question and moves the form on (to the first
 * unanswered question, or the summary), in one transaction (see the top).
 */
export async function saveAnswer(
  services: FormServices,
  target: AnswerTarget,
  patch: unknown,
  options: SaveOptions = {},
): Promise<SaveResult> {
  try {
    return await saveInTransaction(services, target, patch, options);
  } catch (error) {
    if (error instanceof AnswerRefusedError) return { kind: "refused", error: error.refusal };
    throw error;
  }
}

async function saveInTransaction(
  services: FormServices,
  target: AnswerTarget,
  patch: unknown,
  options: SaveOptions,
): Promise<SaveResult> {
  return services.deps.db.transaction(async (tx) => {
    const openForm = await readOpenForm(tx, target.userId, true);
    if (openForm?.answeredBy === target.updateId) return { kind: "already-saved" as const };
    if (
      !isFormActive(openForm) ||
      openForm.promptToken !== target.token ||
      openForm.questionId !== target.questionId
    )
      return { kind: "not-open" as const };
    const definition = services.forms.get(openForm.kind);
    if (!definition) return { kind: "gone" as const };
    const ref = refOf(openForm, target.userId);
    if ((await definition.load(tx, ref)) === undefined) return { kind: "gone" as const };
    if (!options.keep) await definition.save(tx, ref, patch);
    const after = await stepOf(tx, services, definition, openForm, target.userId);
    if (!after) return { kind: "gone" as const };
    let next: OpenForm;
    if (options.keepAsking) {
      next = { ...openForm, answeredBy: target.updateId };
    } else {
      const question = firstUnanswered(
        definition,
        after.record,
        questionContext(services.deps, after),
      );
      next = {
        ...withoutUndefined({
          kind: openForm.kind,
          recordId: openForm.recordId,
          continueWith: openForm.continueWith,
        }),
        questionId: question?.id ?? null,
        promptToken: newPromptToken(),
        answeredBy: target.updateId,
      };
    }
    await writeOpenForm(tx, target.userId, next);
    return { kind: "saved" as const, step: { ...after, openForm: next } };
  });
}

/** Whether the question under this token is still the one awaiting an answer. */
export async function isQuestionOpen(
  db: Executor,
  userId: number,
  token: string,
): Promise<boolean> {
  const openForm = await readOpenForm(db, userId);
  return isFormActive(openForm) && openForm.promptToken === token && openForm.questionId !== null;
}

export async function closeForm(db: Executor, userId: number): Promise<void> {
  await writeOpenForm(db, userId, null);
}

/** Leaves the open form for later: kept with its place and where it goes next, not open for answers. */
export async function pauseForm(db: Executor, userId: number): Promise<void> {
  await db
    .update(users)
    .set({ openForm: sql`${users.openForm} || '{"paused":true}'::jsonb` })
    .where(sql`${users.id} = ${userId} and ${users.openForm} is not null`);
}

/**
 * The paused form, if its draft is still there; a paused form whose draft
 * is gone (submitted or deleted elsewhere) is closed.
 */
async function livePausedForm(
  services: FormServices,
  userId: number,
): Promise<OpenForm | undefined> {
  const { db } = services.deps;
  const paused = await readOpenForm(db, userId);
  if (!paused?.paused) return undefined;
  const definition = services.forms.get(paused.kind);
  const record = definition && (await definition.load(db, refOf(paused, userId)));
  if (record !== undefined) return paused;
  await writeOpenForm(db, userId, null);
  return undefined;
}

const targetOf = (openForm: OpenForm): OpenTarget =>
  withoutUndefined({
    kind: openForm.kind,
    recordId: openForm.recordId,
    continueWith: openForm.continueWith,
  });

/**
 * "Điền tiếp": the paused form where it was (keeping where it goes next; an
 * answer being changed from the summary is asked again), else the first
 * draft left, at its first unanswered question.
 */
export async function resumeForm(
  services: FormServices,
  userId: number,
): Promise<FormStep | undefined> {
  const paused = await livePausedForm(services, userId);
  if (paused) {
    const at: OpenAt =
      paused.editing && paused.questionId
        ? { questionId: paused.questionId, editing: true }
        : "first-unanswered";
    const step = await openFormAt(services, userId, targetOf(paused), at);
    if (step) return step;
  }
  const left = await findResumable(services, userId);
  return left && (await openFormAt(services, userId, left, "first-unanswered"));
}

/** Records that the open question (by its token) reached the person. */
export async function markQuestionAsked(
  db: Executor,
  userId: number,
  promptToken: string,
  sent: { messageId: number; buttonsMessageId: number | undefined },
): Promise<void> {
  const fields = {
    asked: true,
    ...(sent.buttonsMessageId === undefined ? {} : { promptMessageId: sent.buttonsMessageId }),
  };
  // The first message that showed the question stays its mark: asked again (after a message sent
  // before it), anything typed after the first showing is still an answer.
  const firstShown = sql`jsonb_build_object('askedMessageId', coalesce(${users.openForm}->'askedMessageId', to_jsonb(${sent.messageId}::bigint)))`;
  await db
    .update(users)
    .set({
      openForm: sql`${users.openForm} || ${JSON.stringify(fields)}::jsonb || ${firstShown}`,
    })
    .where(sql`${users.id} = ${userId} and ${users.openForm}->>'promptToken' = ${promptToken}`);
}

/**
 * A draft the person left, to resume from the menu: the paused form, else
 * the first form (in registry order) that has a draft.
 */
export async function findResumable(
  services: FormServices,
  userId: number,
): Promise<OpenTarget | undefined> {
  const paused = await livePausedForm(services, userId);
  if (paused) return targetOf(paused);
  for (const definition of services.forms.all()) {
    const recordId = await definition.resumable?.(services.deps.db, userId);
    if (recordId !== undefined) return { kind: definition.kind, recordId };
  }
  return undefined;
}

/** Which form the menu's "continue" button resumes: the open or paused one, or a draft left. */
export async function resumableFormKind(
  services: FormServices,
  userId: number,
): Promise<string | undefined> {
  const openForm = await readOpenForm(services.deps.db, userId);
  if (isFormActive(openForm) && services.forms.get(openForm.kind)) return openForm.kind;
  return (await findResumable(services, userId))?.kind;
}

/** The paused form of a person, if any (to keep where it was going when it is opened again). */
export async function pausedForm(db: Executor, userId: number): Promise<OpenForm | undefined> {
  const openForm = await readOpenForm(db, userId);
  return openForm?.paused ? openForm : undefined;
}
