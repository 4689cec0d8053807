import {
  closeForm,
  type FormServices,
  type FormStep,
  isFormActive,
  loadStep,
  markQuestionAsked,
  openFormAt,
  pausedForm,
  questionContext,
  readOpenForm,
} from "../../forms/engine.ts";
import { firstUnanswered, helpKeyOf } from "../../forms/progress.ts";
import type { Message, StartArgs } from "../../forms/types.ts";
import type { BotContext } from "../context.ts";
import { replyWithMainMenu } from "../main-menu.ts";
import { FORM_CONVERSATION } from "./conversation-id.ts";
import { type PromptLead, renderMessage, replyWithLead, sendPrompt } from "./prompt.ts";
import { renderSummary } from "./summary.ts";

/**
 * Moving through any form from outside the conversation: start, show the
 * open question or the summary, edit an answer, submit. The conversation
 * itself only ever asks one question and saves its answer. Leaving,
 * resuming and deleting are in leaving.ts.
 *
 * Each step is one message, led by what caused it (the notices of the
 * answer just given, an intro): a fast owner never waits behind a queue of
 * messages (Telegram paces messages into one chat).
 */

export function requireUserId(ctx: BotContext): number {
  const id = ctx.user?.id;
  if (id === undefined) throw new Error("a form needs a consenting user");
  return id;
}

export const formServices = (ctx: BotContext): FormServices => ({
  deps: ctx.deps,
  forms: ctx.deps.forms,
});

/** Clears what the person's form had on record in this update (the row was changed below it). */
export function forgetOpenForm(ctx: BotContext): void {
  if (ctx.user) ctx.user.openForm = null;
}

/** Whether the person has a form open for answers in this update (a paused one is not). */
export const hasActiveForm = (ctx: BotContext): boolean => isFormActive(ctx.user?.openForm);

async function askInConversation(ctx: BotContext, lead?: PromptLead): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(FORM_CONVERSATION, "ask", ...(lead ? [lead] : []));
}

export async function showSummary(
  ctx: BotContext,
  step: FormStep,
  lead?: PromptLead,
): Promise<void> {
  const definition = ctx.deps.forms.get(step.openForm.kind);
  if (!definition) return;
  const { text, keyboard } = renderSummary(
    ctx,
    definition,
    step.record,
    questionContext(ctx.deps, step),
    step.openForm.promptToken,
  );
  await replyWithLead(ctx, lead, text, keyboard);
}

/** Shows where a form stands: asks its open question, or shows its summary. */
async function presentStep(ctx: BotContext, step: FormStep, lead?: PromptLead): Promise<void> {
  const { questionId, kind } = step.openForm;
  if (questionId === null) {
    if (ctx.deps.forms.get(kind)?.autoSubmit) await submitOpenForm(ctx);
    else await showSummary(ctx, step, lead);
    return;
  }
  if (!ctx.deps.forms.findQuestion(kind, questionId)) {
    // The form's code changed since this question was asked: carry on from the saved answers.
    await advanceForm(ctx, lead);
    return;
  }
  await askInConversation(ctx, lead);
}

/** After an answer (saving moved the form on): the open question, or the summary. */
export async function presentOpenForm(ctx: BotContext, lead?: PromptLead): Promise<void> {
  const step = await loadStep(formServices(ctx), requireUserId(ctx));
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("menu-shown"));
    return;
  }
  await presentStep(ctx, step, lead);
}

/** The first unanswered question, or the summary when all are answered. */
export async function advanceForm(ctx: BotContext, lead?: PromptLead): Promise<void> {
  const userId = requireUserId(ctx);
  const services = formServices(ctx);
  const current = await loadStep(services, userId);
  const step =
    current && (await openFormAt(services, userId, current.openForm, "first-unanswered"));
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("menu-shown"));
    return;
  }
  await presentStep(ctx, step, lead);
}

/** Shows the current question again (after /help, "continue", a switch of language), led by `lead`. */
export async function repeatCurrentStep(ctx: BotContext, lead?: PromptLead): Promise<void> {
  const userId = requireUserId(ctx);
  const step = await loadStep(formServices(ctx), userId);
  if (!step) {
    await replyWithMainMenu(
      ctx,
      (lead?.notices ?? []).map((notice) => renderMessage(ctx, notice)).join("\n") ||
        ctx.t("menu-shown"),
      { html: true },
    );
    return;
  }
  const { questionId, kind, promptToken } = step.openForm;
  const definition = ctx.deps.forms.get(kind);
  const question = questionId === null ? undefined : ctx.deps.forms.findQuestion(kind, questionId);
  if (!definition || !question) {
    await presentStep(ctx, step, lead);
    return;
  }
  // The waiting conversation (if any) keeps waiting: the repeated prompt carries the same button token.
  const sent = await sendPrompt(
    ctx,
    {
      definition,
      record: step.record,
      token: promptToken,
      context: questionContext(ctx.deps, step),
      editing: step.openForm.editing === true,
    },
    question,
    lead,
  );
  await markQuestionAsked(ctx.deps.db, userId, promptToken, sent);
}

