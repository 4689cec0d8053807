/**
 * Application drafts: an application in status draft is the form's draft,
 * and each answer is written to it as it is given.
 */
import { and, asc, count, desc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import {
  applicationFiles,
  applications,
  type EligibilityAnswers,
  type Program,
} from "../../db/schema/index.ts";
import type { ApplicationStatus } from "../../domain/application-status.ts";

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

export const moneyText = (value: bigint | null): string | null =>
  value === null ? null : value.toString();
const moneyValue = (value: string | null | undefined): bigint | null | undefined =>
  value === undefined ? undefined : value === null ? null : BigInt(value);

export function toDraft(row: Row, fileCount: number): ApplicationDraft {
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

export async function fileCountOf(db: Executor, applicationId: number): Promise<number> {
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
  const values = patchValues({ totalCost, requestedSupport, counterpartFunds, ...rest });
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

/** An answer patch as column values (money as bigint); an attachment is not a column. */
export function patchValues(
  patch: Omit<ApplicationPatch, "addFile">,
): Partial<typeof applications.$inferInsert> {
  const { totalCost, requestedSupport, counterpartFunds, ...rest } = patch;
  const values: Partial<typeof applications.$inferInsert> = { ...rest };
  if (totalCost !== undefined) values.totalCost = moneyValue(totalCost);
  if (requestedSupport !== undefined) values.requestedSupport = moneyValue(requestedSupport);
  if (counterpartFunds !== undefined) values.counterpartFunds = moneyValue(counterpartFunds);
  return values;
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
