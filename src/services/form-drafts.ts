/**
 * Drafts of short forms that have no table of their own (an officer's
 * decision, a question, a reply, a reason): one JSON value per person and
 * form kind in the sessions table, so they survive a restart like any draft.
 */
import { eq } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { sessions } from "../db/schema/index.ts";

const keyOf = (kind: string, userId: number) => `form:${kind}:${userId}`;

export async function readFormDraft<T>(
  db: Executor,
  kind: string,
  userId: number,
): Promise<T | undefined> {
  const [row] = await db
    .select({ value: sessions.value })
    .from(sessions)
    .where(eq(sessions.key, keyOf(kind, userId)))
    .limit(1);
  return row?.value as T | undefined;
}

export async function writeFormDraft(
  db: Executor,
  kind: string,
  userId: number,
  value: unknown,
): Promise<void> {
  const key = keyOf(kind, userId);
  await db
    .insert(sessions)
    .values({ key, value })
    .onConflictDoUpdate({ target: sessions.key, set: { value, updatedAt: new Date() } });
}

export async function deleteFormDraft(db: Executor, kind: string, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.key, keyOf(kind, userId)));
}
