import { count, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { applications, conversationState, establishments, users } from "../db/schema/index.ts";

/**
 * Nghị định 13/2023/NĐ-CP: a person may see and delete the data we hold
 * about them. Deleting removes the person and everything hanging off them
 * (establishments, applications, files, history: foreign keys cascade) and
 * their stored conversation.
 */
export async function countPersonalData(
  db: Database,
  userId: number,
): Promise<{ establishments: number; applications: number }> {
  const [e] = await db
    .select({ n: count() })
    .from(establishments)
    .where(eq(establishments.ownerId, userId));
  const [a] = await db
    .select({ n: count() })
    .from(applications)
    .where(eq(applications.ownerId, userId));
  return { establishments: Number(e?.n ?? 0), applications: Number(a?.n ?? 0) };
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
