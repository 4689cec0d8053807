/**
 * /settings: the language, and each kind of reminder on or off (officers:
 * the daily and weekly digests too), one button per setting that flips it
 * in place. Also the buttons under every reminder: "turn this kind off" and
 * "start / continue my application".
 */
import { Composer, InlineKeyboard } from "grammy";
import { applicationForm } from "../../forms/kinds/application.ts";
import type { NotificationSetting } from "../../outbox/kinds.ts";
import { NOTIFICATION_SETTINGS } from "../../outbox/kinds.ts";
import { findApplication } from "../../services/applications/drafts.ts";
import { reminderApplyCallback, reminderOffCallback } from "../../services/calendar-buttons.ts";
import { isOn, setNotificationSetting, settingsFor } from "../../services/settings.ts";
import { defineCallback, onCallback, oneOf } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { startForm } from "../forms/flow.ts";
import { replyWithMainMenu } from "../main-menu.ts";
import { languageCallback } from "./language.ts";

export const settingsCallback = defineCallback("set", {
  setting: oneOf(...NOTIFICATION_SETTINGS),
  on: oneOf("on", "off"),
});

function settingsView(ctx: BotContext): { text: string; keyboard: InlineKeyboard } {
  const user = ctx.user;
  const keyboard = new InlineKeyboard();
  if (!user) return { text: ctx.t("unhandled-callback"), keyboard };
  for (const setting of settingsFor(user.role)) {
    const on = isOn(user.notificationPreferences, setting);
    keyboard
      .text(
        `${on ? "✅" : "🔕"} ${ctx.t(`setting-name-${setting}`)}`,
        settingsCallback.pack({ setting, on: on ? "off" : "on" }),
      )
      .row();
  }
  keyboard
    .text(ctx.t("language-vietnamese"), languageCallback.pack({ language: "vi" }))
    .text(ctx.t("language-english"), languageCallback.pack({ language: "en" }));
  const text = [
    ctx.t("settings-title"),
    ctx.t("settings-language", {
      language: ctx.t(user.language === "en" ? "language-english" : "language-vietnamese"),
    }),
    ctx.t("settings-explain"),
  ].join("\n\n");
  return { text, keyboard };
}

export function settingsFeature(_deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");
  const refuse = (ctx: BotContext) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });

  privateChats.command("settings", async (ctx) => {
    const view = settingsView(ctx);
    await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
  });

  onCallback(
    privateChats,
    settingsCallback,
    async (ctx, { setting, on }) => {
      const user = ctx.user;
      if (!user || !settingsFor(user.role).includes(setting)) {
        await refuse(ctx);
        return;
      }
      const preferences = await setNotificationSetting(
        ctx.deps.db,
        user.id,
        setting,
        on === "on",
        ctx.deps.clock.now(),
      );
      if (preferences) user.notificationPreferences = preferences;
      await ctx.answerCallbackQuery({
        text: ctx.t(on === "on" ? "settings-turned-on" : "settings-turned-off", {
          what: ctx.t(`setting-name-${setting}`),
        }),
      });
      const view = settingsView(ctx);
      await ctx
        .editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard })
        .catch(() => undefined);
    },
    refuse,
  );

  // "Tắt loại nhắc này", under a reminder.
  onCallback(
    privateChats,
    reminderOffCallback,
    async (ctx, { setting }) => {
      const user = ctx.user;
      if (!user) {
        await refuse(ctx);
        return;
      }
      await setNotificationSetting(
        ctx.deps.db,
        user.id,
        setting as NotificationSetting,
        false,
        ctx.deps.clock.now(),
      );
      await ctx.answerCallbackQuery();
      // The reminder keeps its other buttons; the one that turned it off goes.
      const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
      const kept = rows.filter(
        (row) =>
          !row.some(
            (button) =>
              "callback_data" in button && reminderOffCallback.pattern.test(button.callback_data),
          ),
      );
      await ctx
        .editMessageReplyMarkup({ reply_markup: { inline_keyboard: kept } })
        .catch(() => undefined);
      await replyWithMainMenu(
        ctx,
        ctx.t("reminder-turned-off", { what: ctx.t(`setting-name-${setting}`) }),
      );
    },
    refuse,
  );

  return composer;
}

/**
 * "Làm hồ sơ" / "Làm tiếp hồ sơ", under a deadline or draft reminder: opens a
 * form, so it is registered after the form conversation.
 */
export function reminderButtonsFeature(_deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");
  const refuse = (ctx: BotContext) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });
  onCallback(
    privateChats,
    reminderApplyCallback,
    async (ctx, { draft }) => {
      const user = ctx.user;
      if (!user) {
        await refuse(ctx);
        return;
      }
      await ctx.answerCallbackQuery();
      if (draft > 0) {
        const application = await findApplication(ctx.deps.db, draft, user.id);
        if (application?.status !== "draft") {
          await replyWithMainMenu(ctx, ctx.t("reminder-no-draft"));
          return;
        }
      }
      await startForm(ctx, applicationForm.kind);
    },
    refuse,
  );

  return composer;
}
