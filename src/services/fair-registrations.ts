/**
 * Registrations for trade fairs: an owner registers (the fair registration
 * form's submit), officers list, approve or decline them (the owner is told
 * in the same transaction) and export the list.
 */
import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import {
  calendarEvents,
  establishments,
  type FairRegistrationStatus,
  fairRegistrations,
  users,
} from "../db/schema/index.ts";
import { formatDate } from "../domain/dates.ts";
import { parseIsoDay } from "../domain/reminder-plan.ts";
import { escapeHtml } from "../i18n.ts";
import { enqueue } from "../outbox/enqueue.ts";

export type FairRegistration = typeof fairRegistrations.$inferSelect;

export interface RegistrationInput {
  eventId: number;
  establishmentId: number;
  ownerId: number;
  products: string;
  booths: number;
  note: string | null;
  now: Date;
}

/** Registers (or registers again after a cancellation); refuses when one is already in. */
export async function registerForFair(
  db: Executor,
  input: RegistrationInput,
): Promise<
  { ok: true; registration: FairRegistration } | { ok: false; state: FairRegistrationStatus }
> {
  const [existing] = await db
    .select()
    .from(fairRegistrations)
    .where(
      and(
        eq(fairRegistrations.eventId, input.eventId),
        eq(fairRegistrations.establishmentId, input.establishmentId),
      ),
    );
  if (existing && existing.status !== "draft" && existing.status !== "cancelled") {
    return { ok: false, state: existing.status };
  }
  const values = {
    ownerId: input.ownerId,
    status: "registered" as const,
    products: input.products,
    booths: input.booths,
    note: input.note,
    decidedBy: null,
    decidedAt: null,
    updatedAt: input.now,
  };
  const [registration] = existing
    ? await db
        .update(fairRegistrations)
        .set(values)
        .where(eq(fairRegistrations.id, existing.id))
        .returning()
    : await db
        .insert(fairRegistrations)
        .values({
          eventId: input.eventId,
          establishmentId: input.establishmentId,
          ...values,
          createdAt: input.now,
        })
        .returning();
  if (!registration) throw new Error("registration not saved");
  return { ok: true, registration };
}

export interface RegistrationListItem {
  id: number;
  status: FairRegistrationStatus;
  establishmentName: string | null;
  ownerId: number | null;
  products: string | null;
  booths: number | null;
  note: string | null;
  phone: string | null;
  communeCode: string | null;
  createdAt: Date;
}

/** A fair's registrations (drafts left out), in the order they came. */
export async function listRegistrations(
  db: Executor,
  eventId: number,
): Promise<RegistrationListItem[]> {
  return db
    .select({
      id: fairRegistrations.id,
      status: fairRegistrations.status,
      establishmentName: establishments.name,
      ownerId: fairRegistrations.ownerId,
      products: fairRegistrations.products,
      booths: fairRegistrations.booths,
      note: fairRegistrations.note,
      phone: establishments.phone,
      communeCode: establishments.communeCode,
      createdAt: fairRegistrations.createdAt,
    })
    .from(fairRegistrations)
    .innerJoin(establishments, eq(establishments.id, fairRegistrations.establishmentId))
    .where(and(eq(fairRegistrations.eventId, eventId), ne(fairRegistrations.status, "draft")))
    .orderBy(asc(fairRegistrations.createdAt), asc(fairRegistrations.id));
}

/** An owner's registrations, with their fairs, newest first. */
export async function ownersRegistrations(db: Executor, ownerId: number) {
  return db
    .select({
      id: fairRegistrations.id,
      eventId: fairRegistrations.eventId,
      status: fairRegistrations.status,
      title: calendarEvents.title,
      startsOn: calendarEvents.startsOn,
      eventStatus: calendarEvents.status,
    })
    .from(fairRegistrations)
    .innerJoin(calendarEvents, eq(calendarEvents.id, fairRegistrations.eventId))
    .where(and(eq(fairRegistrations.ownerId, ownerId), ne(fairRegistrations.status, "draft")))
    .orderBy(desc(calendarEvents.startsOn));
}

export async function findRegistration(
  db: Executor,
  eventId: number,
  ownerId: number,
): Promise<FairRegistration | undefined> {
  const [row] = await db
    .select()
    .from(fairRegistrations)
    .where(and(eq(fairRegistrations.eventId, eventId), eq(fairRegistrations.ownerId, ownerId)));
  return row;
}

export interface DecisionNotice {
  t(language: string, key: string, vars?: Record<string, string | number>): string;
}

/**
 * An officer approves or declines a registration still waiting; the owner
 * is told in the same transaction. Undefined when it was decided already.
 */
export async function decideRegistration(
  db: Executor,
  input: { id: number; officerId: number; approve: boolean; now: Date },
  notice: DecisionNotice,
): Promise<{ establishmentName: string; eventId: number } | undefined> {
  return db.transaction(async (tx) => {
    const [decided] = await tx
      .update(fairRegistrations)
      .set({
        status: input.approve ? "approved" : "declined",
        decidedBy: input.officerId,
        decidedAt: input.now,
        updatedAt: input.now,
      })
      .where(and(eq(fairRegistrations.id, input.id), eq(fairRegistrations.status, "registered")))
      .returning();
    if (!decided) return undefined;
    const [row] = await tx
      .select({ event: calendarEvents, name: establishments.name, owner: users })
      .from(fairRegistrations)
      .innerJoin(calendarEvents, eq(calendarEvents.id, fairRegistrations.eventId))
      .innerJoin(establishments, eq(establishments.id, fairRegistrations.establishmentId))
      .innerJoin(users, eq(users.id, establishments.ownerId))
      .where(eq(fairRegistrations.id, input.id));
    if (!row) return undefined;
    const { event, owner } = row;
    const start = formatDate(parseIsoDay(event.startsOn));
    const end = formatDate(parseIsoDay(event.endsOn ?? event.startsOn));
    await enqueue(tx, {
      chatId: owner.chatId,
      userId: owner.id,
      kind: "fair-registration-decision",
      payload: {
        type: "text",
        parseMode: "HTML",
        text: notice.t(
          owner.language,
          input.approve ? "registration-owner-approved" : "registration-owner-declined",
          {
            title: escapeHtml(event.title),
            dates: start === end ? start : `${start} – ${end}`,
            location: escapeHtml(event.location ?? "—"),
          },
        ),
      },
      dedupeKey: `fair-registration:${input.id}:decided:${decided.updatedAt.getTime()}`,
    });
    return { establishmentName: row.name ?? "", eventId: event.id };
  });
}
