import type { BotError } from "grammy";
import type { BotContext } from "../context.ts";

/**
 * Any error while handling an update: logged with the update id, and the
 * person gets an apology in their language. The process lives on.
 */
export async function errorHandler(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  const logger = ctx.logger ?? ctx.deps?.logger;
  logger?.error(
    { err: error.error, update_id: ctx.update.update_id },
    "error while handling an update",
  );
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat?.type === "private") {
      // i18n may not have run yet when the error came early: fall back to Vietnamese.
      const text =
        typeof ctx.t === "function"
          ? ctx.t("error-apology")
          : ctx.deps?.i18n.t("vi", "error-apology");
      if (text) await ctx.reply(text);
    }
  } catch (replyError) {
    logger?.warn(
      { err: replyError, update_id: ctx.update.update_id },
      "could not send the apology",
    );
  }
}
