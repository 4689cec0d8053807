/**
 * Reading applications: an owner's list; one application with its files,
 * history (with who acted) and open bổ sung; the officers' inbox (filtered,
 * paged, oldest first); and search by code, tax code or name.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import {
  applicationHistory,
  applicationSupplements,
  applications,
  establishments,
  type Program,
  users,
} from "../../db/schema/index.ts";
import { type ApplicationStatus, WAITING_FOR_OFFICER } from "../../domain/application-status.ts";
import { type EstablishmentDetails, establishmentDetails } from "../establishments.ts";
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

export type HistoryEntry = typeof applicationHistory.$inferSelect & { actorName: string | null };

export interface OpenSupplement {
  id: number;
  purpose: "supplement" | "transfer";
  note: string | null;
  questionIds: string[];
}

export interface ApplicationDetails {
  application: ApplicationDraft & {
    ownerId: number;
    submittedAt: Date | null;
    decidedAt: Date | null;
    statusChangedAt: Date | null;
    decisionNote: string | null;
    approvedAmount: string | null;
    acceptedAmount: string | null;
    disbursedAmount: string | null;
  };
  establishmentName: string | null;
  /** the establishment as submitted (its snapshot), or as it is now for a draft */
  establishment: EstablishmentDetails | null;
  files: Awaited<ReturnType<typeof listApplicationFiles>>;
  history: HistoryEntry[];
  openSupplement: OpenSupplement | null;
}

/** How a person is named to officers: their Telegram name and @username. */
const actorName = sql<
  string | null
>`nullif(trim(coalesce(${users.firstName}, '') || coalesce(' @' || ${users.username}, '')), '')`;

export async function getApplicationDetails(
  db: Executor,
  where: { id: number } | { code: string },
): Promise<ApplicationDetails | undefined> {
  const [row] = await db
    .select({ application: applications, establishment: establishments })
    .from(applications)
    .innerJoin(establishments, eq(establishments.id, applications.establishmentId))
    .where(
      "id" in where
        ? eq(applications.id, where.id)
        : eq(applications.code, where.code.toUpperCase()),
    )
    .limit(1);
  if (!row) return undefined;
  const a = row.application;
  const files = await listApplicationFiles(db, a.id);
  const history = await db
    .select({ entry: applicationHistory, actorName })
    .from(applicationHistory)
    .leftJoin(users, eq(users.id, applicationHistory.actorId))
    .where(eq(applicationHistory.applicationId, a.id))
    .orderBy(asc(applicationHistory.createdAt), asc(applicationHistory.id));
  const [supplement] = await db
    .select()
    .from(applicationSupplements)
    .where(
      and(
        eq(applicationSupplements.applicationId, a.id),
        eq(applicationSupplements.status, "open"),
      ),
    )
    .orderBy(desc(applicationSupplements.id))
    .limit(1);
  const establishment = a.establishmentSnapshot ?? establishmentDetails(row.establishment);
  return {
    application: {
      ...toDraft(a, files.length),
      ownerId: a.ownerId,
      submittedAt: a.submittedAt,
      decidedAt: a.decidedAt,
      statusChangedAt: a.statusChangedAt,
      decisionNote: a.decisionNote,
      approvedAmount: moneyText(a.approvedAmount),
      acceptedAmount: moneyText(a.acceptedAmount),
      disbursedAmount: moneyText(a.disbursedAmount),
    },
    establishmentName: establishment.name,
    establishment,
    files,
    history: history.map(({ entry, actorName }) => ({ ...entry, actorName })),
    openSupplement: supplement
      ? {
          id: supplement.id,
          purpose: supplement.purpose,
          note: supplement.note,
          questionIds: supplement.questionIds,
        }
      : null,
  };
}

export interface InboxFilter {
  status?: ApplicationStatus;
  program?: Program;
  category?: string;
  communeCode?: string;
}

export interface InboxItem {
  id: number;
  code: string | null;
  title: string | null;
  status: ApplicationStatus;
  program: Program | null;
  category: string | null;
  establishmentName: string | null;
  communeCode: string | null;
  requestedSupport: string | null;
  /** since when it has waited in its status */
  waitingSince: Date | null;
}

const snapshotField = (field: string) =>
  sql<string | null>`${applications.establishmentSnapshot}->>${field}`;

const waitingSince = sql<Date | null>`coalesce(${applications.statusChangedAt}, ${applications.submittedAt})`;

function inboxConditions(filter: InboxFilter): SQL {
  const conditions: SQL[] = [
    filter.status
      ? eq(applications.status, filter.status)
      : inArray(applications.status, [...WAITING_FOR_OFFICER]),
  ];
  if (filter.program) conditions.push(eq(applications.program, filter.program));
  if (filter.category) conditions.push(eq(applications.category, filter.category));
  if (filter.communeCode)
    conditions.push(sql`${snapshotField("communeCode")} = ${filter.communeCode}`);
  return and(...conditions) as SQL;
}

const inboxColumns = {
  id: applications.id,
  code: applications.code,
  title: applications.title,
  status: applications.status,
  program: applications.program,
  category: applications.category,
  establishmentName: snapshotField("name"),
  communeCode: snapshotField("communeCode"),
  requestedSupport: sql<string | null>`${applications.requestedSupport}::text`,
  waitingSince,
};

/** Applications waiting for an officer (or in one status), oldest first, a page at a time. */
export async function listInbox(
  db: Executor,
  filter: InboxFilter,
  page: { offset: number; limit: number },
): Promise<{ items: InboxItem[]; total: number }> {
  const where = inboxConditions(filter);
  const [counted] = await db.select({ n: count() }).from(applications).where(where);
  const rows = await db
    .select(inboxColumns)
    .from(applications)
    .where(where)
    .orderBy(asc(waitingSince), asc(applications.id))
    .offset(page.offset)
    .limit(page.limit);
  return { items: rows.map(normaliseItem), total: Number(counted?.n ?? 0) };
}

const normaliseItem = (row: InboxItem): InboxItem => ({
  ...row,
  // postgres.js and PGlite return a timestamp computed in SQL differently (Date or string)
  waitingSince: row.waitingSince === null ? null : new Date(row.waitingSince),
});

/** Submitted applications by code (LS-2027-0012), tax code, or part of the establishment's name. */
export async function searchApplications(
  db: Executor,
  query: string,
  limit = 20,
): Promise<InboxItem[]> {
  const typed = query.trim();
  const code = typed.toUpperCase();
  const digits = typed.replace(/[\s.]/g, "");
  let where: SQL;
  if (/^[A-Z]{1,5}-\d{4}-\d{4,6}$/.test(code)) where = eq(applications.code, code);
  else if (/^\d{10}(-\d{3})?$|^\d{12,13}$/.test(digits))
    where = sql`${snapshotField("taxCode")} = ${digits}`;
  else
    where = or(
      ilike(snapshotField("name"), `%${escapeLike(typed)}%`),
      ilike(applications.title, `%${escapeLike(typed)}%`),
    ) as SQL;
  const rows = await db
    .select(inboxColumns)
    .from(applications)
    .where(and(where, sql`${applications.code} is not null`))
    .orderBy(desc(applications.submittedAt), desc(applications.id))
    .limit(limit);
  return rows.map(normaliseItem);
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
