import { InlineKeyboard } from "grammy";
import type { OpenForm } from "../../db/schema/index.ts";
import { formatDate, localParts } from "../../domain/dates.ts";
import { registrationWindow } from "../../domain/plan-year.ts";
import {
  createApplicationDraft,
  deleteApplicationDraft,
  findLatestDraft,
  submitApplication,
} from "../../services/applications.ts";
import {
  createEstablishmentDraft,
  deleteIncompleteEstablishment,
  findEstablishment,
  findOwnersEstablishment,
  markEstablishmentComplete,
} from "../../services/establishments.ts";
import { notifyOfficersOfSubmission } from "../../services/notifications.ts";
import { markQuestionAsked, setOpenForm } from "../../services/users.ts";
import type { BotContext } from "../context.ts";
import { replyWithMainMenu } from "../main-menu.ts";
import { FORM_CONVERSATION } from "./conversation-id.ts";
import { sendPrompt, tHtml } from "./prompt.ts";
import { findQuestion, firstUnanswered } from "./registry.ts";
import { type FormStep, loadFormStep, moveOpenForm, questionContext } from "./steps.ts";
import { renderSummary } from "./summary.ts";

/**
 * Moving through a form from outside the conversation: start, resume, go to
 * the next question or the summary, leave, delete, submit. The conversation
 * itself only ever asks one question and saves its answer.
 */

export const formInterruptCallback = (
  token: string,
  action: "continue" | "leave" | "keep" | "delete",
): string => `fi:${token}:${action}`;
export const FORM_INTERRUPT_CALLBACK = /^fi:([A-Za-z0-9]{1,16}):(continue|leave|keep|delete)$/;

function requireUserId(ctx: BotContext): number {
  const id = ctx.user?.id;
  if (id === undefined) throw new Error("a form needs a consenting user");
  return id;
}

async function askInConversation(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(FORM_CONVERSATION, "ask");
}

export async function showSummary(ctx: BotContext, step: FormStep): Promise<void> {
  const { text, keyboard } = renderSummary(
    ctx,
    step.form,
    questionContext(ctx.deps, step.env),
    step.openForm.promptToken,
  );
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

/** After an answer (or on "continue"): the first unanswered question, or the summary when all are answered. */
export async function advanceForm(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const step = await loadFormStep(ctx.deps, userId);
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("menu-shown"));
    return;
  }
  const next = firstUnanswered(step.form, questionContext(ctx.deps, step.env));
  if (next) {
    await moveOpenForm(ctx.deps, userId, step.openForm, next.id);
    await askInConversation(ctx);
    return;
  }
  const openForm = await moveOpenForm(ctx.deps, userId, step.openForm, null);
  await showSummary(ctx, { ...step, openForm });
}

/** Shows the current question again (after /help, "continue", a switch of language). */
export async function repeatCurrentStep(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const step = await loadFormStep(ctx.deps, userId);
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("menu-shown"));
    return;
  }
  if (step.openForm.questionId === null) {
    await showSummary(ctx, step);
    return;
  }
  const question = findQuestion(step.openForm.kind, step.openForm.questionId);
  if (!question) {
    // The form's code changed since this question was asked: carry on from the saved answers.
    await advanceForm(ctx);
    return;
  }
  // The waiting conversation (if any) keeps waiting: the repeated prompt carries the same button token.
  const promptMessageId = await sendPrompt(
    ctx,
    {
      form: step.form,
      token: step.openForm.promptToken,
      context: questionContext(ctx.deps, step.env),
    },
    question,
  );
  await markQuestionAsked(ctx.deps.db, userId, step.openForm.promptToken, promptMessageId);
}

/** Changes one answer from the summary: ask that question, then come back to the summary. */
export async function editAnswer(ctx: BotContext, questionId: string): Promise<void> {
  const userId = requireUserId(ctx);
  const step = await loadFormStep(ctx.deps, userId);
  if (!step || !findQuestion(step.openForm.kind, questionId)) return advanceForm(ctx);
  await moveOpenForm(ctx.deps, userId, step.openForm, questionId);
  await askInConversation(ctx);
}

async function openForm(
  ctx: BotContext,
  form: Pick<OpenForm, "kind" | "recordId" | "continueWith">,
): Promise<void> {
  await moveOpenForm(ctx.deps, requireUserId(ctx), form, null);
  await advanceForm(ctx);
}

/** Asks the establishment's details; `continueWith: "application"` goes on to the application once confirmed. */
export async function startProfileForm(
  ctx: BotContext,
  continueWith?: "application",
): Promise<void> {
  const userId = requireUserId(ctx);
  const existing = await findOwnersEstablishment(ctx.deps.db, userId);
  const establishment = existing ?? (await createEstablishmentDraft(ctx.deps.db, userId));
  await ctx.reply(ctx.t(continueWith ? "profile-intro-before-application" : "profile-intro"), {
    reply_markup: { remove_keyboard: true },
  });
  await openForm(ctx, {
    kind: "profile",
    recordId: establishment.id,
    ...(continueWith ? { continueWith } : {}),
  });
}

/** /apply: the profile first if needed, then a new application (or the draft already begun). */
export async function startApplicationForm(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const { db, clock, province, config } = ctx.deps;
  const establishment = await findOwnersEstablishment(db, userId);
  if (!establishment?.completed) {
    await startProfileForm(ctx, "application");
    return;
  }
  const draft = await findLatestDraft(db, userId);
  if (draft) {
    await ctx.reply(ctx.t("application-resume-draft"));
    await openForm(ctx, { kind: "application", recordId: draft.id });
    return;
  }
  const window = registrationWindow(clock.now(), province, config.timeZone);
  const created = await createApplicationDraft(db, {
    ownerId: userId,
    establishmentId: establishment.id,
    planYear: window.planYear,
  });
  await ctx.reply(
    tHtml(ctx, "application-intro", {
      year: String(window.planYear),
      deadline: formatDate(localParts(window.registrationDeadline, config.timeZone)),
      establishment: establishment.name ?? "",
    }),
    { parse_mode: "HTML", reply_markup: { remove_keyboard: true } },
  );
  await openForm(ctx, { kind: "application", recordId: created.id });
}

