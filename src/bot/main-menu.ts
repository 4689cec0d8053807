import { hasResumableForm } from "../forms/engine.ts";
import type { BotContext } from "./context.ts";
import { mainMenuKeyboard } from "./keyboards/main-menu.ts";

/** Sends a message with the main menu under it (with "continue my form" when a draft waits). */
export async function replyWithMainMenu(
  ctx: BotContext,
  text: string,
  options: { html?: boolean } = {},
): Promise<void> {
  const hasDraft = ctx.user
    ? await hasResumableForm({ deps: ctx.deps, forms: ctx.deps.forms }, ctx.user.id)
    : false;
  await ctx.reply(text, {
    reply_markup: mainMenuKeyboard((key) => ctx.t(key), { hasDraft }),
    ...(options.html ? { parse_mode: "HTML" as const } : {}),
  });
}
