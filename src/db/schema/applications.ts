import { type SQL, sql } from "drizzle-orm";
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
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  OPEN_STATUSES,
  WAITING_FOR_OFFICER,
} from "../../domain/application-status.ts";
import { money, telegramId, timestamps, timestamptz } from "./columns.ts";
import { establishments } from "./establishments.ts";
import { users } from "./users.ts";

export type { ApplicationStatus } from "../../domain/application-status.ts";

export type Program = "local" | "national";

/**
 * `status in ('a', 'b')` with the statuses written out (never as bound
 * parameters), as partial indexes are declared: PostgreSQL uses a partial
 * index only when it can prove the query's condition implies the index's.
 */
export function statusIn(statuses: readonly ApplicationStatus[]): SQL {
  for (const status of statuses) {
    if (!APPLICATION_STATUSES.includes(status)) throw new Error(`unknown status "${status}"`);
  }
  return sql.raw(`"status" in (${statuses.map((status) => `'${status}'`).join(", ")})`);
}

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
    /** at acceptance (nghiệm thu) */
    acceptedAmount: money("accepted_amount"),
    /** paid out (giải ngân) */
    disbursedAmount: money("disbursed_amount"),
    submittedAt: timestamptz("submitted_at"),
    decidedAt: timestamptz("decided_at"),
    /** the officer who made the decision (approved, rejected) */
    decidedBy: telegramId("decided_by"),
    /** when the status last changed: how long an application has waited, without reading the history */
    statusChangedAt: timestamptz("status_changed_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("applications_code_unique").on(t.code),
    index("applications_owner_idx").on(t.ownerId),
    index("applications_status_idx").on(t.status, t.statusChangedAt),
    index("applications_year_program_status_idx").on(t.planYear, t.program, t.status),
    index("applications_submitted_idx").on(t.submittedAt),
    // the officers' export of a plan year, in code order, read a page at a time by keyset
    index("applications_year_code_idx").on(t.planYear, t.code),
    // the weekly summary: the decisions of a week
    index("applications_decided_idx").on(t.decidedAt),
    // The digest and the inbox read only what waits, a small part of the table: partial indexes
    // that hold every column those queries need, so they are answered from the index alone.
    index("applications_open_idx")
      .on(t.status, t.program, t.category, t.requestedSupport, t.planYear)
      .where(statusIn(OPEN_STATUSES)),
    index("applications_waiting_since_idx")
      .on(t.statusChangedAt, t.id, t.code, t.planYear)
      .where(statusIn(WAITING_FOR_OFFICER)),
    index("applications_supplement_since_idx")
      .on(t.statusChangedAt, t.id, t.code, t.planYear)
      .where(statusIn(["needs_info"])),
    // the inbox's order (oldest waiting first)
    index("applications_inbox_idx")
      .on(sql`coalesce(${t.statusChangedAt}, ${t.submittedAt})`, t.id)
      .where(statusIn(WAITING_FOR_OFFICER)),
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

export type HistoryKind =
  /** a change of status (from_status -> to_status) */
  | "status"
  /** an officer asked for more (bổ sung); details: the questions flagged */
  | "supplement-request"
  /** the owner answered a bổ sung; details: each changed answer, before and after */
  | "supplement"
  /** the owner asked the officers a question (note) */
  | "question"
  /** an officer answered the owner (note) */
  | "reply";

/** Every change of an application and every message about it: who, when, what, and why. */
export const applicationHistory = pgTable(
  "application_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: text("kind").$type<HistoryKind>().notNull().default("status"),
    fromStatus: text("from_status").$type<ApplicationStatus>(),
    /** the status after this entry (for entries that are not status changes: the status at the time) */
    toStatus: text("to_status").$type<ApplicationStatus>().notNull(),
    actorId: telegramId("actor_id"),
    note: text("note"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [index("application_history_application_idx").on(t.applicationId, t.createdAt)],
);

/**
 * An officer's request for more (bổ sung): which answers need fixing, and
 * the owner's new answers while they give them (the form's draft). On
 * resubmission the answers are written to the application and the history
 * keeps both versions of each.
 */
export const applicationSupplements = pgTable(
  "application_supplements",
  {
    id: serial("id").primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    requestedBy: telegramId("requested_by"),
    /**
     * "supplement": an officer asked for more (needs_info -> reviewing on resubmission);
     * "transfer": the owner moves a national application the Ministry did not select to the
     * local programme, answering again what the local programme needs (not_selected -> submitted)
     */
    purpose: text("purpose").$type<"supplement" | "transfer">().notNull().default("supplement"),
    note: text("note"),
    /** the application form's question ids to answer again */
    questionIds: jsonb("question_ids").$type<string[]>().notNull(),
    /** the owner's new answers so far (an application patch, plain JSON) */
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull().default({}),
    /** the question ids answered again so far */
    answered: jsonb("answered").$type<string[]>().notNull().default([]),
    status: text("status").$type<"open" | "submitted" | "cancelled">().notNull().default("open"),
    submittedAt: timestamptz("submitted_at"),
    ...timestamps,
  },
  (t) => [index("application_supplements_application_idx").on(t.applicationId, t.status)],
);

/**
 * The card of an application in each officer's chat (and the officers'
 * group), so it is edited in place as the application moves on.
 */
export const officerCards = pgTable(
  "officer_cards",
  {
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    chatId: telegramId("chat_id").notNull(),
    messageId: integer("message_id").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.chatId] })],
);
