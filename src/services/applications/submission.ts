/**
 * Submitting an application: the code, the establishment's snapshot, the
 * history entry and the officers' notices, in one transaction.
 */
import { and, eq, sql } from "drizzle-orm";
import {
  applicationCounters,
  applicationHistory,
  applications,
  establishments,
} from "../../db/schema/index.ts";
import type { AppDependencies } from "../../dependencies.ts";
import { establishmentDetails } from "../establishments.ts";
import { queueCards } from "./cards.ts";

export const formatApplicationCode = (prefix: string, planYear: number, sequence: number): string =>
  `${prefix}-${planYear}-${String(sequence).padStart(4, "0")}`;

/**
 * Submits a draft: gives it the next code of its plan year and records the
 * change, and tells the officers, all in one transaction. The counter row is locked by the update,
 * so concurrent submissions queue behind each other and a rolled-back
 * submission gives its number back: codes have no gaps.
 */
export async function submitApplication(
  deps: AppDependencies,
  input: { id: number; ownerId: number },
): Promise<{ code: string; title: string | null; submittedAt: Date } | { error: "not-a-draft" }> {
  const at = deps.clock.now();
  const prefix = deps.province.codePrefix;
  return deps.db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.id, input.id), eq(applications.ownerId, input.ownerId)))
      .for("update")
      .limit(1);
    if (draft?.status !== "draft") return { error: "not-a-draft" as const };
    const [counter] = await tx
      .insert(applicationCounters)
      .values({ prefix: prefix, planYear: draft.planYear, lastNumber: 1 })
      .onConflictDoUpdate({
        target: [applicationCounters.prefix, applicationCounters.planYear],
        set: { lastNumber: sql`${applicationCounters.lastNumber} + 1` },
      })
      .returning({ lastNumber: applicationCounters.lastNumber });
    if (!counter) throw new Error("counter not updated");
    const code = formatApplicationCode(prefix, draft.planYear, counter.lastNumber);
    const [establishment] = await tx
      .select()
      .from(establishments)
      .where(eq(establishments.id, draft.establishmentId))
      .limit(1);
    const establishmentSnapshot = establishment ? establishmentDetails(establishment) : null;
    await tx
      .update(applications)
      .set({
        code,
        status: "submitted",
        submittedAt: at,
        statusChangedAt: at,
        establishmentSnapshot,
      })
      .where(eq(applications.id, draft.id));
    await tx.insert(applicationHistory).values({
      applicationId: draft.id,
      fromStatus: "draft",
      toStatus: "submitted",
      actorId: input.ownerId,
      createdAt: at,
    });
    await queueCards(tx, deps, draft.id, "submitted");
    return { code, title: draft.title, submittedAt: at };
  });
}
