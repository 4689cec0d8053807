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

/** Who an event concerns: everyone, or owners of given categories / communes. */
export interface EventAudience {
  roles?: ("applicant" | "officer")[];
  categories?: string[];
  communeCodes?: string[];
}

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
    createdBy: telegramId("created_by"),
    ...timestamps,
  },
  (t) => [index("calendar_events_starts_idx").on(t.startsOn)],
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
    status: text("status")
      .$type<"registered" | "selected" | "not-selected" | "cancelled">()
      .notNull()
      .default("registered"),
    products: text("products"),
    note: text("note"),
    ...timestamps,
  },
  (t) => [uniqueIndex("fair_registrations_unique").on(t.eventId, t.establishmentId)],
);
