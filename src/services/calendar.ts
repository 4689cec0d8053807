/**
 * The calendar: deadlines, trade fairs and result announcements, and who
 * each concerns. The audience of every reminder comes from here, so the bot
 * and the jobs agree on who an owner is.
 *
 * Moving an event (its dates change) bumps its revision, so reminders of the
 * new dates are new messages; moving or cancelling tells, in the same
 * transaction, everyone who registered for it or was reminded of it.
 */
import {
  and,
  asc,
  eq,
  exists,
  gt,
  gte,
  ilike,
  inArray,
  isNull,
  like,
  lte,
  ne,
  or,
  type SQL,
} from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import {
  applications,
  calendarEvents,
  type EventAudience,
  establishments,
  fairRegistrations,
  outbox,
  type UserRole,
  users,
} from "../db/schema/index.ts";
import { formatDate, localParts } from "../domain/dates.ts";
import { endOfDay, registrationWindow } from "../domain/plan-year.ts";
import type { Province } from "../domain/province.ts";
import { parseIsoDay } from "../domain/reminder-plan.ts";
import { escapeHtml } from "../i18n.ts";
import { enqueueMany, type OutgoingMessage } from "../outbox/enqueue.ts";
import type { Recipient } from "./users.ts";

export type CalendarEvent = typeof calendarEvents.$inferSelect;
export type NewCalendarEvent = Omit<
  typeof calendarEvents.$inferInsert,
  "id" | "status" | "revision" | "createdAt" | "updatedAt"
>;

/** Statuses of an application that count as submitted for a plan year. */
export const SUBMITTED_STATUSES = [
  "submitted",
  "received",
  "reviewing",
  "needs_info",
  "forwarded",
  "not_selected",
  "approved",
  "rejected",
  "implementing",
  "accepted",
  "disbursed",
] as const;

/** Submitted and still waiting for a decision. */
export const UNDECIDED_STATUSES = [
  "submitted",
  "received",
  "reviewing",
  "needs_info",
  "forwarded",
] as const;

/** A registration that holds a place (the owner is expected at the fair). */
export const ACTIVE_REGISTRATION_STATUSES = ["registered", "approved"] as const;

/**
 * The deadline of a plan year's registration, seeded from the province file
 * (registrationDeadline, default 31/10: the plan reaches the UBND tỉnh before
 * 30/11). Seeding twice adds nothing (seed_key).
 */
export async function seedProvinceEvents(
  db: Executor,
  province: Pick<Province, "registrationDeadline" | "planSubmissionDeadline">,
  now: Date,
  timeZone: string,
  i18n: { t(language: string, key: string, variables?: Record<string, string | number>): string },
): Promise<void> {
  const window = registrationWindow(now, province, timeZone);
  const deadline = endOfDay(window.planYear - 1, province.registrationDeadline, timeZone);
  const day = localParts(deadline, timeZone);
  await db
    .insert(calendarEvents)
    .values({
      kind: "deadline",
      // stored once, in Vietnamese, like the titles officers type
      title: i18n.t("vi", "event-seeded-deadline-title", { year: String(window.planYear) }),
      startsOn: `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`,
      registrationDeadline: deadline,
      planYear: window.planYear,
      seedKey: `deadline:${window.planYear}`,
    })
    .onConflictDoNothing();
}

