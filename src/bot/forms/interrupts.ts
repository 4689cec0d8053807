import type { I18n } from "@grammyjs/i18n";
import type { NextFunction } from "grammy";
import { isFormActive } from "../../forms/engine.ts";
import type { FormRegistry } from "../../forms/registry.ts";
import type { BotContext } from "../context.ts";
import { menuButtonLabels } from "../filters/menu-button.ts";
import { MAIN_MENU_KEYS } from "../keyboards/main-menu.ts";
import { resumeButtonLabels } from "../main-menu.ts";
import { isFormCallback } from "./callbacks.ts";
import { explainCurrentStep, repeatCurrentStep } from "./flow.ts";
import { askCancelForm, askContinueOrLeave } from "./leaving.ts";

/** The menu's labels in every language, computed once per registry of forms. */
const labelsByRegistry = new WeakMap<FormRegistry, { menu: Set<string>; resume: Set<string> }>();

function labelsOf(i18n: Pick<I18n, "t">, forms: FormRegistry) {
  let labels = labelsByRegistry.get(forms);
  if (!labels) {
    const resume = resumeButtonLabels(i18n, forms);
    const menu = new Set(MAIN_MENU_KEYS.flatMap((key) => [...menuButtonLabels(i18n, key)]));
    for (const label of resume) menu.add(label);
    labels = { menu, resume };
    labelsByRegistry.set(forms, labels);
  }
  return labels;
}

/**
 * While a form is open (not paused), commands and menu buttons are not
 * answers. This runs before the form conversation sees the update:
 *   /cancel   -> go on, keep the draft for later, or delete it
 *   /help     -> explain the current question, with the question, in one message
 *   /language -> handled earlier (the language feature), then the question again
 *   any other command or menu button -> "a form is open: continue or leave?"
 *   a button from another feature -> the same question
 */
export function createFormInterrupts(i18n: Pick<I18n, "t">) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const form = ctx.user?.openForm;
    if (!isFormActive(form)) return next();
    if (form.answeredBy === ctx.update.update_id) {
      // This very update opened the form or moved it here, and is handled again (its first run
      // died before answering): show where the form stands, as the first run meant to.
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      await repeatCurrentStep(ctx);
      return;
    }
    const sentBefore = ctx.message?.message_id;
    if (
      sentBefore !== undefined &&
      form.askedMessageId !== undefined &&
      sentBefore < form.askedMessageId
    ) {
      // Sent before this question appeared (typed again while the bot was slow to answer the one
      // before, which it then did): not an answer to this question. Ask it again.
      await repeatCurrentStep(ctx, { notices: [{ key: "form-sent-before-question" }] });
      return;
    }
    if (ctx.editedMessage) {
      // An edit is not an answer (the first version may already be saved): say so, ask again.
      await repeatCurrentStep(ctx, { notices: [{ key: "form-edited-message" }] });
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
      await explainCurrentStep(ctx);
      return;
    }
    const labels = labelsOf(i18n, ctx.deps.forms);
    if (command !== undefined || (text !== undefined && labels.menu.has(text))) {
      if (text !== undefined && labels.resume.has(text)) {
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
