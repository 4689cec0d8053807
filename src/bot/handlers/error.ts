import type { BotError } from "grammy";
import { isTransientDatabaseError } from "../../updates/transient-errors.ts";
import type { BotContext } from "../context.ts";
import { hasActiveForm, repeatCurrentStep } from "../forms/flow.ts";

/**
 * Any error while handling an update: logged with the update id, and the
 * person gets an apology in their language. The process lives on.
 *
 * In the middle of a form the current question is sent again, so that the
 * next message answers the question the person sees (never one they missed).
 */
export async function errorHandler(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  const logger = ctx.logger ?? ctx.deps?.logger;
  if (isTransientDatabaseError(error.error)) {
    // The database is away: nothing can be saved now, so no apology that says it was. The update
    // stays in the inbox and is handled again when the database is back; its chat is told once
    // that the bot is busy (src/updates/busy-notice.ts).
    logger?.warn(
      { err: error.error, update_id: ctx.update.update_id },
      "database unreachable: the update will be retried",
    );
    throw error.error;
  }
  logger?.error(
    { err: error.error, update_id: ctx.update.update_id },
    "error while handling an update",
  );
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat?.type !== "private") return;
    const inForm = hasActiveForm(ctx);
    const key = inForm ? "error-apology-form" : "error-apology";
    // i18n may not have run yet when the error came early: fall back to Vietnamese.
    const text = typeof ctx.t === "function" ? ctx.t(key) : ctx.deps?.i18n.t("vi", key);
    if (text) await ctx.reply(text);
    // This sends the question again outside any conversation (they are closed by now).
    if (inForm && typeof ctx.t === "function") await repeatCurrentStep(ctx);
  } catch (replyError) {
    logger?.warn(
      { err: replyError, update_id: ctx.update.update_id },
      "could not send the apology",
    );
  }
}
