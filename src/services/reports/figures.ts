/**
 * The figures of the officers' digests and of /stats, read in a few
 * aggregate queries (indexes in drizzle/0007): what came in during a
 * period, what waits in each status, the oldest waiting, the amounts
 * requested by what waits (by stream and by category), owners who have
 * not answered a bổ sung for too long, applications waiting too long for a
 * decision; and for the weekly summary, the decisions of the week.
 */
import { and, asc, count, gte, isNotNull, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { applications, type Program, statusIn } from "../../db/schema/index.ts";
import {
  type ApplicationStatus,
  OPEN_STATUSES,
  WAITING_FOR_OFFICER,
} from "../../domain/application-status.ts";
import { waitedLongerThan } from "../../domain/report-periods.ts";

export { OPEN_STATUSES };

/** How many overdue codes a digest names. */
const NAMED_OVERDUE = 5;

export interface FiguresScope {
  /** only this plan year (/stats); all plan years when absent (the daily digest) */
  planYear?: number;
  /** "new" means submitted in [since, until) */
  since: Date;
  until: Date;
  /** the instant the figures are for (waiting times are counted to it) */
  now: Date;
  decisionWaitDays: number;
  supplementWaitDays: number;
}

export interface AmountGroup<Key> {
  key: Key;
  count: number;
  requested: bigint;
}

export interface Overdue {
  count: number;
  /** the oldest few, oldest first */
  codes: string[];
}

export interface ReportFigures {
  newCount: number;
  /** every open status, in OPEN_STATUSES order, zeros included */
  waiting: { status: ApplicationStatus; count: number }[];
  waitingTotal: number;
  oldestWaiting: { code: string; status: ApplicationStatus; since: Date } | null;
  requestedByStream: AmountGroup<Program | null>[];
  requestedByCategory: AmountGroup<string | null>[];
  supplementOverdue: Overdue;
  decisionOverdue: Overdue;
}

const yearCondition = (planYear: number | undefined): SQL[] =>
  planYear === undefined ? [] : [sql`${applications.planYear} = ${planYear}`];

/** postgres.js and PGlite hand back computed timestamps differently (Date or string). */
const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

async function overdue(
  db: Executor,
  statuses: readonly ApplicationStatus[],
  before: Date,
  planYear: number | undefined,
): Promise<Overdue> {
  const where = and(
    statusIn(statuses),
    lt(applications.statusChangedAt, before),
    ...yearCondition(planYear),
  );
  // Two reads of one partial index: the count, and the oldest few by name.
  const [[counted], oldest] = await Promise.all([
    db.select({ n: count() }).from(applications).where(where),
    db
      .select({ code: applications.code })
      .from(applications)
      .where(where)
      .orderBy(asc(applications.statusChangedAt), asc(applications.id))
      .limit(NAMED_OVERDUE),
  ]);
  return {
    count: Number(counted?.n ?? 0),
    codes: oldest.map((row) => row.code ?? "").filter((code) => code !== ""),
  };
}

function addTo<Key>(
  groups: Map<Key, AmountGroup<Key>>,
  key: Key,
  n: number,
  requested: bigint,
): void {
  const entry = groups.get(key) ?? { key, count: 0, requested: 0n };
  entry.count += n;
  entry.requested += requested;
  groups.set(key, entry);
}

export async function reportFigures(db: Executor, scope: FiguresScope): Promise<ReportFigures> {
  const year = yearCondition(scope.planYear);
  const open = and(statusIn(OPEN_STATUSES), ...year);
  // Independent reads, side by side on PostgreSQL's pool (one after another on PGlite).
  const [[news], groups, [oldest], supplementOverdue, decisionOverdue] = await Promise.all([
    db
      .select({ n: count() })
      .from(applications)
      .where(
        and(
          gte(applications.submittedAt, scope.since),
          lt(applications.submittedAt, scope.until),
          isNotNull(applications.code),
          ...year,
        ),
      ),
    db
      .select({
        status: applications.status,
        program: applications.program,
        category: applications.category,
        n: count(),
        requested: sql<string>`coalesce(sum(${applications.requestedSupport}), 0)::text`,
      })
      .from(applications)
      .where(open)
      .groupBy(applications.status, applications.program, applications.category),
    db
      .select({
        code: applications.code,
        status: applications.status,
        since: applications.statusChangedAt,
      })
      .from(applications)
      .where(and(statusIn(WAITING_FOR_OFFICER), ...year))
      .orderBy(asc(applications.statusChangedAt), asc(applications.id))
      .limit(1),
    overdue(
      db,
      ["needs_info"],
      waitedLongerThan(scope.now, scope.supplementWaitDays),
      scope.planYear,
    ),
    overdue(
      db,
      WAITING_FOR_OFFICER,
      waitedLongerThan(scope.now, scope.decisionWaitDays),
      scope.planYear,
    ),
  ]);

  const byStatus = new Map<ApplicationStatus, number>();
  const byStream = new Map<Program | null, AmountGroup<Program | null>>();
  const byCategory = new Map<string | null, AmountGroup<string | null>>();
  for (const group of groups) {
    const n = Number(group.n);
    const requested = BigInt(group.requested);
    byStatus.set(group.status, (byStatus.get(group.status) ?? 0) + n);
    addTo(byStream, group.program, n, requested);
    addTo(byCategory, group.category, n, requested);
  }
  const byAmount = <Key>(a: AmountGroup<Key>, b: AmountGroup<Key>) =>
    a.requested === b.requested ? b.count - a.count : a.requested > b.requested ? -1 : 1;
  const waiting = OPEN_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
  return {
    newCount: Number(news?.n ?? 0),
    waiting,
    waitingTotal: waiting.reduce((sum, entry) => sum + entry.count, 0),
    oldestWaiting:
      oldest?.code && oldest.since
        ? { code: oldest.code, status: oldest.status, since: toDate(oldest.since) }
        : null,
    requestedByStream: [...byStream.values()].sort(byAmount),
    requestedByCategory: [...byCategory.values()].sort(byAmount),
    supplementOverdue,
    decisionOverdue,
  };
}

/** Nothing came in and nothing waits: no digest is sent. */
export const nothingToReport = (figures: ReportFigures): boolean =>
  figures.newCount === 0 && figures.waitingTotal === 0;

export interface CategoryDecisions {
  category: string | null;
  requested: bigint;
  approved: bigint;
}

export interface WeekFigures {
  /** decisions made in the period, by outcome */
  approved: number;
  rejected: number;
  notSelected: number;
  approvedAmount: bigint;
  /** requested vs approved by category, over the period's decisions (the chart) */
  byCategory: CategoryDecisions[];
}

/** The decisions of [since, until): made then, whatever the application's status now. */
export async function weekFigures(
  db: Executor,
  period: { since: Date; until: Date },
): Promise<WeekFigures> {
  const rows = await db
    .select({
      category: applications.category,
      rejected: sql<number>`count(*) filter (where ${applications.status} = 'rejected')`.mapWith(
        Number,
      ),
      notSelected:
        sql<number>`count(*) filter (where ${applications.status} = 'not_selected')`.mapWith(
          Number,
        ),
      approved: sql<number>`count(${applications.approvedAmount})`.mapWith(Number),
      requested: sql<string>`coalesce(sum(${applications.requestedSupport}), 0)::text`,
      approvedAmount: sql<string>`coalesce(sum(${applications.approvedAmount}), 0)::text`,
    })
    .from(applications)
    .where(and(gte(applications.decidedAt, period.since), lt(applications.decidedAt, period.until)))
    .groupBy(applications.category);
  const byCategory = rows
    .map((row) => ({
      category: row.category,
      requested: BigInt(row.requested),
      approved: BigInt(row.approvedAmount),
    }))
    .sort((a, b) => (a.requested === b.requested ? 0 : a.requested > b.requested ? -1 : 1));
  return {
    approved: rows.reduce((sum, row) => sum + row.approved, 0),
    rejected: rows.reduce((sum, row) => sum + row.rejected, 0),
    notSelected: rows.reduce((sum, row) => sum + row.notSelected, 0),
    approvedAmount: byCategory.reduce((sum, row) => sum + row.approved, 0n),
    byCategory,
  };
}

/** The plan years that have submitted applications, newest first (the /export and /stats buttons). */
export async function planYearsWithApplications(db: Executor): Promise<number[]> {
  const rows = await db
    .selectDistinct({ planYear: applications.planYear })
    .from(applications)
    .where(isNotNull(applications.code))
    .orderBy(sql`${applications.planYear} desc`);
  return rows.map((row) => row.planYear);
}
