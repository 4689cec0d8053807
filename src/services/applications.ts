import { and, asc, count, desc, eq, ne, sql } from "drizzle-orm";
import type { Database, Executor } from "../db/client.ts";
import {
  applicationCounters,
  applicationFiles,
  applicationHistory,
  applications,
  type EligibilityAnswers,
  establishments,
  type Program,
} from "../db/schema/index.ts";
import {
  type Actor,
  type ApplicationStatus,
  checkTransition,
} from "../domain/application-status.ts";
import { establishmentDetails } from "./establishments.ts";

/**
 * An application as the form sees it: plain JSON (money as decimal strings),
 * so it can pass through `conversation.external` and be stored with the
 * conversation's state.
 */
export interface ApplicationDraft {
  id: number;
  code: string | null;
  establishmentId: number;
  planYear: number;
  program: Program | null;
  category: string | null;
  title: string | null;
  description: string | null;
  totalCost: string | null;
  requestedSupport: string | null;
  counterpartFunds: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  expectedResults: string | null;
  attachmentsDone: boolean;
  fileCount: number;
  eligibility: EligibilityAnswers | null;
  status: ApplicationStatus;
}

export type ApplicationPatch = Partial<
  Pick<
    ApplicationDraft,
    | "program"
    | "category"
    | "title"
    | "description"
    | "totalCost"
    | "requestedSupport"
    | "counterpartFunds"
    | "periodStart"
    | "periodEnd"
    | "expectedResults"
    | "attachmentsDone"
    | "eligibility"
  >
> & {
  /** an attachment to add (the attachments question) */
  addFile?: NewFile;
};

export interface NewFile {
  kind: "photo" | "document";
  telegramFileId: string;
  telegramFileUniqueId: string;
  fileName?: string | null;
  mimeType?: string | null;
  sizeBytes?: number | null;
}

type Row = typeof applications.$inferSelect;

const moneyText = (value: bigint | null): string | null =>
  value === null ? null : value.toString();
const moneyValue = (value: string | null | undefined): bigint | null | undefined =>
  value === undefined ? undefined : value === null ? null : BigInt(value);

function toDraft(row: Row, fileCount: number): ApplicationDraft {
  return {
    id: row.id,
    code: row.code,
    establishmentId: row.establishmentId,
    planYear: row.planYear,
    program: row.program,
    category: row.category,
    title: row.title,
    description: row.description,
    totalCost: moneyText(row.totalCost),
    requestedSupport: moneyText(row.requestedSupport),
    counterpartFunds: moneyText(row.counterpartFunds),
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    expectedResults: row.expectedResults,
    attachmentsDone: row.attachmentsDone,
    fileCount,
    eligibility: row.eligibility ?? null,
    status: row.status,
  };
}

async function fileCountOf(db: Executor, applicationId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, applicationId));
  return Number(row?.n ?? 0);
}

export async function createApplicationDraft(
  db: Executor,
  input: { ownerId: number; establishmentId: number; planYear: number },
): Promise<ApplicationDraft> {
  const [row] = await db.insert(applications).values(input).returning();
  if (!row) throw new Error("application not created");
  return toDraft(row, 0);
}

export async function findApplication(
  db: Executor,
  id: number,
  ownerId: number,
): Promise<ApplicationDraft | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), eq(applications.ownerId, ownerId)))
    .limit(1);
  return row ? toDraft(row, await fileCountOf(db, row.id)) : undefined;
}

/** The owner's most recent draft, to resume from the menu. */
export async function findLatestDraft(
  db: Executor,
  ownerId: number,
): Promise<ApplicationDraft | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.ownerId, ownerId), eq(applications.status, "draft")))
    .orderBy(desc(applications.updatedAt), desc(applications.id))
    .limit(1);
  return row ? toDraft(row, await fileCountOf(db, row.id)) : undefined;
}

