import { sql } from "drizzle-orm";
import { index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { telegramId, timestamps, timestamptz } from "./columns.ts";
import { users } from "./users.ts";

export type LegalForm = "enterprise" | "cooperative" | "cooperative-group" | "household-business";

/**
 * A rural industrial establishment (cơ sở công nghiệp nông thôn). The row is
 * also the draft of the profile form: every answer is written as it is given,
 * and `completedAt` is set once every required field has an answer.
 */
export const establishments = pgTable(
  "establishments",
  {
    id: serial("id").primaryKey(),
    ownerId: telegramId("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name"),
    legalForm: text("legal_form").$type<LegalForm>(),
    taxCode: text("tax_code"),
    /** the tax code's (or registration's) date of issue, YYYY-MM-DD ("" when the owner has none) */
    taxCodeIssuedOn: text("tax_code_issued_on"),
    /** who issued it (nơi cấp) */
    taxCodeIssuedBy: text("tax_code_issued_by"),
    communeCode: text("commune_code"),
    /** the street, village (thôn) or house number, as typed */
    address: text("address"),
    representativeName: text("representative_name"),
    representativePosition: text("representative_position"),
    /** E.164, e.g. +84912345678 */
    phone: text("phone"),
    email: text("email"),
    sector: text("sector"),
    mainProducts: text("main_products"),
    workers: integer("workers"),
    completedAt: timestamptz("completed_at"),
    ...timestamps,
  },
  (t) => [
    index("establishments_owner_idx").on(t.ownerId),
    index("establishments_commune_idx").on(t.communeCode),
    // One establishment per tax code (a branch's code, 10 digits and 3, is its own).
    uniqueIndex("establishments_tax_code_unique")
      .on(t.taxCode)
      .where(sql`${t.taxCode} is not null and ${t.taxCode} <> ''`),
  ],
);
