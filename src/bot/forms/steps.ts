import { randomBytes } from "node:crypto";
import type { OpenForm } from "../../db/schema/index.ts";
import { registrationWindow } from "../../domain/plan-year.ts";
import { ownerAnsweredEligibility } from "../../services/applications.ts";
import { type FormRecord, loadFormRecord } from "../../services/forms.ts";
import { findUser, setOpenForm } from "../../services/users.ts";
import type { BotDependencies } from "../dependencies.ts";
import type { FormEnvironment, QuestionContext } from "./types.ts";

/**
 * The state of a person's open form, as plain JSON: where they are, the
 * draft, and the facts the questions need. Loaded through
 * `conversation.external`, so it is read once per question, not per replay.
 */
export interface FormStep {
  openForm: OpenForm;
  form: FormRecord;
  env: FormEnvironment;
}

export const newPromptToken = (): string =>
  randomBytes(6).toString("base64url").replace(/[-_]/g, "x").slice(0, 8);

export async function formEnvironment(
  deps: BotDependencies,
  ownerId: number,
  form: FormRecord,
): Promise<FormEnvironment> {
  const now = deps.clock.now();
  const planYear =
    form.kind === "application"
      ? form.record.planYear
      : registrationWindow(now, deps.province, deps.config.timeZone).planYear;
  const needsEligibility =
    form.kind === "application" && form.record.eligibility === null
      ? !(await ownerAnsweredEligibility(deps.db, ownerId, form.record.id))
      : false;
  return { nowIso: now.toISOString(), timeZone: deps.config.timeZone, planYear, needsEligibility };
}

export const questionContext = (deps: BotDependencies, env: FormEnvironment): QuestionContext => ({
  province: deps.province,
  env,
});

/** Loads the open form of a person, or undefined when none is open (or its draft is gone). */
export async function loadFormStep(
  deps: BotDependencies,
  userId: number,
): Promise<FormStep | undefined> {
  const user = await findUser(deps.db, userId);
  const openForm = user?.openForm;
  if (!openForm) return undefined;
  const form = await loadFormRecord(deps.db, openForm, userId);
  if (!form) {
    // The draft was submitted or deleted elsewhere (another device, an officer): close the form.
    await setOpenForm(deps.db, userId, null);
    return undefined;
  }
  return { openForm, form, env: await formEnvironment(deps, userId, form) };
}

/** Points the open form at a question (or at the summary, with null) under a fresh button token. */
export async function moveOpenForm(
  deps: BotDependencies,
  userId: number,
  form: Pick<OpenForm, "kind" | "recordId" | "continueWith">,
  questionId: string | null,
): Promise<OpenForm> {
  const openForm: OpenForm = {
    kind: form.kind,
    recordId: form.recordId,
    questionId,
    promptToken: newPromptToken(),
  };
  if (form.continueWith) openForm.continueWith = form.continueWith;
  await setOpenForm(deps.db, userId, openForm);
  return openForm;
}
