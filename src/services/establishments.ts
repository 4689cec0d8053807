import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { type EstablishmentSnapshot, establishments } from "../db/schema/index.ts";

/** The details of an establishment: what the profile form asks, and what a submission keeps. */
export type EstablishmentDetails = EstablishmentSnapshot;

/** An establishment as forms see it: plain JSON, safe to keep in conversation state. */
export type EstablishmentDraft = EstablishmentDetails & { id: number; completed: boolean };

export type EstablishmentPatch = Partial<EstablishmentDetails>;

type Row = typeof establishments.$inferSelect;

export const establishmentDetails = ({
  id: _id,
  ownerId: _ownerId,
  completedAt: _completedAt,
  createdAt: _createdAt,
  updatedAt: _updatedAt,
  ...details
}: Row): EstablishmentDetails => details;

const toDraft = (row: Row): EstablishmentDraft => ({
  id: row.id,
  ...establishmentDetails(row),
  completed: row.completedAt !== null,
});

export async function findEstablishment(
  db: Executor,
  id: number,
  ownerId: number,
): Promise<EstablishmentDraft | undefined> {
  const [row] = await db
    .select()
    .from(establishments)
    .where(and(eq(establishments.id, id), eq(establishments.ownerId, ownerId)))
    .limit(1);
  return row ? toDraft(row) : undefined;
}

/** The owner's establishment: the completed one if any, else the one being filled in. */
export async function findOwnersEstablishment(
  db: Executor,
  ownerId: number,
): Promise<EstablishmentDraft | undefined> {
  const [row] = await db
    .select()
    .from(establishments)
    .where(eq(establishments.ownerId, ownerId))
    .orderBy(desc(isNotNull(establishments.completedAt)), desc(establishments.id))
    .limit(1);
  return row ? toDraft(row) : undefined;
}

export async function createEstablishmentDraft(
  db: Executor,
  ownerId: number,
): Promise<EstablishmentDraft> {
  const [row] = await db.insert(establishments).values({ ownerId }).returning();
  if (!row) throw new Error("establishment not created");
  return toDraft(row);
}

export async function updateEstablishment(
  db: Executor,
  id: number,
  ownerId: number,
  patch: EstablishmentPatch,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db
    .update(establishments)
    .set(patch)
    .where(and(eq(establishments.id, id), eq(establishments.ownerId, ownerId)));
}

export async function markEstablishmentComplete(
  db: Executor,
  id: number,
  ownerId: number,
  at: Date,
): Promise<void> {
  await db
    .update(establishments)
    .set({ completedAt: at })
    .where(and(eq(establishments.id, id), eq(establishments.ownerId, ownerId)));
}

/** Removes a profile that was never completed (a completed one is kept: applications point to it). */
export async function deleteIncompleteEstablishment(
  db: Executor,
  id: number,
  ownerId: number,
): Promise<void> {
  await db
    .delete(establishments)
    .where(
      and(
        eq(establishments.id, id),
        eq(establishments.ownerId, ownerId),
        isNull(establishments.completedAt),
      ),
    );
}
