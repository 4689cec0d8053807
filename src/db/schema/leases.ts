import { pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns.ts";

/**
 * Named leases: one holder at a time until `expires_at` (e.g. the outbox
 * sender's leader lock). See src/db/leases.ts.
 */
export const leases = pgTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamptz("expires_at").notNull(),
  /** when the current holder first took it (kept across renewals) */
  acquiredAt: timestamptz("acquired_at").notNull(),
});

export type Lease = typeof leases.$inferSelect;
