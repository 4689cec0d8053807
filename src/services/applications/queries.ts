/** Reading applications: an owner's list, and one application with its files and history. */
import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { applicationHistory, applications, establishments } from "../../db/schema/index.ts";
import type { ApplicationStatus } from "../../domain/application-status.ts";
import { type ApplicationDraft, listApplicationFiles, moneyText, toDraft } from "./drafts.ts";

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
