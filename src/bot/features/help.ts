import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isMenuButton } from "../filters/menu-button.ts";
import { isOfficer } from "../filters/roles.ts";
import { replyWithMainMenu } from "../main-menu.ts";

export function helpFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");
  // Officers also read their own commands (OFFICER_COMMANDS).
  const help = (ctx: BotContext) =>
    replyWithMainMenu(
      ctx,
      isOfficer(ctx) ? `${ctx.t("help-text")}\n\n${ctx.t("help-officer")}` : ctx.t("help-text"),
      { html: true },
    );
  privateChats.command("help", help);
  privateChats.filter(isMenuButton(deps.i18n, "menu-help"), help);
  privateChats.command("cancel", (ctx) => replyWithMainMenu(ctx, ctx.t("cancel-nothing")));
  return composer;
}
