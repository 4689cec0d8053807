import { Composer, InlineKeyboard } from "grammy";
import type { Language } from "../../db/schema/index.ts";
import { languageFromTelegram } from "../../i18n.ts";
import { clearBlocked, recordConsent } from "../../services/users.ts";
import { defineCallback, onCallback, oneOf } from "../callback-data.ts";
import { setOfficerMenu } from "../command-menus.ts";
import type { BotContext } from "../context.ts";
import { hasActiveForm } from "../forms/flow.ts";
import { replyWithMainMenu } from "../main-menu.ts";
import type { LanguageRegistry } from "../middlewares/load-user.ts";

/**
 * /start, the consent question (Nghị định 13/2023/NĐ-CP) and the gate in
 * front of everything else: until a person agrees, nothing about them is
 * stored and every other message brings them back to the question.
 */

export const consentCallback = defineCallback("consent", {
  answer: oneOf("yes", "no"),
  language: oneOf("vi", "en"),
});
/** Before consent the language choice lives only in the buttons' data. */
const preConsentLanguageCallback = defineCallback("lang", { language: oneOf("vi", "en") });

export function consentKeyboard(ctx: BotContext, language: Language): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("consent-accept"), consentCallback.pack({ answer: "yes", language }))
    .text(ctx.t("consent-decline"), consentCallback.pack({ answer: "no", language }))
    .row()
    .text(ctx.t("language-vietnamese"), preConsentLanguageCallback.pack({ language: "vi" }))
    .text(ctx.t("language-english"), preConsentLanguageCallback.pack({ language: "en" }));
}

async function askConsent(ctx: BotContext, language: Language): Promise<void> {
  await ctx.reply(
    `${ctx.t("start-greeting", { agency: ctx.deps.province.agencyName })}\n\n${ctx.t("consent-question")}`,
    {
      reply_markup: consentKeyboard(ctx, language),
    },
  );
}

export function startFeature(registry: LanguageRegistry): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("start", async (ctx, next) => {
    if (!ctx.user) {
      await askConsent(
        ctx,
        registry.get(ctx.from.id) ?? languageFromTelegram(ctx.from.language_code),
      );
      return;
    }
    if (ctx.user.blockedAt) await clearBlocked(ctx.deps.db, ctx.user.id);
    // A form in progress has its own answer to /start (see the form feature).
    if (hasActiveForm(ctx)) return next();
    await replyWithMainMenu(ctx, (resume) =>
      resume
        ? `${ctx.t("welcome-back")}\n${ctx.t("welcome-back-open-form", { form: resume.form, resume: resume.button })}`
        : ctx.t("welcome-back"),
    );
  });

  const refuse = (ctx: BotContext) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });
  onCallback(
    privateChats,
    consentCallback,
    async (ctx, { answer, language }) => {
      ctx.i18n.useLocale(language);
      await ctx.answerCallbackQuery(ctx.t("consent-choice-recorded"));
      // Remove the buttons so the question cannot be answered twice.
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      if (answer === "no") {
        // Someone who agreed before keeps their data until they delete it: say so, and how.
        if (ctx.user) await ctx.reply(ctx.t("consent-declined-already-agreed"));
        else
          await ctx.reply(ctx.t("consent-declined"), { reply_markup: { remove_keyboard: true } });
        return;
      }
      if (ctx.user) {
        // Agreed already: a second tap, or this very tap handled again after a crash that came
        // between storing the consent and answering. Either way the answer to "Đồng ý" is the same.
        await replyWithMainMenu(ctx, ctx.t("consent-accepted"));
        return;
      }
      const { config, clock, db } = ctx.deps;
      ctx.user = await recordConsent(db, {
        userId: ctx.from.id,
        chatId: ctx.chat.id,
        firstName: ctx.from.first_name,
        username: ctx.from.username,
        language,
        role: config.adminIds.includes(ctx.from.id) ? "admin" : "applicant",
        at: clock.now(),
      });
      registry.set(ctx.user.id, language);
      if (ctx.user.role === "admin")
        await setOfficerMenu(ctx.api, ctx.deps, { chatId: ctx.user.id, language, role: "admin" });
      await replyWithMainMenu(ctx, ctx.t("consent-accepted"));
    },
    refuse,
  );

  // Before consent the language choice lives only in the buttons' data.
  onCallback(
    privateChats,
    preConsentLanguageCallback,
    async (ctx, { language }) => {
      if (ctx.user) {
        await refuse(ctx);
        return;
      }
      registry.set(ctx.from.id, language);
      ctx.i18n.useLocale(language);
      await ctx.answerCallbackQuery();
      await ctx
        .editMessageText(
          `${ctx.t("start-greeting", { agency: ctx.deps.province.agencyName })}\n\n${ctx.t("consent-question")}`,
          {
            reply_markup: consentKeyboard(ctx, language),
          },
        )
        .catch(() => undefined);
    },
    refuse,
  );

  // The gate: nothing else happens before consent.
  privateChats.use(async (ctx, next) => {
    if (ctx.user) return next();
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery(ctx.t("consent-required"));
      return;
    }
    if (ctx.message?.text === "/help" || ctx.message?.text?.startsWith("/help ")) {
      await ctx.reply(ctx.t("help-before-consent"));
      return;
    }
    if (ctx.message) {
      await ctx.reply(ctx.t("consent-required"), {
        reply_markup: consentKeyboard(
          ctx,
          registry.get(ctx.from.id) ?? languageFromTelegram(ctx.from.language_code),
        ),
      });
    }
  });

  return composer;
}
