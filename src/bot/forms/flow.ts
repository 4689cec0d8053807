import { InlineKeyboard } from "grammy";
import {
  closeForm,
  type FormServices,
  type FormStep,
  findResumable,
  loadStep,
  markQuestionAsked,
  openFormAt,
  questionContext,
} from "../../forms/engine.ts";
import { firstUnanswered } from "../../forms/progress.ts";
import type { StartArgs } from "../../forms/types.ts";
import type { BotContext } from "../context.ts";
import { replyWithMainMenu } from "../main-menu.ts";
import { formInterruptCallback } from "./callbacks.ts";
import { FORM_CONVERSATION } from "./conversation-id.ts";
import { renderMessage, sendPrompt } from "./prompt.ts";
import { renderSummary } from "./summary.ts";

/**
 * Moving through any form from outside the conversation: start, resume,
 * show the open question or the summary, leave, delete, submit. The
 * conversation itself only ever asks one question and saves its answer.
 */

function requireUserId(ctx: BotContext): number {
  const id = ctx.user?.id;
  if (id === undefined) throw new Error("a form needs a consenting user");
  return id;
}

export const formServices = (ctx: BotContext): FormServices => ({
  deps: ctx.deps,
  forms: ctx.deps.forms,
});

/** Clears what the person's form had on record in this update (the row was changed below it). */
function forgetOpenForm(ctx: BotContext): void {
  if (ctx.user) ctx.user.openForm = null;
}

async function askInConversation(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(FORM_CONVERSATION, "ask");
}

export async function showSummary(ctx: BotContext, step: FormStep): Promise<void> {
  const definition = ctx.deps.forms.get(step.openForm.kind);
  if (!definition) return;
  const { text, keyboard } = renderSummary(
    ctx,
    definition,
    step.record,
    questionContext(ctx.deps, step),
    step.openForm.promptToken,
  );
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

/** Shows where a form stands: asks its open question, or shows its summary. */
async function presentStep(ctx: BotContext, step: FormStep): Promise<void> {
  const { questionId, kind } = step.openForm;
  if (questionId === null) {
    if (ctx.deps.forms.get(kind)?.autoSubmit) await submitOpenForm(ctx);
    else await showSummary(ctx, step);
    return;
  }
  if (!ctx.deps.forms.findQuestion(kind, questionId)) {
    // The form's code changed since this question was asked: carry on from the saved answers.
    await advanceForm(ctx);
    return;
  }
  await askInConversation(ctx);
}

/** After an answer (saving moved the form on): the open question, or the summary. */
export async function presentOpenForm(ctx: BotContext): Promise<void> {
  const step = await loadStep(formServices(ctx), requireUserId(ctx));
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("menu-shown"));
    return;
  }
  await presentStep(ctx, step);
}

/** The first unanswered question, or the summary when all are answered. */
export async function advanceForm(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const services = formServices(ctx);
  const current = await loadStep(services, userId);
  const step =
    current && (await openFormAt(services, userId, current.openForm, "first-unanswered"));
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("menu-shown"));
    return;
  }
  await presentStep(ctx, step);
}

/** Shows the current question again (after /help, "continue", a switch of language). */
export async function repeatCurrentStep(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const step = await loadStep(formServices(ctx), userId);
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("menu-shown"));
    return;
  }
  const { questionId, kind, promptToken } = step.openForm;
  const definition = ctx.deps.forms.get(kind);
  const question = questionId === null ? undefined : ctx.deps.forms.findQuestion(kind, questionId);
  if (!definition || !question) {
    await presentStep(ctx, step);
    return;
  }
  // The waiting conversation (if any) keeps waiting: the repeated prompt carries the same button token.
  const promptMessageId = await sendPrompt(
    ctx,
    {
      definition,
      record: step.record,
      token: promptToken,
      context: questionContext(ctx.deps, step),
    },
    question,
  );
  await markQuestionAsked(ctx.deps.db, userId, promptToken, promptMessageId);
}

/** Changes one answer from the summary: ask that question, then come back to the summary. */
export async function editAnswer(ctx: BotContext, questionId: string): Promise<void> {
  const userId = requireUserId(ctx);
  const services = formServices(ctx);
  const current = await loadStep(services, userId);
  if (!current || !ctx.deps.forms.findQuestion(current.openForm.kind, questionId)) {
    await advanceForm(ctx);
    return;
  }
  await openFormAt(services, userId, current.openForm, { questionId });
  await askInConversation(ctx);
}

