import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { money, telegramId, timestamps, timestamptz } from "./columns.ts";
import { establishments } from "./establishments.ts";

export type CalendarEventKind = "deadline" | "fair" | "result" | "other";

/**
 * Who an event concerns: all owners, or owners of given categories, sectors
 * or communes, or owners with a submitted application; or officers.
 */
export interface EventAudience {
  roles?: ("applicant" | "officer")[];
  categories?: string[];
  /** words matched in the establishment's sector or main products */
  sectors?: string[];
  communeCodes?: string[];
  /** only owners with a submitted application (for the event's plan year, when it has one) */
  withSubmittedApplication?: boolean;
}

export type CalendarEventStatus = "draft" | "active" | "cancelled";
export type FairRegistrationStatus = "draft" | "registered" | "approved" | "declined" | "cancelled";

/** Deadlines, trade fairs (hội chợ) and result announcements, entered by officers. */
export const calendarEvents = pgTable(
  "calendar_events",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").$type<CalendarEventKind>().notNull(),
    title: text("title").notNull(),
    description: text("description"),
    location: text("location"),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    registrationDeadline: timestamptz("registration_deadline"),
    /** booths or places the province supports, for fairs */
    places: integer("places"),
    supportAmount: money("support_amount"),
    audience: jsonb("audience").$type<EventAudience>().notNull().default({}),
    /** the plan year and stream it concerns (a deadline, a result announcement) */
    planYear: integer("plan_year"),
    program: text("program").$type<"local" | "national">(),
    /** "draft" while an officer fills the event form in; "cancelled" keeps it for the record */
    status: text("status").$type<CalendarEventStatus>().notNull().default("active"),
    /** bumped when the dates move: reminders of the new dates are new messages */
    revision: integer("revision").notNull().default(1),
    /** events seeded from the province file, by a stable key (seeding twice adds nothing) */
    seedKey: text("seed_key"),
    createdBy: telegramId("created_by"),
    ...timestamps,
  },
  (t) => [
    index("calendar_events_starts_idx").on(t.startsOn),
    uniqueIndex("calendar_events_seed_key_unique").on(t.seedKey),
  ],
);

export const fairRegistrations = pgTable(
  "fair_registrations",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => calendarEvents.id, { onDelete: "cascade" }),
    establishmentId: integer("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    /** who registered (the establishment's owner) */
    ownerId: telegramId("owner_id"),
    status: text("status").$type<FairRegistrationStatus>().notNull().default("draft"),
    products: text("products"),
    booths: integer("booths"),
    note: text("note"),
    decidedBy: telegramId("decided_by"),
    decidedAt: timestamptz("decided_at"),
    ...timestamps,
  },
  (t) => [uniqueIndex("fair_registrations_unique").on(t.eventId, t.establishmentId)],
);