/** Eligibility is asked once, before the owner's first application. */
export async function ownerAnsweredEligibility(
  db: Executor,
  ownerId: number,
  exceptApplicationId: number,
): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(
      and(
        eq(applications.ownerId, ownerId),
        ne(applications.id, exceptApplicationId),
        sql`${applications.eligibility} is not null`,
      ),
    );
  return Number(row?.n ?? 0) > 0;
}

export async function updateApplicationDraft(
  db: Executor,
  id: number,
  ownerId: number,
  patch: ApplicationPatch,
): Promise<void> {
  const { totalCost, requestedSupport, counterpartFunds, addFile, ...rest } = patch;
  if (addFile) {
    const [draft] = await db
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.id, id),
          eq(applications.ownerId, ownerId),
          eq(applications.status, "draft"),
        ),
      );
    if (draft) await addApplicationFile(db, id, addFile);
  }
  const values: Partial<typeof applications.$inferInsert> = { ...rest };
  if (totalCost !== undefined) values.totalCost = moneyValue(totalCost);
  if (requestedSupport !== undefined) values.requestedSupport = moneyValue(requestedSupport);
  if (counterpartFunds !== undefined) values.counterpartFunds = moneyValue(counterpartFunds);
  if (Object.keys(values).length === 0) return;
  await db
    .update(applications)
    .set(values)
    .where(
      and(
        eq(applications.id, id),
        eq(applications.ownerId, ownerId),
        eq(applications.status, "draft"),
      ),
    );
}

/** Adds an attachment; the same file sent twice is kept once. Returns the number of files. */
export async function addApplicationFile(
  db: Executor,
  applicationId: number,
  file: NewFile,
): Promise<number> {
  await db
    .insert(applicationFiles)
    .values({ applicationId, ...file })
    .onConflictDoNothing({
      target: [applicationFiles.applicationId, applicationFiles.telegramFileUniqueId],
    });
  return fileCountOf(db, applicationId);
}

export async function listApplicationFiles(db: Executor, applicationId: number) {
  return db
    .select()
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, applicationId))
    .orderBy(asc(applicationFiles.id));
}

export async function deleteApplicationDraft(
  db: Executor,
  id: number,
  ownerId: number,
): Promise<void> {
  await db
    .delete(applications)
    .where(
      and(
        eq(applications.id, id),
        eq(applications.ownerId, ownerId),
        eq(applications.status, "draft"),
      ),
    );
}

export const formatApplicationCode = (prefix: string, planYear: number, sequence: number): string =>
  `${prefix}-${planYear}-${String(sequence).padStart(4, "0")}`;

/**
 * Submits a draft: gives it the next code of its plan year and records the
 * change, all in one transaction. The counter row is locked by the update,
 * so concurrent submissions queue behind each other and a rolled-back
 * submission gives its number back: codes have no gaps.
 */
export async function submitApplication(
  db: Database,
  input: { id: number; ownerId: number; prefix: string; at: Date },
  /** runs in the same transaction: the officers' notice is queued with the submission or not at all */
  onSubmitted?: (
    tx: Executor,
    submitted: { id: number; code: string; title: string | null },
  ) => Promise<unknown>,
): Promise<{ code: string } | { error: "not-a-draft" }> {
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.id, input.id), eq(applications.ownerId, input.ownerId)))
      .for("update")
      .limit(1);
    if (draft?.status !== "draft") return { error: "not-a-draft" as const };
    const [counter] = await tx
      .insert(applicationCounters)
      .values({ prefix: input.prefix, planYear: draft.planYear, lastNumber: 1 })
      .onConflictDoUpdate({
        target: [applicationCounters.prefix, applicationCounters.planYear],
        set: { lastNumber: sql`${applicationCounters.lastNumber} + 1` },
      })
      .returning({ lastNumber: applicationCounters.lastNumber });
    if (!counter) throw new Error("counter not updated");
    const code = formatApplicationCode(input.prefix, draft.planYear, counter.lastNumber);
    const [establishment] = await tx
      .select()
      .from(establishments)
      .where(eq(establishments.id, draft.establishmentId))
      .limit(1);
    const establishmentSnapshot = establishment ? establishmentDetails(establishment) : null;
    await tx
      .update(applications)
      .set({ code, status: "submitted", submittedAt: input.at, establishmentSnapshot })
      .where(eq(applications.id, draft.id));
    await tx.insert(applicationHistory).values({
      applicationId: draft.id,
      fromStatus: "draft",
      toStatus: "submitted",
      actorId: input.ownerId,
      createdAt: input.at,
    });
    await onSubmitted?.(tx as unknown as Executor, { id: draft.id, code, title: draft.title });
    return { code };
  });
}

