import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { type Language, type OpenForm, type UserRole, users } from "../db/schema/index.ts";

export type UserRecord = typeof users.$inferSelect;

export async function findUser(db: Executor, userId: number): Promise<UserRecord | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return row;
}

export interface ConsentingPerson {
  userId: number;
  chatId: number;
  firstName?: string;
  username?: string;
  language: Language;
  role: UserRole;
  at: Date;
}

/**
 * The first row we keep about a person, written only when they agree to the
 * processing of their data. Agreeing again (a second tap) changes nothing.
 */
export async function recordConsent(db: Executor, person: ConsentingPerson): Promise<UserRecord> {
  const [row] = await db
    .insert(users)
    .values({
      id: person.userId,
      chatId: person.chatId,
      firstName: person.firstName ?? null,
      username: person.username ?? null,
      language: person.language,
      role: person.role,
      consentAt: person.at,
    })
    .onConflictDoUpdate({ target: users.id, set: { chatId: person.chatId, blockedAt: null } })
    .returning();
  if (!row) throw new Error("consent was not recorded");
  return row;
}

export async function setLanguage(db: Executor, userId: number, language: Language): Promise<void> {
  await db.update(users).set({ language }).where(eq(users.id, userId));
}

/** A person who writes to the bot again has unblocked it. */
export async function clearBlocked(db: Executor, userId: number): Promise<void> {
  await db.update(users).set({ blockedAt: null }).where(eq(users.id, userId));
}

export async function setOpenForm(
  db: Executor,
  userId: number,
  openForm: OpenForm | null,
): Promise<void> {
  await db.update(users).set({ openForm }).where(eq(users.id, userId));
}

/** How many recent update ids are remembered per person: redeliveries come within moments. */
export const RECENT_UPDATES_KEPT = 20;

/**
 * Records that an update was handled to the end for a person. Telegram
 * delivers an update again when its receipt was not confirmed (a restart, a
 * late webhook answer); the bot skips an update recorded here. Ids are
 * matched exactly, not compared: after a week without updates Telegram
 * starts them again at random.
 */
export async function recordHandledUpdate(
  db: Executor,
  userId: number,
  updateId: number,
): Promise<void> {
  await db
    .update(users)
    .set({
      recentUpdateIds: sql`(array_prepend(${updateId}::bigint, coalesce(${users.recentUpdateIds}, '{}'::bigint[])))[1:${sql.raw(String(RECENT_UPDATES_KEPT))}]`,
    })
    .where(
      and(
        eq(users.id, userId),
        sql`not (${updateId}::bigint = any(coalesce(${users.recentUpdateIds}, '{}'::bigint[])))`,
      ),
    );
}

export const wasHandled = (user: UserRecord, updateId: number): boolean =>
  (user.recentUpdateIds ?? []).includes(updateId);

export async function ensureRole(db: Executor, userId: number, role: UserRole): Promise<void> {
  await db.update(users).set({ role }).where(eq(users.id, userId));
}

export interface Recipient {
  id: number;
  chatId: number;
  language: Language;
}

/** Every officer and admin who has not blocked the bot: who officers' notices go to. */
export async function listOfficers(db: Executor): Promise<Recipient[]> {
  return db
    .select({ id: users.id, chatId: users.chatId, language: users.language })
    .from(users)
    .where(and(inArray(users.role, ["officer", "admin"]), isNull(users.blockedAt)))
    .orderBy(users.id);
}
