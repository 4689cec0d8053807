/**
 * Who may receive a proactive message: a person who blocked the bot gets
 * nothing (enqueue skips them; the sender fails what was queued), and a
 * person who turned a kind of message off does not get that kind.
 */
import { and, eq, inArray, isNull, ne, or, type SQL } from "drizzle-orm";
import type { Database, Executor } from "../db/client.ts";
import { outbox, users } from "../db/schema/index.ts";
import type { NotificationSetting } from "./kinds.ts";

export interface RecipientStates {
  blockedChatIds: Set<number>;
  blockedUserIds: Set<number>;
  /** settings turned off, by user id */
  turnedOff: Map<number, Set<string>>;
}

/** The blocked marks and turned-off settings of the people behind these chats and users. */
export async function recipientStates(
  executor: Executor,
  chatIds: readonly number[],
  userIds: readonly number[],
): Promise<RecipientStates> {
  const states: RecipientStates = {
    blockedChatIds: new Set(),
    blockedUserIds: new Set(),
    turnedOff: new Map(),
  };
  const conditions: SQL[] = [];
  if (chatIds.length > 0) conditions.push(inArray(users.chatId, [...chatIds]));
  if (userIds.length > 0) conditions.push(inArray(users.id, [...userIds]));
  if (conditions.length === 0) return states;
  const rows = await executor
    .select({
      id: users.id,
      chatId: users.chatId,
      blockedAt: users.blockedAt,
      preferences: users.notificationPreferences,
    })
    .from(users)
    .where(or(...conditions));
  for (const row of rows) {
    if (row.blockedAt) {
      states.blockedChatIds.add(row.chatId);
      states.blockedUserIds.add(row.id);
    }
    const off = Object.entries(row.preferences ?? {})
      .filter(([, on]) => on === false)
      .map(([setting]) => setting);
    if (off.length > 0) states.turnedOff.set(row.id, new Set(off));
  }
  return states;
}

export function isBlocked(
  message: { chatId: number; userId?: number | null },
  states: RecipientStates,
): boolean {
  return (
    states.blockedChatIds.has(message.chatId) ||
    (message.userId != null && states.blockedUserIds.has(message.userId))
  );
}

export function hasTurnedOff(
  userId: number | null | undefined,
  setting: NotificationSetting | undefined,
  states: RecipientStates,
): boolean {
  if (userId == null || setting === undefined) return false;
  return states.turnedOff.get(userId)?.has(setting) ?? false;
}

/**
 * The recipient blocked the bot, deleted their account, or the chat is gone:
 * mark the user blocked (until they send /start or unblock), fail this row,
 * and skip every other unsent row to that chat. Returns the rows skipped.
 */
export async function markRecipientBlocked(
  db: Database,
  recipient: { id: number; chatId: number; userId: number | null },
  options: { now: Date; lastError: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ blockedAt: options.now, updatedAt: options.now })
      .where(
        and(
          isNull(users.blockedAt),
          recipient.userId == null
            ? eq(users.chatId, recipient.chatId)
            : or(eq(users.chatId, recipient.chatId), eq(users.id, recipient.userId)),
        ),
      );
    await tx
      .update(outbox)
      .set({
        status: "failed",
        lastError: options.lastError,
        leaseUntil: null,
        updatedAt: options.now,
      })
      .where(eq(outbox.id, recipient.id));
    const skipped = await tx
      .update(outbox)
      .set({
        status: "failed",
        lastError: "skipped: the recipient has blocked the bot",
        updatedAt: options.now,
      })
      .where(
        and(
          eq(outbox.chatId, recipient.chatId),
          eq(outbox.status, "pending"),
          ne(outbox.id, recipient.id),
        ),
      )
      .returning({ id: outbox.id });
    return skipped.length;
  });
}

/** Sets or clears a person's blocked mark (my_chat_member: kicked / member again). */
export async function setUserBlocked(
  db: Executor,
  userId: number,
  blockedAt: Date | null,
): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ blockedAt, ...(blockedAt ? { updatedAt: blockedAt } : {}) })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return updated.length > 0;
}
