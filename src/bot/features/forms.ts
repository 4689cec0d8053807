import { Composer } from "grammy";
import { findOwnersEstablishment } from "../../services/establishments.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isMenuButton } from "../filters/menu-button.ts";
import type { AnsweredUpdates } from "../forms/answered-updates.ts";
import { FORM_CONVERSATION } from "../forms/conversation-id.ts";
import {
  advanceForm,
  deleteOpenDraft,
  editAnswer,
  FORM_INTERRUPT_CALLBACK,
  leaveForm,
  repeatCurrentStep,
  resumeForm,
  startApplicationForm,
  startProfileForm,
  submitOpenForm,
} from "../forms/flow.ts";
import { moveOpenForm } from "../forms/steps.ts";
import { SUMMARY_CALLBACK } from "../forms/summary.ts";

/**
 * Runs right after the form conversation. When the conversation has just
 * saved an answer it ends and passes the update here, and the form moves on.
 * When a form is open but no conversation waits (its state was lost to a
 * restart or a deploy), the update is the answer: the conversation is
 * entered with it.
 */
export function formRouter(answered: AnsweredUpdates) {
  const composer = new Composer<BotContext>();
  composer.use(async (ctx, next) => {
    if (answered.take(ctx.update.update_id)) {
      await advanceForm(ctx);
      return;
    }
    const form = ctx.user?.openForm;
    const isFormButton = ctx.callbackQuery?.data?.startsWith("f:") ?? false;
    if (form?.questionId && (ctx.message || isFormButton)) {
      // A button of the open question proves the question reached the person.
      const pressedCurrent =
        isFormButton && ctx.callbackQuery?.data?.startsWith(`f:${form.promptToken}:`);
      if (!form.asked && !pressedCurrent) {
        // The question never reached the person (an error came first): what they sent was meant
        // for the question before, which is already saved. Ask this one.
        await advanceForm(ctx);
        return;
      }
      // Clears what a conversation that failed may have left behind (an empty entry blocks enter()).
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(FORM_CONVERSATION, "answer");
      // Entered from here, a conversation that halts does not call downstream middleware: move on ourselves.
      if (answered.take(ctx.update.update_id)) await advanceForm(ctx);
      return;
    }
    await next();
  });
  return composer;
}

/**
 * The summary's buttons and the "continue / leave / keep / delete" buttons.
 * A waiting form conversation passes these on (they are not answers).
 */
export function formControls(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.callbackQuery(SUMMARY_CALLBACK, async (ctx) => {
    const [, token, action] = ctx.match;
    const form = ctx.user?.openForm;
    if (!form || form.promptToken !== token || form.questionId !== null) {
      await ctx.answerCallbackQuery({
        text: ctx.t(form ? "form-old-button" : "form-closed-button"),
      });
      if (form) await repeatCurrentStep(ctx);
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (action === "submit") await submitOpenForm(ctx);
    else if (action === "later") await leaveForm(ctx);
    else if (action?.startsWith("e:")) await editAnswer(ctx, action.slice(2));
  });

  privateChats.callbackQuery(FORM_INTERRUPT_CALLBACK, async (ctx) => {
    const [, token, action] = ctx.match;
    const form = ctx.user?.openForm;
    if (!form || form.promptToken !== token) {
      await ctx.answerCallbackQuery({ text: ctx.t("form-closed-button") });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (action === "continue") await repeatCurrentStep(ctx);
    else if (action === "leave" || action === "keep") await leaveForm(ctx);
    else if (action === "delete") await deleteOpenDraft(ctx);
  });

  return composer;
}

/** Starting and resuming forms: /apply, /profile, the menu. */
export function formsFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("apply", (ctx) => startApplicationForm(ctx));
  privateChats.filter(isMenuButton(deps.i18n, "menu-apply"), (ctx) => startApplicationForm(ctx));
  privateChats.filter(isMenuButton(deps.i18n, "menu-resume"), (ctx) => resumeForm(ctx));

  // A form button with no form open (the form was left or submitted since).
  privateChats.callbackQuery(/^(f|fi|sum):/, async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("form-closed-button") });
  });

  privateChats.command("profile", (ctx) => showProfileOrStart(ctx));
  privateChats.filter(isMenuButton(deps.i18n, "menu-profile"), (ctx) => showProfileOrStart(ctx));

  return composer;
}

/** /profile: the establishment's card with "Sửa mục N", or the profile form when there is none yet. */
async function showProfileOrStart(ctx: BotContext): Promise<void> {
  const userId = ctx.user?.id;
  if (userId === undefined) return;
  const establishment = await findOwnersEstablishment(ctx.deps.db, userId);
  if (!establishment) {
    await startProfileForm(ctx);
    return;
  }
  await moveOpenForm(ctx.deps, userId, { kind: "profile", recordId: establishment.id }, null);
  await advanceForm(ctx);
}
