import { Composer, type Context } from "grammy";
import type { Clock } from "../../clock.ts";
import type { Database } from "../../db/client.ts";
import type { Logger } from "../../logger.ts";
import { setUserBlocked } from "../../outbox/recipients.ts";

export interface ChatMemberDependencies {
  db: Database;
  clock: Clock;
  logger?: Logger;
}

/**
 * `my_chat_member` in a private chat tells us a person blocked the bot
 * (status "kicked") or unblocked it (status "member" again). Blocked people
 * get nothing from the outbox: enqueue skips them and the sender fails what
 * was already queued. Telegram sends these updates by default; if polling or
 * the webhook lists `allowed_updates`, it must include "my_chat_member".
 * (/start clears the mark too, in the start feature.)
 */
export function chatMemberFeature(deps: ChatMemberDependencies): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on("my_chat_member", async (ctx, next) => {
    const update = ctx.myChatMember;
    if (update.chat.type !== "private") return next();
    const userId = update.from.id;
    const status = update.new_chat_member.status;
    if (status === "kicked") {
      // the time Telegram reports, not our clock: updates can arrive late
      const at = update.date > 0 ? new Date(update.date * 1000) : deps.clock.now();
      const known = await setUserBlocked(deps.db, userId, at);
      deps.logger?.info({ userId, known }, "the user blocked the bot");
    } else if (status === "member") {
      const known = await setUserBlocked(deps.db, userId, null);
      deps.logger?.info({ userId, known }, "the user unblocked the bot");
    }
  });
  return composer;
}