export interface ApplicationListItem {
  id: number;
  code: string | null;
  title: string | null;
  status: ApplicationStatus;
  submittedAt: Date | null;
  updatedAt: Date;
}

export async function listOwnersApplications(
  db: Executor,
  ownerId: number,
): Promise<ApplicationListItem[]> {
  return db
    .select({
      id: applications.id,
      code: applications.code,
      title: applications.title,
      status: applications.status,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(eq(applications.ownerId, ownerId))
    .orderBy(desc(applications.id));
}

export interface ApplicationDetails {
  application: ApplicationDraft & {
    ownerId: number;
    submittedAt: Date | null;
    decisionNote: string | null;
    approvedAmount: string | null;
  };
  establishmentName: string | null;
  files: Awaited<ReturnType<typeof listApplicationFiles>>;
  history: (typeof applicationHistory.$inferSelect)[];
}

export async function getApplicationDetails(
  db: Executor,
  where: { id: number } | { code: string },
): Promise<ApplicationDetails | undefined> {
  const [row] = await db
    .select({ application: applications, establishmentName: establishments.name })
    .from(applications)
    .innerJoin(establishments, eq(establishments.id, applications.establishmentId))
    .where(
      "id" in where
        ? eq(applications.id, where.id)
        : eq(applications.code, where.code.toUpperCase()),
    )
    .limit(1);
  if (!row) return undefined;
  const files = await listApplicationFiles(db, row.application.id);
  const history = await db
    .select()
    .from(applicationHistory)
    .where(eq(applicationHistory.applicationId, row.application.id))
    .orderBy(asc(applicationHistory.createdAt), asc(applicationHistory.id));
  return {
    application: {
      ...toDraft(row.application, files.length),
      ownerId: row.application.ownerId,
      submittedAt: row.application.submittedAt,
      decisionNote: row.application.decisionNote,
      approvedAmount: moneyText(row.application.approvedAmount),
    },
    establishmentName: row.application.establishmentSnapshot?.name ?? row.establishmentName,
    files,
    history,
  };
}

/**
 * Changes an application's status, if the status machine allows it, and
 * records it in the history: one transaction, so the two never disagree.
 */
export async function changeApplicationStatus(
  db: Database,
  input: {
    id: number;
    to: ApplicationStatus;
    actor: Actor;
    actorId: number;
    note?: string;
    at: Date;
    ownerId?: number;
  },
): Promise<{ ok: true; from: ApplicationStatus } | { ok: false; error: string }> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(applications)
      .where(eq(applications.id, input.id))
      .for("update")
      .limit(1);
    if (!current || (input.ownerId !== undefined && current.ownerId !== input.ownerId)) {
      return { ok: false as const, error: "not-found" };
    }
    const check = checkTransition(current.status, input.to, input.actor, current.program);
    if (!check.ok) return { ok: false as const, error: check.error };
    const decided = input.to === "approved" || input.to === "rejected";
    await tx
      .update(applications)
      .set({ status: input.to, ...(decided ? { decidedAt: input.at } : {}) })
      .where(eq(applications.id, current.id));
    await tx.insert(applicationHistory).values({
      applicationId: current.id,
      fromStatus: current.status,
      toStatus: input.to,
      actorId: input.actorId,
      note: input.note ?? null,
      createdAt: input.at,
    });
    return { ok: true as const, from: current.status };
  });
}
