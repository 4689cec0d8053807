/**
 * What the reminder jobs read: who has submitted, who has a draft and how
 * far it is, who registered for a fair, which applications wait for a
 * decision, and when each draft was last nudged.
 */
import { and, desc, eq, inArray, isNull, like, lt, or } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { applications, fairRegistrations, outbox, users } from "../db/schema/index.ts";
import { draftProgress } from "../domain/reminder-plan.ts";
import {
  ACTIVE_REGISTRATION_STATUSES,
  SUBMITTED_STATUSES,
  UNDECIDED_STATUSES,
} from "./calendar.ts";
import type { Recipient } from "./users.ts";

const programCondition = (program: "local" | "national" | null | undefined) =>
  program ? eq(applications.program, program) : undefined;

/** Owners with a submitted application for a plan year (and stream, when given). */
export async function ownersWithSubmitted(
  db: Executor,
  planYear: number,
  program?: "local" | "national" | null,
): Promise<Set<number>> {
  const rows = await db
    .selectDistinct({ ownerId: applications.ownerId })
    .from(applications)
    .where(
      and(
        eq(applications.planYear, planYear),
        inArray(applications.status, [...SUBMITTED_STATUSES]),
        programCondition(program),
      ),
    );
  return new Set(rows.map((row) => row.ownerId));
}

export interface DraftState {
  id: number;
  ownerId: number;
  chatId: number;
  language: "vi" | "en";
  planYear: number;
  updatedAt: Date;
  left: number;
  total: number;
}

/** Application drafts of people who have not blocked the bot (of one plan year, when given), newest first. */
export async function applicationDrafts(db: Executor, planYear?: number): Promise<DraftState[]> {
  const rows = await db
    .select({
      application: applications,
      chatId: users.chatId,
      language: users.language,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.ownerId))
    .where(
      and(
        eq(applications.status, "draft"),
        isNull(users.blockedAt),
        planYear === undefined ? undefined : eq(applications.planYear, planYear),
      ),
    )
    .orderBy(desc(applications.updatedAt), desc(applications.id));
  return rows.map(({ application, chatId, language }) => ({
    id: application.id,
    ownerId: application.ownerId,
    chatId,
    language,
    planYear: application.planYear,
    updatedAt: application.updatedAt,
    ...draftProgress(application),
  }));
}

/** The days (ISO) on which each draft-reminder was queued, by owner, read from their dedupe keys. */
export async function draftNudgeDays(db: Executor): Promise<Map<number, string>> {
  const rows = await db
    .select({ userId: outbox.userId, dedupeKey: outbox.dedupeKey })
    .from(outbox)
    .where(and(eq(outbox.kind, "draft-reminder"), like(outbox.dedupeKey, "draft:%")));
  const latest = new Map<number, string>();
  for (const row of rows) {
    const day = row.dedupeKey.split(":").at(-1);
    if (row.userId == null || !day) continue;
    const known = latest.get(row.userId);
    if (!known || day > known) latest.set(row.userId, day);
  }
  return latest;
}

/** Owners holding a place at a fair (registered or approved). */
export async function registeredOwners(db: Executor, eventId: number): Promise<Recipient[]> {
  return db
    .select({ id: users.id, chatId: users.chatId, language: users.language })
    .from(fairRegistrations)
    .innerJoin(users, eq(users.id, fairRegistrations.ownerId))
    .where(
      and(
        eq(fairRegistrations.eventId, eventId),
        inArray(fairRegistrations.status, [...ACTIVE_REGISTRATION_STATUSES]),
        isNull(users.blockedAt),
      ),
    )
    .orderBy(users.id);
}

/** Owners who registered for a fair in any state but a draft (they need no reminder to register). */
export async function ownersWhoRegistered(db: Executor, eventId: number): Promise<Set<number>> {
  const rows = await db
    .select({ ownerId: fairRegistrations.ownerId })
    .from(fairRegistrations)
    .where(
      and(
        eq(fairRegistrations.eventId, eventId),
        or(
          inArray(fairRegistrations.status, [...ACTIVE_REGISTRATION_STATUSES]),
          eq(fairRegistrations.status, "declined"),
        ),
      ),
    );
  return new Set(rows.flatMap((row) => (row.ownerId == null ? [] : [row.ownerId])));
}

export interface UndecidedApplication {
  id: number;
  code: string | null;
  ownerId: number;
  title: string | null;
  waitingSince: Date | null;
}

/** Applications of a plan year (and stream) still waiting for a decision, oldest first. */
export async function undecidedApplications(
  db: Executor,
  planYear: number,
  program?: "local" | "national" | null,
  waitingBefore?: Date,
): Promise<UndecidedApplication[]> {
  const rows = await db
    .select({
      id: applications.id,
      code: applications.code,
      ownerId: applications.ownerId,
      title: applications.title,
      submittedAt: applications.submittedAt,
      statusChangedAt: applications.statusChangedAt,
    })
    .from(applications)
    .where(
      and(
        eq(applications.planYear, planYear),
        inArray(applications.status, [...UNDECIDED_STATUSES]),
        programCondition(program),
        waitingBefore === undefined ? undefined : lt(applications.submittedAt, waitingBefore),
      ),
    )
    .orderBy(applications.submittedAt, applications.id);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    ownerId: row.ownerId,
    title: row.title,
    waitingSince: row.submittedAt,
  }));
}
