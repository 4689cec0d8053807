/**
 * Bổ sung: an officer flags answers that need fixing; the owner answers
 * exactly those again (the supplement form, over this row), may add files,
 * and resubmits. The new answers are written to the application only on
 * resubmission, with a history entry that keeps both versions of each.
 *
 * The same mechanism moves a national application the Ministry did not
 * select to the local programme ("transfer"): the owner confirms, answers
 * again what the local programme needs, and it is submitted anew.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { applicationHistory, applicationSupplements, applications } from "../../db/schema/index.ts";
import type { AppDependencies } from "../../dependencies.ts";
import { escapeHtml } from "../../i18n.ts";
import { notifyOfficers } from "../notices.ts";
import { queueCards, refreshCards } from "./cards.ts";
import {
  type ApplicationDraft,
  type ApplicationPatch,
  addApplicationFile,
  fileCountOf,
  patchValues,
  toDraft,
} from "./drafts.ts";

export type SupplementRow = typeof applicationSupplements.$inferSelect;

/** The fields of an application an answer can change, as the form sees them. */
const FIELDS = [
  "program",
  "category",
  "title",
  "description",
  "totalCost",
  "requestedSupport",
  "counterpartFunds",
  "periodStart",
  "periodEnd",
  "expectedResults",
] as const;
type Field = (typeof FIELDS)[number];

export interface SupplementDraft {
  supplement: Pick<SupplementRow, "id" | "purpose" | "note" | "questionIds" | "answers">;
  /** the application as it stands (before the new answers) */
  application: ApplicationDraft;
}

/** An open bổ sung of the owner's, with its application. */
export async function findOpenSupplement(
  db: Executor,
  supplementId: number,
  ownerId: number,
): Promise<SupplementDraft | undefined> {
  const [row] = await db
    .select({ supplement: applicationSupplements, application: applications })
    .from(applicationSupplements)
    .innerJoin(applications, eq(applications.id, applicationSupplements.applicationId))
    .where(
      and(
        eq(applicationSupplements.id, supplementId),
        eq(applicationSupplements.status, "open"),
        eq(applications.ownerId, ownerId),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  const { id, purpose, note, questionIds, answers } = row.supplement;
  return {
    supplement: { id, purpose, note, questionIds, answers },
    application: toDraft(row.application, await fileCountOf(db, row.application.id)),
  };
}

/** The owner's latest open bổ sung, to resume from the menu. */
export async function latestOpenSupplementOf(
  db: Executor,
  ownerId: number,
): Promise<number | undefined> {
  const [open] = await db
    .select({ id: applicationSupplements.id })
    .from(applicationSupplements)
    .innerJoin(applications, eq(applications.id, applicationSupplements.applicationId))
    .where(and(eq(applications.ownerId, ownerId), eq(applicationSupplements.status, "open")))
    .orderBy(desc(applicationSupplements.id))
    .limit(1);
  return open?.id;
}

/** Writes an answer into the open bổ sung (files go straight to the application: they only add). */
export async function saveSupplementAnswer(
  db: Executor,
  supplementId: number,
  ownerId: number,
  patch: ApplicationPatch,
): Promise<void> {
  const draft = await findOpenSupplement(db, supplementId, ownerId);
  if (!draft) return;
  const { addFile, ...answers } = patch;
  if (addFile) await addApplicationFile(db, draft.application.id, addFile);
  await db
    .update(applicationSupplements)
    .set({ answers: { ...draft.supplement.answers, ...answers } })
    .where(eq(applicationSupplements.id, supplementId));
}

/** The owner moves a not-selected national application to the local programme (see the top). */
export async function startTransfer(
  deps: AppDependencies,
  input: { applicationId: number; ownerId: number; questionIds: string[] },
): Promise<{ supplementId: number } | { error: "not-found" }> {
  return deps.db.transaction(async (tx) => {
    const [application] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.id, input.applicationId),
          eq(applications.ownerId, input.ownerId),
          eq(applications.status, "not_selected"),
        ),
      )
      .for("update");
    if (!application) return { error: "not-found" as const };
    await tx
      .update(applicationSupplements)
      .set({ status: "cancelled" })
      .where(
        and(
          eq(applicationSupplements.applicationId, application.id),
          eq(applicationSupplements.status, "open"),
        ),
      );
    const [created] = await tx
      .insert(applicationSupplements)
      .values({
        applicationId: application.id,
        requestedBy: input.ownerId,
        purpose: "transfer",
        questionIds: input.questionIds,
        answers: { program: "local" },
      })
      .returning({ id: applicationSupplements.id });
    return { supplementId: created?.id ?? 0 };
  });
}

