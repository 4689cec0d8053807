import { Composer, InlineKeyboard } from "grammy";
import { formatDate, localParts } from "../../domain/dates.ts";
import { deletePersonalData, personalDataOverview } from "../../services/personal-data.ts";
import { defineCallback, int, onCallback, oneOf } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";

/** The id in the button is the presser's own: nobody deletes another person's data. */
export const personalDataCallback = defineCallback("data", {
  action: oneOf("delete", "keep"),
  userId: int(),
});

/** /mydata shows what the bot keeps about a person; /deletedata deletes it after a confirmation. */
export function personalDataFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("mydata", async (ctx) => {
    if (!ctx.user) return;
    const overview = await personalDataOverview(deps.db, ctx.user.id);
    // The establishment by its name (as typed: plain text, nothing to escape).
    const establishments = overview.establishments.map((establishment) =>
      ctx.t(
        establishment.completed
          ? "personal-data-establishment"
          : "personal-data-establishment-draft",
        {
          name: establishment.name ?? ctx.t("personal-data-unnamed"),
        },
      ),
    );
    await ctx.reply(
      ctx.t("personal-data-summary", {
        name: ctx.user.firstName ?? "",
        consent: formatDate(localParts(ctx.user.consentAt, deps.config.timeZone)),
        establishments: establishments.join("; ") || ctx.t("personal-data-none"),
        applications: overview.applications,
        drafts: overview.drafts,
      }),
    );
  });

  privateChats.command("deletedata", async (ctx) => {
    if (!ctx.user) return;
    await ctx.reply(ctx.t("personal-data-delete-confirm"), {
      reply_markup: new InlineKeyboard()
        .text(
          ctx.t("personal-data-delete-yes"),
          personalDataCallback.pack({ action: "delete", userId: ctx.user.id }),
        )
        .row()
        .text(
          ctx.t("personal-data-delete-no"),
          personalDataCallback.pack({ action: "keep", userId: ctx.user.id }),
        ),
    });
  });

  const refuse = (ctx: BotContext) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });
  onCallback(
    privateChats,
    personalDataCallback,
    async (ctx, { action, userId }) => {
      if (!ctx.user || userId !== ctx.user.id) {
        await refuse(ctx);
        return;
      }
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      if (action === "keep") {
        await ctx.reply(ctx.t("personal-data-kept"));
        return;
      }
      await deletePersonalData(deps.db, ctx.user.id, ctx.chat.id);
      await ctx.conversation.exitAll();
      ctx.user = undefined;
      await ctx.reply(ctx.t("personal-data-deleted"), { reply_markup: { remove_keyboard: true } });
    },
    refuse,
  );

  return composer;
}