/** Opens a form: its definition decides on which record, with what words, or another form first. */
export async function startForm(
  ctx: BotContext,
  kind: string,
  args: StartArgs = {},
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
    await startForm(ctx, outcome.form, outcome.args ?? {});
    return;
  }
  if (outcome.kind === "refused") {
    await replyWithMainMenu(ctx, renderMessage(ctx, outcome.message), { html: true });
    return;
  }
  if (outcome.intro) {
    await ctx.reply(renderMessage(ctx, outcome.intro), {
      parse_mode: "HTML",
      reply_markup: { remove_keyboard: true },
    });
  }
  const target = {
    kind,
    recordId: outcome.recordId,
    ...(args.continueWith ? { continueWith: args.continueWith } : {}),
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
  await presentStep(ctx, step);
}

/** "Điền tiếp": the open form, else the first draft left (an application, then a profile). */
export async function resumeForm(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  if (ctx.user?.openForm) {
    await repeatCurrentStep(ctx);
    return;
  }
  const services = formServices(ctx);
  const left = await findResumable(services, userId);
  const step = left && (await openFormAt(services, userId, left, "first-unanswered"));
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("resume-nothing"));
    return;
  }
  await presentStep(ctx, step);
}

/** Keeps the draft and closes the form; "Điền tiếp" brings it back. */
export async function leaveForm(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  await closeForm(ctx.deps.db, requireUserId(ctx));
  forgetOpenForm(ctx);
  await replyWithMainMenu(ctx, ctx.t("form-kept"));
}

export async function deleteOpenDraft(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  await ctx.conversation.exitAll();
  const step = await loadStep(formServices(ctx), userId);
  const definition = step && ctx.deps.forms.get(step.openForm.kind);
  if (step && definition?.discard) {
    await definition.discard(
      ctx.deps.db,
      { recordId: step.openForm.recordId, userId },
      step.record,
    );
  }
  await closeForm(ctx.deps.db, userId);
  forgetOpenForm(ctx);
  await replyWithMainMenu(ctx, ctx.t("form-deleted"));
}

/** /cancel in a form: keep the draft or delete it? (Nothing to delete when editing a finished record.) */
export async function askCancelForm(ctx: BotContext): Promise<void> {
  const form = ctx.user?.openForm;
  if (!form) return;
  const userId = requireUserId(ctx);
  await ctx.conversation.exitAll();
  const step = await loadStep(formServices(ctx), userId);
  const definition = step && ctx.deps.forms.get(step.openForm.kind);
  if (!step || !definition?.discard || definition.isDraft?.(step.record) === false) {
    await closeForm(ctx.deps.db, userId);
    forgetOpenForm(ctx);
    await replyWithMainMenu(ctx, ctx.t("form-edit-stopped"));
    return;
  }
  await ctx.reply(ctx.t("form-cancel-question"), {
    reply_markup: new InlineKeyboard()
      .text(
        ctx.t("form-cancel-keep"),
        formInterruptCallback.pack({ token: form.promptToken, action: "keep" }),
      )
      .row()
      .text(
        ctx.t("form-cancel-delete"),
        formInterruptCallback.pack({ token: form.promptToken, action: "delete" }),
      ),
  });
}

/** Another command or menu button in the middle of a form. */
export async function askContinueOrLeave(ctx: BotContext): Promise<void> {
  const form = ctx.user?.openForm;
  if (!form) return;
  await ctx.reply(ctx.t("form-open-question"), {
    reply_markup: new InlineKeyboard()
      .text(
        ctx.t("form-continue"),
        formInterruptCallback.pack({ token: form.promptToken, action: "continue" }),
      )
      .row()
      .text(
        ctx.t("form-leave"),
        formInterruptCallback.pack({ token: form.promptToken, action: "leave" }),
      ),
  });
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
    await ctx.reply(ctx.t("summary-incomplete"));
    await advanceForm(ctx);
    return;
  }
  const outcome = await definition.submit(
    ctx.deps,
    { recordId: step.openForm.recordId, userId },
    step.record,
    step.openForm.continueWith ? { continueWith: step.openForm.continueWith } : {},
  );
  await closeForm(ctx.deps.db, userId);
  forgetOpenForm(ctx);
  if (outcome.kind === "refused") {
    await replyWithMainMenu(ctx, renderMessage(ctx, outcome.message), { html: true });
    return;
  }
  if (outcome.next) {
    await ctx.reply(renderMessage(ctx, outcome.message), { parse_mode: "HTML" });
    await startForm(ctx, outcome.next.form, outcome.next.args ?? {});
    return;
  }
  await replyWithMainMenu(ctx, renderMessage(ctx, outcome.message), { html: true });
}