/** The people an event's audience names, in SQL over users (applicants only, unless officers are named). */
function audienceConditions(db: Executor, event: Pick<CalendarEvent, "audience" | "planYear">) {
  const audience: EventAudience = event.audience ?? {};
  const roles: UserRole[] = audience.roles?.length ? audience.roles : ["applicant"];
  const conditions: (SQL | undefined)[] = [isNull(users.blockedAt), inArray(users.role, roles)];
  if (audience.communeCodes?.length) {
    conditions.push(
      exists(
        db
          .select({ id: establishments.id })
          .from(establishments)
          .where(
            and(
              eq(establishments.ownerId, users.id),
              inArray(establishments.communeCode, audience.communeCodes),
            ),
          ),
      ),
    );
  }
  if (audience.sectors?.length) {
    conditions.push(
      exists(
        db
          .select({ id: establishments.id })
          .from(establishments)
          .where(
            and(
              eq(establishments.ownerId, users.id),
              or(
                ...audience.sectors.flatMap((word) => [
                  ilike(establishments.sector, `%${word}%`),
                  ilike(establishments.mainProducts, `%${word}%`),
                ]),
              ),
            ),
          ),
      ),
    );
  }
  if (audience.categories?.length) {
    conditions.push(
      exists(
        db
          .select({ id: applications.id })
          .from(applications)
          .where(
            and(
              eq(applications.ownerId, users.id),
              inArray(applications.category, audience.categories),
            ),
          ),
      ),
    );
  }
  if (audience.withSubmittedApplication) {
    conditions.push(
      exists(
        db
          .select({ id: applications.id })
          .from(applications)
          .where(
            and(
              eq(applications.ownerId, users.id),
              inArray(applications.status, [...SUBMITTED_STATUSES]),
              event.planYear == null ? undefined : eq(applications.planYear, event.planYear),
            ),
          ),
      ),
    );
  }
  return conditions;
}

/** People an event concerns, who have not blocked the bot. */
export async function eventAudience(db: Executor, event: CalendarEvent): Promise<Recipient[]> {
  return db
    .select({ id: users.id, chatId: users.chatId, language: users.language })
    .from(users)
    .where(and(...audienceConditions(db, event)))
    .orderBy(users.id);
}

/** Whether one person is in an event's audience (what /events shows an owner). */
export async function concerns(
  db: Executor,
  event: CalendarEvent,
  userId: number,
): Promise<boolean> {
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), ...audienceConditions(db, event)));
  return found.length > 0;
}

export async function findEvent(db: Executor, id: number): Promise<CalendarEvent | undefined> {
  const [event] = await db.select().from(calendarEvents).where(eq(calendarEvents.id, id));
  return event;
}

/**
 * Active events of a kind whose anchor falls between two instants: the
 * registration deadline, or (anchor "start") the first day.
 */
export async function activeEventsAnchoredBetween(
  db: Executor,
  query: {
    kind: CalendarEvent["kind"];
    anchor: "deadline" | "start";
    from: Date;
    until: Date;
    fromDay: string;
    untilDay: string;
  },
): Promise<CalendarEvent[]> {
  const window =
    query.anchor === "deadline"
      ? and(
          gt(calendarEvents.registrationDeadline, query.from),
          lte(calendarEvents.registrationDeadline, query.until),
        )
      : and(
          gte(calendarEvents.startsOn, query.fromDay),
          lte(calendarEvents.startsOn, query.untilDay),
        );
  return db
    .select()
    .from(calendarEvents)
    .where(and(eq(calendarEvents.kind, query.kind), eq(calendarEvents.status, "active"), window))
    .orderBy(calendarEvents.id);
}

/** The coming events (not ended before `today`), soonest first. */
export async function upcomingEvents(db: Executor, todayIso: string): Promise<CalendarEvent[]> {
  return db
    .select()
    .from(calendarEvents)
    .where(
      and(
        eq(calendarEvents.status, "active"),
        or(gte(calendarEvents.startsOn, todayIso), gte(calendarEvents.endsOn, todayIso)),
      ),
    )
    .orderBy(asc(calendarEvents.startsOn), asc(calendarEvents.id));
}

/** The registration deadline of a plan year: its deadline event, else the province's day. */
export async function planYearDeadline(
  db: Executor,
  planYear: number,
  province: Pick<Province, "registrationDeadline">,
  timeZone: string,
): Promise<Date> {
  const [event] = await db
    .select({ at: calendarEvents.registrationDeadline })
    .from(calendarEvents)
    .where(
      and(
        eq(calendarEvents.kind, "deadline"),
        eq(calendarEvents.status, "active"),
        eq(calendarEvents.planYear, planYear),
      ),
    )
    .orderBy(asc(calendarEvents.registrationDeadline))
    .limit(1);
  return event?.at ?? endOfDay(planYear - 1, province.registrationDeadline, timeZone);
}

