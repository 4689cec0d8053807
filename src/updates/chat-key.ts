import { type Api, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";

/** The key of updates that name neither a chat nor a user (a poll's new state): they share one queue. */
export const NO_CHAT_KEY = 0;

/**
 * The key that orders work in the update inbox: the chat the update belongs
 * to (a message, a button under a message, my_chat_member…), else the user
 * who caused it (an inline query, a button under an inline message), else
 * NO_CHAT_KEY. grammY's own `ctx.chat` and `ctx.from` decide, so the inbox
 * orders exactly what the bot's `sequentialize` orders; they read only the
 * update, so no Api or bot info is needed.
 */
export function chatKeyOf(update: Update): number {
  const context = new Context(update, undefined as unknown as Api, {} as UserFromGetMe);
  return context.chat?.id ?? context.from?.id ?? NO_CHAT_KEY;
}
