/**
 * The only way anything proactive is sent: a message is written to the
 * outbox with a kind (see kinds.ts) and a dedupe key that is unique in the
 * database, and the sender delivers it. Pass a transaction to commit the
 * message with the change that causes it:
 *
 *   await db.transaction(async (tx) => { await decide(tx, …); await enqueue(tx, notice); });
 *
 * Times always come from the caller (its Clock), never from the database's
 * now(), so tests and `npm run job -- --at` can run at any instant.
 */
import type { Executor } from "../db/client.ts";
import { type OutboxPayload, type OutboxUrgency, outbox } from "../db/schema/index.ts";
import { type OutboxKindName, outboxKind } from "./kinds.ts";
import { hasTurnedOff, isBlocked, type RecipientStates, recipientStates } from "./recipients.ts";

export interface OutgoingMessage {
  chatId: number;
  /** the recipient when the chat is a person: a blocked user is skipped, a 403 marks them blocked */
  userId?: number | null;
  kind: OutboxKindName;
  payload: OutboxPayload;
  /** unique in the database: queuing the same key again does nothing */
  dedupeKey: string;
  /** not before this instant (a scheduled time); omitted: as soon as allowed */
  notBefore?: Date | null;
  /** overrides the kind's urgency (rarely: a test, an officer's explicit choice) */
  urgency?: OutboxUrgency;
  /** overrides the kind's priority */
  priority?: number;
}

const rowValues = (message: OutgoingMessage) => {
  const kind = outboxKind(message.kind);
  return {
    chatId: message.chatId,
    userId: message.userId ?? null,
    kind: message.kind,
    payload: message.payload,
    dedupeKey: message.dedupeKey,
    urgency: message.urgency ?? kind.urgency,
    priority: message.priority ?? kind.priority,
    notBefore: message.notBefore ?? null,
  };
};

const deliverable = (message: OutgoingMessage, states: RecipientStates): boolean =>
  !isBlocked(message, states) &&
  !hasTurnedOff(message.userId, outboxKind(message.kind).setting, states);

/**
 * Queues one message. Returns true when it was queued; false when a message
 * with the same dedupe key already exists (queued, sent or failed), the
 * recipient has blocked the bot, or has turned this kind of message off.
 */
export async function enqueue(executor: Executor, message: OutgoingMessage): Promise<boolean> {
  const values = rowValues(message); // refuses an unknown kind before anything is read
  const states = await recipientStates(
    executor,
    [message.chatId],
    message.userId == null ? [] : [message.userId],
  );
  if (!deliverable(message, states)) return false;
  const inserted = await executor
    .insert(outbox)
    .values(values)
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return inserted.length > 0;
}

/** Queues many messages in a few statements; returns the dedupe keys that were new. */
export async function enqueueMany(
  executor: Executor,
  messages: readonly OutgoingMessage[],
  chunkSize = 500,
): Promise<string[]> {
  const queued: string[] = [];
  for (let start = 0; start < messages.length; start += chunkSize) {
    const chunk = messages.slice(start, start + chunkSize);
    const values = chunk.map(rowValues);
    const states = await recipientStates(
      executor,
      [...new Set(chunk.map((message) => message.chatId))],
      [...new Set(chunk.flatMap((message) => (message.userId == null ? [] : [message.userId])))],
    );
    const sendable = values.filter((_, index) =>
      deliverable(chunk[index] as OutgoingMessage, states),
    );
    if (sendable.length === 0) continue;
    const inserted = await executor
      .insert(outbox)
      .values(sendable)
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ dedupeKey: outbox.dedupeKey });
    queued.push(...inserted.map((row) => row.dedupeKey));
  }
  return queued;
}
