import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { replyWithMainMenu } from "../main-menu.ts";

/** The last feature: whatever nobody handled gets a polite pointer to the menu. */
export function unhandledFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");
  privateChats.on("callback_query", (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") }),
  );
  privateChats.on("message", (ctx) => replyWithMainMenu(ctx, ctx.t("unhandled-text")));
  return composer;
}
