import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { money, telegramId, timestamps, timestamptz } from "./columns.ts";
import { establishments } from "./establishments.ts";
import { users } from "./users.ts";

export type ApplicationStatus =
  | "draft"
  | "submitted"
  | "received"
  | "reviewing"
  | "needs_info"
  | "forwarded"
  | "approved"
  | "rejected"
  | "withdrawn";

export type Program = "local" | "national";

/** The establishment as submitted: later profile edits do not change a submitted application. */
export type EstablishmentSnapshot = Omit<
  typeof establishments.$inferSelect,
  "id" | "ownerId" | "completedAt" | "createdAt" | "updatedAt"
>;

/** Answers to the eligibility pre-check, kept with the application. */
export type EligibilityAnswers = Record<string, boolean>;

/**
 * An application (phiếu đăng ký / đơn đề nghị hỗ trợ). While `status` is
 * `draft` the row is the form's draft: each answer is written as it is given.
 * `code` (LS-2027-0001) is given on submission, from `application_counters`.
 */
export const applications = pgTable(
  "applications",
  {
    id: serial("id").primaryKey(),
    code: text("code"),
    ownerId: telegramId("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    establishmentId: integer("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    planYear: integer("plan_year").notNull(),
    program: text("program").$type<Program>(),
    category: text("category"),
    title: text("title"),
    description: text("description"),
    totalCost: money("total_cost"),
    requestedSupport: money("requested_support"),
    counterpartFunds: money("counterpart_funds"),
    /** months as YYYY-MM */
    periodStart: text("period_start"),
    periodEnd: text("period_end"),
    expectedResults: text("expected_results"),
    /** true once the owner pressed "Xong" (or skipped) on the attachments question */
    attachmentsDone: boolean("attachments_done").notNull().default(false),
    eligibility: jsonb("eligibility").$type<EligibilityAnswers>(),
    /** the establishment's details as they were when the application was submitted */
    establishmentSnapshot: jsonb("establishment_snapshot").$type<EstablishmentSnapshot>(),
    status: text("status").$type<ApplicationStatus>().notNull().default("draft"),
    /** what an officer asked for (needs_info) or wrote with a decision */
    decisionNote: text("decision_note"),
    approvedAmount: money("approved_amount"),
    submittedAt: timestamptz("submitted_at"),
    decidedAt: timestamptz("decided_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("applications_code_unique").on(t.code),
    index("applications_owner_idx").on(t.ownerId),
    index("applications_status_idx").on(t.status),
  ],
);

/** One counter per code prefix and plan year, bumped inside the submitting transaction: no gaps. */
export const applicationCounters = pgTable(
  "application_counters",
  {
    prefix: text("prefix").notNull(),
    planYear: integer("plan_year").notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.planYear] })],
);

export const applicationFiles = pgTable(
  "application_files",
  {
    id: serial("id").primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"photo" | "document">().notNull(),
    telegramFileId: text("telegram_file_id").notNull(),
    telegramFileUniqueId: text("telegram_file_unique_id").notNull(),
    fileName: text("file_name"),
    mimeType: text("mime_type"),
    sizeBytes: integer("size_bytes"),
    ...timestamps,
  },
  (t) => [
    index("application_files_application_idx").on(t.applicationId),
    uniqueIndex("application_files_unique").on(t.applicationId, t.telegramFileUniqueId),
  ],
);

/** Every status change: who, when, from what to what, and why. */
export const applicationHistory = pgTable(
  "application_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    fromStatus: text("from_status").$type<ApplicationStatus>(),
    toStatus: text("to_status").$type<ApplicationStatus>().notNull(),
    actorId: telegramId("actor_id"),
    note: text("note"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [index("application_history_application_idx").on(t.applicationId, t.createdAt)],
);