export interface AnswerChange {
  field: Field;
  before: string | null;
  after: string | null;
}

export type ResubmitResult =
  | { ok: true; code: string | null; changes: AnswerChange[]; purpose: "supplement" | "transfer" }
  | { ok: false; error: "not-found" | "not-waiting" };

/**
 * Resubmits: writes the new answers, keeps both versions in the history,
 * moves the status on (needs_info -> reviewing, or not_selected -> submitted
 * in the local programme) and tells the officers, in one transaction.
 */
export async function resubmitSupplement(
  deps: AppDependencies,
  input: { supplementId: number; ownerId: number },
): Promise<ResubmitResult> {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [supplement] = await tx
      .select()
      .from(applicationSupplements)
      .where(
        and(
          eq(applicationSupplements.id, input.supplementId),
          eq(applicationSupplements.status, "open"),
        ),
      )
      .for("update");
    if (!supplement) return { ok: false as const, error: "not-found" as const };
    const [application] = await tx
      .select()
      .from(applications)
      .where(
        and(eq(applications.id, supplement.applicationId), eq(applications.ownerId, input.ownerId)),
      )
      .for("update");
    if (!application) return { ok: false as const, error: "not-found" as const };
    const from = application.status;
    const to = supplement.purpose === "transfer" ? "submitted" : "reviewing";
    if (from !== (supplement.purpose === "transfer" ? "not_selected" : "needs_info")) {
      return { ok: false as const, error: "not-waiting" as const };
    }
    const before = toDraft(application, 0);
    const answers = supplement.answers as Partial<Record<Field, string | null>>;
    const changes: AnswerChange[] = FIELDS.filter(
      (field) => field in answers && (answers[field] ?? null) !== (before[field] ?? null),
    ).map((field) => ({ field, before: before[field] ?? null, after: answers[field] ?? null }));
    const values = patchValues(
      Object.fromEntries(changes.map((change) => [change.field, change.after])) as ApplicationPatch,
    );
    await tx
      .update(applications)
      .set({
        ...values,
        status: to,
        statusChangedAt: at,
        ...(to === "submitted" ? { submittedAt: at } : {}),
      })
      .where(eq(applications.id, application.id));
    await tx
      .update(applicationSupplements)
      .set({ status: "submitted", submittedAt: at })
      .where(eq(applicationSupplements.id, supplement.id));
    await tx.insert(applicationHistory).values({
      applicationId: application.id,
      kind: "supplement",
      fromStatus: from,
      toStatus: from,
      actorId: input.ownerId,
      details: { changes, purpose: supplement.purpose },
      createdAt: at,
    });
    const [entry] = await tx
      .insert(applicationHistory)
      .values({
        applicationId: application.id,
        kind: "status",
        fromStatus: from,
        toStatus: to,
        actorId: input.ownerId,
        createdAt: at,
      })
      .returning({ id: applicationHistory.id });
    await notifyOfficers(
      tx,
      deps,
      {
        kind: "officer-notice",
        key:
          supplement.purpose === "transfer"
            ? "officer-owner-transferred"
            : "officer-owner-supplemented",
        vars: {
          code: application.code ?? "",
          title: escapeHtml(application.title ?? ""),
          changes: changes.length,
        },
      },
      `application:${application.id}:history:${entry?.id}`,
    );
    // The cards already sent read the new state; a transfer is also a new arrival for the local programme.
    await refreshCards(tx, deps, application.id, `h${entry?.id}`);
    if (supplement.purpose === "transfer")
      await queueCards(tx, deps, application.id, `transfer-${entry?.id}`);
    return { ok: true as const, code: application.code, changes, purpose: supplement.purpose };
  });
}
