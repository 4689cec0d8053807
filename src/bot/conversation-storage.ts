import type { ConversationData, VersionedStateStorage } from "@grammyjs/conversations";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { conversationState } from "../db/schema/index.ts";

type StoredState = Parameters<VersionedStateStorage<string, ConversationData>["write"]>[1];

/**
 * Keeps grammY conversations' state in the database, one row per chat, so a
 * conversation that waits for an answer survives a restart or a deploy.
 */
export function conversationStorageAdapter(
  db: Database,
): VersionedStateStorage<string, ConversationData> {
  return {
    async read(key) {
      const [row] = await db
        .select({ value: conversationState.value })
        .from(conversationState)
        .where(eq(conversationState.key, key))
        .limit(1);
      return row?.value as StoredState | undefined;
    },
    async write(key, state) {
      await db
        .insert(conversationState)
        .values({ key, value: state })
        .onConflictDoUpdate({
          target: conversationState.key,
          set: { value: state, updatedAt: new Date() },
        });
    },
    async delete(key) {
      await db.delete(conversationState).where(eq(conversationState.key, key));
    },
  };
}