/** /help in a form: what the current question means (with its own figures), then the question, in one message. */
export async function explainCurrentStep(ctx: BotContext): Promise<void> {
  const step = await loadStep(formServices(ctx), requireUserId(ctx));
  const { kind, questionId } = step?.openForm ?? { kind: "", questionId: null };
  const question = questionId === null ? undefined : ctx.deps.forms.findQuestion(kind, questionId);
  const help: Message =
    step && question
      ? {
          key: helpKeyOf(question),
          vars: question.promptVars?.(step.record, questionContext(ctx.deps, step)) ?? {},
        }
      : { key: "summary-help" };
  await repeatCurrentStep(ctx, { notices: [{ key: "form-help-lead" }, help] });
}

/** Changes one answer from the summary: ask that question ("Đang sửa mục N"), then come back to the summary. */
export async function editAnswer(ctx: BotContext, questionId: string): Promise<void> {
  const userId = requireUserId(ctx);
  const services = formServices(ctx);
  const current = await loadStep(services, userId);
  if (!current || !ctx.deps.forms.findQuestion(current.openForm.kind, questionId)) {
    await advanceForm(ctx);
    return;
  }
  await openFormAt(services, userId, current.openForm, { questionId, editing: true });
  await askInConversation(ctx);
}

const asList = (intro: Message | Message[] | undefined): Message[] =>
  intro === undefined ? [] : Array.isArray(intro) ? intro : [intro];

/**
 * Opens a form: its definition decides on which record, with what words, or
 * another form first. `lead`: said before the intro, in the same message
 * (what the form before it ended with).
 */
export async function startForm(
  ctx: BotContext,
  kind: string,
  args: StartArgs = {},
  lead: Message[] = [],
): Promise<void> {
  const userId = requireUserId(ctx);
  const definition = ctx.deps.forms.get(kind);
  if (!definition || !ctx.user || !definition.roles.includes(ctx.user.role)) {
    ctx.logger.warn({ kind, userId }, "refused to open a form");
    await replyWithMainMenu(ctx, ctx.t("form-not-allowed"));
    return;
  }
  const outcome = await definition.start(ctx.deps, userId, args);
  if (outcome.kind === "redirect") {
    await startForm(ctx, outcome.form, outcome.args ?? {}, lead);
    return;
  }
  if (outcome.kind === "refused") {
    const said = [...lead, outcome.message].map((message) => renderMessage(ctx, message));
    await replyWithMainMenu(ctx, said.join("\n\n"), { html: true });
    return;
  }
  // Opened again on the draft it had paused on: it keeps where it was going next.
  const paused = await pausedForm(ctx.deps.db, userId);
  const continueWith =
    args.continueWith ??
    (paused?.kind === kind && paused.recordId === outcome.recordId
      ? paused.continueWith
      : undefined);
  const target = {
    kind,
    recordId: outcome.recordId,
    ...(continueWith ? { continueWith } : {}),
    answeredBy: ctx.update.update_id,
  };
  const step = await openFormAt(
    formServices(ctx),
    userId,
    target,
    outcome.at ?? "first-unanswered",
  );
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("menu-shown"));
    return;
  }
  const notices = [...lead, ...asList(outcome.intro)];
  await presentStep(
    ctx,
    step,
    notices.length > 0 ? { notices, removeReplyKeyboard: true } : undefined,
  );
}

/** The summary's submit button: the definition's submit, then its outcome. */
export async function submitOpenForm(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const step = await loadStep(formServices(ctx), userId);
  const definition = step && ctx.deps.forms.get(step.openForm.kind);
  if (!step || !definition) {
    await replyWithMainMenu(ctx, ctx.t("menu-shown"));
    return;
  }
  if (firstUnanswered(definition, step.record, questionContext(ctx.deps, step))) {
    await advanceForm(ctx, { notices: [{ key: "summary-incomplete" }] });
    return;
  }
  const outcome = await definition.submit(
    ctx.deps,
    { recordId: step.openForm.recordId, userId },
    step.record,
    step.openForm.continueWith ? { continueWith: step.openForm.continueWith } : {},
  );
  if (outcome.kind === "done" && outcome.next) {
    // Straight on into the next form: what this one ended with leads its first question. The next
    // form replaces this one as the open form in one write, so a crash before that leaves this
    // one open at its summary and the same press (handled again) submits it again: a submit that
    // leads on is idempotent (a profile). Closing it first would strand the person between the two.
    await startForm(ctx, outcome.next.form, outcome.next.args ?? {}, [outcome.message]);
    const open = await readOpenForm(ctx.deps.db, userId);
    if (open?.kind === step.openForm.kind && open.recordId === step.openForm.recordId) {
      // The next form could not open (refused): this one is done all the same.
      await closeForm(ctx.deps.db, userId);
      forgetOpenForm(ctx);
    }
    return;
  }
  await closeForm(ctx.deps.db, userId);
  forgetOpenForm(ctx);
  if (outcome.kind === "refused") {
    await replyWithMainMenu(ctx, renderMessage(ctx, outcome.message), { html: true });
    return;
  }
  await replyWithMainMenu(ctx, renderMessage(ctx, outcome.message), { html: true });
}
