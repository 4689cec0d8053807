import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isMenuButton } from "../filters/menu-button.ts";
import { replyWithMainMenu } from "../main-menu.ts";

export function helpFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");
  const help = (ctx: BotContext) =>
    replyWithMainMenu(ctx, `${ctx.t("help-text")}\n${ctx.t("help-calendar")}`, { html: true });
  privateChats.command("help", help);
  privateChats.filter(isMenuButton(deps.i18n, "menu-help"), help);
  privateChats.command("cancel", (ctx) => replyWithMainMenu(ctx, ctx.t("cancel-nothing")));
  return composer;
}
