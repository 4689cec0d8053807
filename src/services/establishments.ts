import { and, desc, eq, isNotNull, isNull, ne } from "drizzle-orm";
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

/** Whether another establishment (of anyone) already has this tax code. */
export async function taxCodeTakenByAnother(
  db: Executor,
  taxCode: string,
  exceptEstablishmentId: number,
): Promise<boolean> {
  const [row] = await db
    .select({ id: establishments.id })
    .from(establishments)
    .where(and(eq(establishments.taxCode, taxCode), ne(establishments.id, exceptEstablishmentId)))
    .limit(1);
  return row !== undefined;
}

/** A write refused by the one-establishment-per-tax-code index (two owners at the same moment). */
export const isTaxCodeConflict = (error: unknown): boolean => {
  const text = `${(error as { message?: string })?.message ?? ""} ${(error as { cause?: { message?: string } })?.cause?.message ?? ""} ${(error as { constraint_name?: string })?.constraint_name ?? ""}`;
  return text.includes("establishments_tax_code_unique");
};
