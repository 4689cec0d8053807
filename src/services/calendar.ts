/**
 * The calendar: deadlines, trade fairs and result announcements, and who
 * each concerns. The audience of every reminder comes from here, so the bot
 * and the jobs agree on who an owner is.
 */
import { and, eq, exists, gt, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import {
  applications,
  calendarEvents,
  establishments,
  type UserRole,
  users,
} from "../db/schema/index.ts";
import type { Recipient } from "./users.ts";

export type CalendarEvent = typeof calendarEvents.$inferSelect;

/**
 * Events with something to remind of between `from` and `until`: a
 * registration deadline in that window, or (a fair without one) its
 * opening day within the days given (ISO dates, local).
 */
export async function eventsWithDeadlinesBetween(
  db: Executor,
  window: { from: Date; until: Date; fromDay: string; untilDay: string },
): Promise<CalendarEvent[]> {
  return db
    .select()
    .from(calendarEvents)
    .where(
      or(
        and(
          gt(calendarEvents.registrationDeadline, window.from),
          lte(calendarEvents.registrationDeadline, window.until),
        ),
        and(
          eq(calendarEvents.kind, "fair"),
          isNull(calendarEvents.registrationDeadline),
          gt(calendarEvents.startsOn, window.fromDay),
          lte(calendarEvents.startsOn, window.untilDay),
        ),
      ),
    )
    .orderBy(calendarEvents.id);
}

/** Consenting people an event concerns, who have not blocked the bot. */
export async function eventAudience(db: Executor, event: CalendarEvent): Promise<Recipient[]> {
  const audience = event.audience ?? {};
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
  return db
    .select({ id: users.id, chatId: users.chatId, language: users.language })
    .from(users)
    .where(and(...conditions))
    .orderBy(users.id);
}
