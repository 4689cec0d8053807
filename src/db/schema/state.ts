import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { timestamps } from "./columns.ts";

/** grammY conversations v2 state, one row per chat, so a waiting conversation survives a restart. */
export const conversationState = pgTable("conversation_state", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  ...timestamps,
});

/** grammY session data, one row per key (reserved for features that need a session). */
export const sessions = pgTable("sessions", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  ...timestamps,
});