export async function createEvent(db: Executor, values: NewCalendarEvent): Promise<CalendarEvent> {
  const [event] = await db.insert(calendarEvents).values(values).returning();
  if (!event) throw new Error("event not created");
  return event;
}

/** The dedupe-key prefix of every reminder about an event. */
export const eventReminderPrefix = (eventId: number): string => `event:${eventId}:`;

/** Who registered for an event, or was reminded of it: they hear of a move or a cancellation. */
async function concernedPeople(db: Executor, eventId: number): Promise<Recipient[]> {
  const reminded = db
    .selectDistinct({ userId: outbox.userId })
    .from(outbox)
    .where(like(outbox.dedupeKey, `${eventReminderPrefix(eventId)}%`));
  const registered = db
    .select({ userId: fairRegistrations.ownerId })
    .from(fairRegistrations)
    .where(and(eq(fairRegistrations.eventId, eventId), ne(fairRegistrations.status, "draft")));
  return db
    .select({ id: users.id, chatId: users.chatId, language: users.language })
    .from(users)
    .where(
      and(isNull(users.blockedAt), or(inArray(users.id, reminded), inArray(users.id, registered))),
    )
    .orderBy(users.id);
}

export interface EventChangeNotice {
  t(language: string, key: string, vars?: Record<string, string | number>): string;
  timeZone: string;
}

const dayText = (iso: string | null): string => (iso ? formatDate(parseIsoDay(iso)) : "");

/**
 * Applies an officer's change. When the dates move the revision is bumped
 * and those concerned are told the new dates; a cancellation tells them too.
 */
export async function updateEvent(
  db: Executor,
  id: number,
  changes: Partial<NewCalendarEvent> & { status?: "active" | "cancelled" },
  notice: EventChangeNotice & { now: Date },
): Promise<{ event: CalendarEvent; told: number } | undefined> {
  const before = await findEvent(db, id);
  if (!before || before.status === "cancelled") return undefined;
  const cancelled = changes.status === "cancelled";
  const merged = { ...before, ...changes };
  const moved =
    !cancelled &&
    (merged.startsOn !== before.startsOn ||
      (merged.endsOn ?? null) !== (before.endsOn ?? null) ||
      (merged.registrationDeadline?.getTime() ?? null) !==
        (before.registrationDeadline?.getTime() ?? null));
  const [event] = await db
    .update(calendarEvents)
    .set({
      ...changes,
      revision: moved ? before.revision + 1 : before.revision,
      updatedAt: notice.now,
    })
    .where(eq(calendarEvents.id, id))
    .returning();
  if (!event) return undefined;
  if (!moved && !cancelled) return { event, told: 0 };
  const people = await concernedPeople(db, id);
  const deadline = event.registrationDeadline
    ? formatDate(localParts(event.registrationDeadline, notice.timeZone))
    : "";
  const messages: OutgoingMessage[] = people.map((person) => {
    const vars = {
      title: escapeHtml(event.title),
      startDate: dayText(event.startsOn),
      endDate: dayText(event.endsOn ?? event.startsOn),
      deadline,
      hasDeadline: deadline ? "yes" : "no",
    };
    return {
      chatId: person.chatId,
      userId: person.id,
      kind: "event-update",
      payload: {
        type: "text",
        parseMode: "HTML",
        text: notice.t(
          person.language,
          cancelled ? "event-cancelled-notice" : "event-moved-notice",
          vars,
        ),
      },
      dedupeKey: cancelled
        ? `event-change:${id}:cancelled:user:${person.id}`
        : `event-change:${id}:r${event.revision}:user:${person.id}`,
    };
  });
  const queued = await enqueueMany(db, messages);
  return { event, told: queued.length };
}
