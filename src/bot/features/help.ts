import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isMenuButton } from "../filters/menu-button.ts";
import { isOfficer } from "../filters/roles.ts";
import { replyWithMainMenu } from "../main-menu.ts";

export function helpFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");
  // Everyone reads the calendar's commands; officers also read their own (OFFICER_COMMANDS).
  const help = (ctx: BotContext) => {
    const text = `${ctx.t("help-text")}\n${ctx.t("help-calendar")}`;
    return replyWithMainMenu(ctx, isOfficer(ctx) ? `${text}\n\n${ctx.t("help-officer")}` : text, {
      html: true,
    });
  };
  privateChats.command("help", help);
  privateChats.filter(isMenuButton(deps.i18n, "menu-help"), help);
  privateChats.command("cancel", (ctx) => replyWithMainMenu(ctx, ctx.t("cancel-nothing")));
  return composer;
}