/** "Điền tiếp hồ sơ": the open form, else the latest draft application, else an unfinished profile. */
export async function resumeForm(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  if (ctx.user?.openForm) {
    await repeatCurrentStep(ctx);
    return;
  }
  const draft = await findLatestDraft(ctx.deps.db, userId);
  if (draft) {
    await openForm(ctx, { kind: "application", recordId: draft.id });
    return;
  }
  const establishment = await findOwnersEstablishment(ctx.deps.db, userId);
  if (establishment && !establishment.completed) {
    await openForm(ctx, { kind: "profile", recordId: establishment.id });
    return;
  }
  await replyWithMainMenu(ctx, ctx.t("resume-nothing"));
}

/** Keeps the draft and closes the form; "Điền tiếp hồ sơ" brings it back. */
export async function leaveForm(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  await setOpenForm(ctx.deps.db, requireUserId(ctx), null);
  if (ctx.user) ctx.user.openForm = null;
  await replyWithMainMenu(ctx, ctx.t("form-kept"));
}

export async function deleteOpenDraft(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const form = ctx.user?.openForm;
  await ctx.conversation.exitAll();
  if (form?.kind === "application")
    await deleteApplicationDraft(ctx.deps.db, form.recordId, userId);
  if (form?.kind === "profile")
    await deleteIncompleteEstablishment(ctx.deps.db, form.recordId, userId);
  await setOpenForm(ctx.deps.db, userId, null);
  if (ctx.user) ctx.user.openForm = null;
  await replyWithMainMenu(ctx, ctx.t("form-deleted"));
}

/** /cancel in a form: keep the draft or delete it? */
export async function askCancelForm(ctx: BotContext): Promise<void> {
  const form = ctx.user?.openForm;
  if (!form) return;
  await ctx.conversation.exitAll();
  if (form.kind === "profile") {
    const establishment = await findEstablishment(ctx.deps.db, form.recordId, requireUserId(ctx));
    if (establishment?.completed) {
      // Editing a confirmed profile: each change was saved as it was made; there is no draft to delete.
      await setOpenForm(ctx.deps.db, requireUserId(ctx), null);
      if (ctx.user) ctx.user.openForm = null;
      await replyWithMainMenu(ctx, ctx.t("profile-edit-stopped"));
      return;
    }
  }
  await ctx.reply(ctx.t("form-cancel-question"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("form-cancel-keep"), formInterruptCallback(form.promptToken, "keep"))
      .row()
      .text(ctx.t("form-cancel-delete"), formInterruptCallback(form.promptToken, "delete")),
  });
}

/** Another command or menu button in the middle of a form. */
export async function askContinueOrLeave(ctx: BotContext): Promise<void> {
  const form = ctx.user?.openForm;
  if (!form) return;
  await ctx.reply(ctx.t("form-open-question"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("form-continue"), formInterruptCallback(form.promptToken, "continue"))
      .row()
      .text(ctx.t("form-leave"), formInterruptCallback(form.promptToken, "leave")),
  });
}

/** "Nộp hồ sơ" (application) or "Xác nhận" (profile) on the summary. */
export async function submitOpenForm(ctx: BotContext): Promise<void> {
  const userId = requireUserId(ctx);
  const { db, clock, province } = ctx.deps;
  const step = await loadFormStep(ctx.deps, userId);
  if (!step) {
    await replyWithMainMenu(ctx, ctx.t("menu-shown"));
    return;
  }
  if (firstUnanswered(step.form, questionContext(ctx.deps, step.env))) {
    await ctx.reply(ctx.t("summary-incomplete"));
    await advanceForm(ctx);
    return;
  }
  if (step.form.kind === "profile") {
    if (!step.form.record.completed)
      await markEstablishmentComplete(db, step.form.record.id, userId, clock.now());
    if (step.openForm.continueWith === "application") {
      await setOpenForm(db, userId, null);
      if (ctx.user) ctx.user.openForm = null;
      await ctx.reply(ctx.t("profile-saved-continue"));
      await startApplicationForm(ctx);
      return;
    }
    await setOpenForm(db, userId, null);
    if (ctx.user) ctx.user.openForm = null;
    await replyWithMainMenu(ctx, ctx.t("profile-saved"));
    return;
  }
  const establishmentName = (await findOwnersEstablishment(db, userId))?.name ?? "";
  const submitted = await submitApplication(
    db,
    { id: step.form.record.id, ownerId: userId, prefix: province.codePrefix, at: clock.now() },
    (tx, application) =>
      notifyOfficersOfSubmission(tx, ctx.deps.i18n, { ...application, establishmentName }),
  );
  await setOpenForm(db, userId, null);
  if (ctx.user) ctx.user.openForm = null;
  if ("error" in submitted) {
    await replyWithMainMenu(ctx, ctx.t("application-already-submitted"));
    return;
  }
  await replyWithMainMenu(
    ctx,
    tHtml(ctx, "application-receipt", {
      code: submitted.code,
      title: step.form.record.title ?? "",
      date: formatDate(localParts(clock.now(), ctx.deps.config.timeZone)),
      agency: province.agencyName,
    }),
    { html: true },
  );
}
