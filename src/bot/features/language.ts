import { Composer, InlineKeyboard } from "grammy";
import { setLanguage } from "../../services/users.ts";
import { defineCallback, onCallback, oneOf } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isMenuButton } from "../filters/menu-button.ts";
import { hasActiveForm, repeatCurrentStep } from "../forms/flow.ts";
import { replyWithMainMenu } from "../main-menu.ts";
import type { LanguageRegistry } from "../middlewares/load-user.ts";

export const languageCallback = defineCallback("language", { language: oneOf("vi", "en") });

/**
 * /language and the menu's language button. Works in the middle of a form
 * too: the choice is stored, and the current question is asked again in the
 * new language.
 */
export function languageFeature(
  deps: BotDependencies,
  registry: LanguageRegistry,
): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  const ask = async (ctx: BotContext) => {
    await ctx.reply(ctx.t("language-question"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("language-vietnamese"), languageCallback.pack({ language: "vi" }))
        .text(ctx.t("language-english"), languageCallback.pack({ language: "en" })),
    });
  };
  privateChats.command("language", ask);
  privateChats.filter(isMenuButton(deps.i18n, "menu-language"), ask);

  const refuse = (ctx: BotContext) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });
  onCallback(
    privateChats,
    languageCallback,
    async (ctx, { language: chosen }) => {
      if (!ctx.user) {
        await refuse(ctx);
        return;
      }
      await setLanguage(ctx.deps.db, ctx.user.id, chosen);
      ctx.user.language = chosen;
      registry.set(ctx.user.id, chosen);
      ctx.i18n.useLocale(chosen);
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await replyWithMainMenu(ctx, ctx.t("language-changed"));
      if (hasActiveForm(ctx)) await repeatCurrentStep(ctx);
    },
    refuse,
  );

  return composer;
}
