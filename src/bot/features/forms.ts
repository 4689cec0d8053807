import { Composer } from "grammy";
import { isFormActive } from "../../forms/engine.ts";
import { onCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isMenuButton } from "../filters/menu-button.ts";
import type { AnsweredUpdates } from "../forms/answered-updates.ts";
import {
  formAnswerCallback,
  formInterruptCallback,
  formSummaryCallback,
  isFormCallback,
} from "../forms/callbacks.ts";
import { FORM_CONVERSATION } from "../forms/conversation-id.ts";
import {
  editAnswer,
  presentOpenForm,
  repeatCurrentStep,
  startForm,
  submitOpenForm,
} from "../forms/flow.ts";
import { confirmDeletion, deleteOpenDraft, leaveForm, resumeForm } from "../forms/leaving.ts";
import { replyWithMainMenu, resumeButtonLabels } from "../main-menu.ts";

const refuseButton = (ctx: BotContext) =>
  ctx.answerCallbackQuery({ text: ctx.t("form-closed-button") });

/**
 * Runs right after the form conversation. When the conversation has just
 * saved an answer (or found its question closed) it ends and passes the
 * update here, and the form is shown where it stands now, led by what the
 * answer caused. When a form is open but no conversation waits (its state
 * was lost to a restart or a deploy), the update is the answer: the
 * conversation is entered with it.
 */
export function formRouter(answered: AnsweredUpdates) {
  const composer = new Composer<BotContext>();
  composer.use(async (ctx, next) => {
    const handedOver = answered.take(ctx.update.update_id);
    if (handedOver) {
      await presentOpenForm(ctx, handedOver.lead);
      return;
    }
    const form = ctx.user?.openForm;
    const data = ctx.callbackQuery?.data;
    const isAnswerButton = data !== undefined && formAnswerCallback.pattern.test(data);
    if (isFormActive(form) && form.questionId && (ctx.message || isAnswerButton)) {
      // A button of the open question proves the question reached the person.
      const pressedCurrent =
        isAnswerButton && formAnswerCallback.unpack(data)?.token === form.promptToken;
      if (!form.asked && !pressedCurrent) {
        // The question never reached the person (an error came first): what they sent was meant
        // for the question before, which is already saved. Ask this one.
        if (ctx.callbackQuery) await ctx.answerCallbackQuery();
        await presentOpenForm(ctx);
        return;
      }
      // Clears what a conversation that failed may have left behind (an empty entry blocks enter()).
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(FORM_CONVERSATION, "answer");
      // Entered from here, a conversation that halts does not call downstream middleware: go on ourselves.
      const after = answered.take(ctx.update.update_id);
      if (after) await presentOpenForm(ctx, after.lead);
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

  onCallback(
    privateChats,
    formSummaryCallback,
    async (ctx, { token, action, question }) => {
      const form = ctx.user?.openForm;
      if (!isFormActive(form) || form.promptToken !== token || form.questionId !== null) {
        await ctx.answerCallbackQuery({
          text: ctx.t(isFormActive(form) ? "form-old-button" : "form-closed-button"),
        });
        if (isFormActive(form)) await repeatCurrentStep(ctx);
        else {
          // The form was sent or closed (perhaps by this very press, whose answer a crash lost):
          // say where to look, rather than only a passing toast.
          await replyWithMainMenu(ctx, ctx.t("form-closed-summary"));
        }
        return;
      }
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      if (action === "submit") await submitOpenForm(ctx);
      else if (action === "later") await leaveForm(ctx);
      else await editAnswer(ctx, question);
    },
    refuseButton,
  );

  onCallback(
    privateChats,
    formInterruptCallback,
    async (ctx, { token, action }) => {
      const form = ctx.user?.openForm;
      if (!form || form.promptToken !== token) {
        await refuseButton(ctx);
        return;
      }
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      if (!isFormActive(form)) {
        // The form was left for later since: its buttons can only bring it back.
        await resumeForm(ctx);
        return;
      }
      if (action === "continue") await repeatCurrentStep(ctx);
      else if (action === "leave" || action === "keep") await leaveForm(ctx);
      else if (action === "delete") await confirmDeletion(ctx);
      else await deleteOpenDraft(ctx);
    },
    refuseButton,
  );

  return composer;
}

/** Starting and resuming forms: each form's command and menu button, and "Điền tiếp". */
export function formsFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  for (const definition of deps.forms.all()) {
    const { command, menuKey } = definition.entry ?? {};
    const open = (ctx: BotContext) => startForm(ctx, definition.kind);
    if (command) privateChats.command(command, open);
    if (menuKey) privateChats.filter(isMenuButton(deps.i18n, menuKey), open);
  }
  const resumeLabels = resumeButtonLabels(deps.i18n, deps.forms);
  privateChats.filter(
    (ctx) => ctx.message?.text !== undefined && resumeLabels.has(ctx.message.text),
    (ctx) => resumeForm(ctx),
  );

  // A form button with no form open (the form was left or submitted since).
  privateChats.on("callback_query:data", async (ctx, next) => {
    if (!isFormCallback(ctx.callbackQuery.data)) return next();
    await refuseButton(ctx);
  });

  return composer;
}
