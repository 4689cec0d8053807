import { asc, count, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { applications, conversationState, establishments, users } from "../db/schema/index.ts";

/**
 * Nghị định 13/2023/NĐ-CP: a person may see and delete the data we hold
 * about them. Deleting removes the person and everything hanging off them
 * (establishments, applications, files, history: foreign keys cascade) and
 * their stored conversation.
 */
export interface PersonalDataOverview {
  /** the person's establishments by name (null: the profile was begun without one) */
  establishments: { name: string | null; completed: boolean }[];
  applications: number;
  /** of which drafts */
  drafts: number;
}

/** What /mydata shows: the establishments by name, and how many applications. */
export async function personalDataOverview(
  db: Database,
  userId: number,
): Promise<PersonalDataOverview> {
  const owned = await db
    .select({ name: establishments.name, completedAt: establishments.completedAt })
    .from(establishments)
    .where(eq(establishments.ownerId, userId))
    .orderBy(asc(establishments.id));
  const byStatus = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(eq(applications.ownerId, userId))
    .groupBy(applications.status);
  const total = byStatus.reduce((sum, row) => sum + Number(row.n), 0);
  const drafts = Number(byStatus.find((row) => row.status === "draft")?.n ?? 0);
  return {
    establishments: owned.map((row) => ({ name: row.name, completed: row.completedAt !== null })),
    applications: total,
    drafts,
  };
}

export async function deletePersonalData(
  db: Database,
  userId: number,
  chatId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(conversationState).where(eq(conversationState.key, `conversation:${chatId}`));
    await tx.delete(users).where(eq(users.id, userId));
  });
}
