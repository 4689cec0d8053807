import { Composer, InlineKeyboard } from "grammy";
import { formatDate, localParts } from "../../domain/dates.ts";
import { countPersonalData, deletePersonalData } from "../../services/personal-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";

/** /mydata shows what the bot keeps about a person; /deletedata deletes it after a confirmation. */
export function personalDataFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("mydata", async (ctx) => {
    if (!ctx.user) return;
    const counts = await countPersonalData(deps.db, ctx.user.id);
    await ctx.reply(
      ctx.t("personal-data-summary", {
        name: ctx.user.firstName ?? "",
        consent: formatDate(localParts(ctx.user.consentAt, deps.config.timeZone)),
        establishments: counts.establishments,
        applications: counts.applications,
      }),
    );
  });

  privateChats.command("deletedata", async (ctx) => {
    if (!ctx.user) return;
    await ctx.reply(ctx.t("personal-data-delete-confirm"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("personal-data-delete-yes"), `data:delete:${ctx.user.id}`)
        .row()
        .text(ctx.t("personal-data-delete-no"), "data:keep"),
    });
  });

  privateChats.callbackQuery(/^data:delete:(\d+)$/, async (ctx) => {
    // The id in the button must be the presser's own: nobody deletes another person's data.
    if (!ctx.user || Number(ctx.match[1]) !== ctx.user.id) {
      await ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });
      return;
    }
    await deletePersonalData(deps.db, ctx.user.id, ctx.chat.id);
    await ctx.conversation.exitAll();
    ctx.user = undefined;
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t("personal-data-deleted"), { reply_markup: { remove_keyboard: true } });
  });

  privateChats.callbackQuery("data:keep", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t("personal-data-kept"));
  });

  return composer;
}
