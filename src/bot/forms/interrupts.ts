import type { I18n } from "@grammyjs/i18n";
import type { NextFunction } from "grammy";
import { helpKeyOf } from "../../forms/progress.ts";
import type { BotContext } from "../context.ts";
import { menuButtonLabels } from "../filters/menu-button.ts";
import { MAIN_MENU_KEYS } from "../keyboards/main-menu.ts";
import { isFormCallback } from "./callbacks.ts";
import { askCancelForm, askContinueOrLeave, repeatCurrentStep } from "./flow.ts";
import { tHtml } from "./prompt.ts";

/**
 * While a form is open, commands and menu buttons are not answers. This runs
 * before the form conversation sees the update:
 *   /cancel   -> keep or delete the draft
 *   /help     -> explain the current question, then ask it again
 *   /language -> handled earlier (the language feature), then the question again
 *   any other command or menu button -> "a form is open: continue or leave?"
 *   a button from another feature -> the same question
 */
export function createFormInterrupts(i18n: Pick<I18n, "t">) {
  const menuLabels = new Set(MAIN_MENU_KEYS.flatMap((key) => [...menuButtonLabels(i18n, key)]));
  const resumeLabels = menuButtonLabels(i18n, "menu-resume");
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const form = ctx.user?.openForm;
    if (!form) return next();
    if (ctx.editedMessage) {
      // An edit is not an answer (the first version may already be saved): say so, ask again.
      await ctx.reply(ctx.t("form-edited-message"));
      await repeatCurrentStep(ctx);
      return;
    }
    const text = ctx.message?.text;
    const command = text?.startsWith("/")
      ? text.slice(1).split(/[\s@]/)[0]?.toLowerCase()
      : undefined;
    if (command === "cancel") {
      await askCancelForm(ctx);
      return;
    }
    if (command === "help") {
      const question = form.questionId
        ? ctx.deps.forms.findQuestion(form.kind, form.questionId)
        : undefined;
      await ctx.reply(question ? tHtml(ctx, helpKeyOf(question)) : ctx.t("summary-help"), {
        parse_mode: "HTML",
      });
      await repeatCurrentStep(ctx);
      return;
    }
    if (command !== undefined || (text !== undefined && menuLabels.has(text))) {
      if (text !== undefined && resumeLabels.has(text)) {
        await repeatCurrentStep(ctx);
        return;
      }
      await askContinueOrLeave(ctx);
      return;
    }
    const data = ctx.callbackQuery?.data;
    if (data !== undefined && !isFormCallback(data)) {
      await ctx.answerCallbackQuery({ text: ctx.t("form-open-toast") });
      await askContinueOrLeave(ctx);
      return;
    }
    await next();
  };
}
