/**
 * Realistic sample applications, for `npm run chat -- --officer` (an inbox
 * to look at), the officers' benchmark (100,000 of them) and tests. Made in
 * batches of plain inserts, deterministic for a given seed: owners with
 * consent, completed establishments spread over the province's communes,
 * applications over categories, streams, statuses and plan years, each with
 * the history that led to its status.
 */
import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../db/client.ts";
import {
  applicationCounters,
  applicationHistory,
  applications,
  establishments,
  users,
} from "../db/schema/index.ts";
import type { AppDependencies } from "../dependencies.ts";
import type { ApplicationStatus } from "../domain/application-status.ts";
import { SUPPORT_CATEGORY_IDS } from "../domain/support-categories.ts";
import { taxCodeCheckDigit } from "../domain/tax-code.ts";
import { formatApplicationCode } from "../services/applications/submission.ts";

/** A small, fast, seedable generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)] as T;

const KINDS = [
  ["Hợp tác xã", "cooperative"],
  ["Hộ kinh doanh", "household-business"],
  ["Công ty TNHH", "enterprise"],
  ["Tổ hợp tác", "cooperative-group"],
] as const;
const TRADES = [
  ["Chè", "Chế biến chè", "Chè xanh, chè Ô Long"],
  ["Hồi", "Chưng cất tinh dầu hồi", "Tinh dầu hồi"],
  ["Mộc", "Mộc dân dụng", "Bàn ghế, tủ gỗ"],
  ["Cơ khí", "Cơ khí nhỏ", "Bản lề cửa, khung sắt"],
  ["Bún ngô", "Chế biến nông sản", "Bún ngô, mỳ ngô"],
  ["Thổ cẩm", "Dệt thổ cẩm", "Khăn, túi thổ cẩm"],
  ["Macca", "Chế biến hạt", "Hạt macca sấy"],
] as const;
const FAMILY = ["Nguyễn", "Hoàng", "Lộc", "Nông", "Lương", "Vi", "Triệu", "Hà", "Lăng", "Mông"];
const GIVEN = [
  "Văn Minh",
  "Thị Lan",
  "Văn Hùng",
  "Thị Hoa",
  "Văn Tú",
  "Thị Mai",
  "Đức Anh",
  "Thị Hằng",
];
const MACHINES = [
  "máy sấy",
  "máy vò",
  "dây chuyền đóng gói",
  "nồi chưng cất",
  "máy cưa CNC",
  "máy dệt",
];

/** Where the statuses fall, roughly as a province's year looks. */
const STATUS_WEIGHTS: [ApplicationStatus, number][] = [
  ["submitted", 14],
  ["received", 10],
  ["reviewing", 12],
  ["needs_info", 6],
  ["forwarded", 4],
  ["approved", 14],
  ["rejected", 6],
  ["not_selected", 2],
  ["implementing", 10],
  ["accepted", 8],
  ["disbursed", 10],
  ["withdrawn", 4],
];
/** The statuses passed through on the way to each (for the history). */
const ROAD: Record<string, ApplicationStatus[]> = {
  submitted: [],
  received: ["received"],
  reviewing: ["received", "reviewing"],
  needs_info: ["received", "reviewing", "needs_info"],
  forwarded: ["received", "reviewing", "forwarded"],
  approved: ["received", "reviewing", "approved"],
  rejected: ["received", "reviewing", "rejected"],
  not_selected: ["received", "reviewing", "forwarded", "not_selected"],
  implementing: ["received", "reviewing", "approved", "implementing"],
  accepted: ["received", "reviewing", "approved", "implementing", "accepted"],
  disbursed: ["received", "reviewing", "approved", "implementing", "accepted", "disbursed"],
  withdrawn: ["withdrawn"],
};

function weightedStatus(next: () => number): ApplicationStatus {
  const total = STATUS_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [status, weight] of STATUS_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return "submitted";
}

function taxCode(n: number): string {
  for (let i = n; ; i++) {
    const nine = String(200_000_000 + (i % 700_000_000)).padStart(9, "0");
    const check = taxCodeCheckDigit(nine);
    if (check !== undefined) return `${nine}${check}`;
  }
}

const DAY = 86_400_000;

export interface SampleOptions {
  count: number;
  seed?: number;
  /** the first owner's Telegram id (owners get consecutive ids) */
  firstOwnerId?: number;
  /** plan years to spread over (default: the coming three) */
  planYears?: number[];
  /** rows per insert */
  batchSize?: number;
  onProgress?: (done: number) => void;
}

/** Inserts `count` applications (one owner and establishment each); returns how many. */
export async function seedSampleApplications(
  deps: AppDependencies,
  options: SampleOptions,
): Promise<number> {
  const next = random(options.seed ?? 42);
  const { db, province } = deps;
  const now = deps.clock.now();
  const thisYear = now.getUTCFullYear();
  const years = options.planYears ?? [thisYear, thisYear + 1, thisYear + 2];
  const firstOwner = options.firstOwnerId ?? 800_000_000;
  const batchSize = options.batchSize ?? 1000;
  // Codes go on from what the database already holds.
  const counters = new Map<number, number>(
    (await db.select().from(applicationCounters))
      .filter((counter) => counter.prefix === province.codePrefix)
      .map((counter) => [counter.planYear, counter.lastNumber]),
  );
  for (let start = 0; start < options.count; start += batchSize) {
    const size = Math.min(batchSize, options.count - start);
    const people = [];
    const places = [];
    for (let i = 0; i < size; i++) {
      const n = start + i;
      const [kindName, legalForm] = pick(next, KINDS);
      const [trade, sector, products] = pick(next, TRADES);
      const family = pick(next, FAMILY);
      const person = `${family} ${pick(next, GIVEN)}`;
      const commune = pick(next, province.communes);
      people.push({
        id: firstOwner + n,
        chatId: firstOwner + n,
        firstName: person.split(" ").at(-1) ?? person,
        consentAt: new Date(now.getTime() - 400 * DAY),
      });
      places.push({
        ownerId: firstOwner + n,
        name: `${kindName} ${trade} ${commune.name} ${n + 1}`,
        legalForm,
        taxCode: taxCode(n * 13 + (options.seed ?? 42)),
        taxCodeIssuedOn: "",
        taxCodeIssuedBy: "",
        communeCode: commune.code,
        address: `Thôn ${pick(next, ["Nà Pàn", "Khòn Lèng", "Bản Chu", "Pò Mã", "Nà Làng"])}`,
        representativeName: person,
        representativePosition: legalForm === "cooperative" ? "Chủ nhiệm" : "Chủ cơ sở",
        phone: `+849${String(10_000_000 + ((n * 7919) % 89_999_999)).padStart(8, "0")}`,
        email: "",
        sector,
        mainProducts: products,
        workers: 3 + Math.floor(next() * 120),
        completedAt: new Date(now.getTime() - 300 * DAY),
      });
    }
    await insertAsJson(db, users, people, { onConflictDoNothing: true });
    const placed = await insertAsJson(db, establishments, places, {
      returning: ["id", "owner_id"],
    });
    const establishmentOf = new Map(placed.map((row) => [Number(row.owner_id), Number(row.id)]));
    const rows = places.map(({ ownerId, completedAt: _completedAt, ...snapshot }, i) => {
      const status = weightedStatus(next);
      const planYear = pick(next, years);
      const number = (counters.get(planYear) ?? 0) + 1;
      counters.set(planYear, number);
      const category = next() < 0.55 ? "machinery" : pick(next, SUPPORT_CATEGORY_IDS);
      const total = BigInt(Math.round(100 + next() * 1900)) * 1_000_000n;
      const requested =
        ((total * BigInt(30 + Math.floor(next() * 20))) / 100n / 1_000_000n) * 1_000_000n;
      const submittedAt = new Date(
        now.getTime() - Math.floor(next() * 200) * DAY - Math.floor(next() * DAY),
      );
      const road = ROAD[status] ?? [];
      const changedAt = new Date(submittedAt.getTime() + road.length * 3 * DAY);
      const approved = ["approved", "implementing", "accepted", "disbursed"].includes(status)
        ? (requested * 9n) / 10n
        : null;
      const machine = pick(next, MACHINES);
      return {
        code: formatApplicationCode(province.codePrefix, planYear, number),
        ownerId,
        establishmentId: establishmentOf.get(ownerId) ?? 0,
        planYear,
        program: (status === "forwarded" || status === "not_selected" || next() < 0.2
          ? "national"
          : "local") as "local" | "national",
        category,
        title: `Hỗ trợ ứng dụng ${machine} ${i % 2 === 0 ? "bán tự động" : "công suất lớn"}`,
        description: `Đầu tư ${machine} thay thế công đoạn thủ công, nâng năng suất và chất lượng sản phẩm.`,
        totalCost: total,
        requestedSupport: requested,
        counterpartFunds: total - requested,
        periodStart: `${planYear}-03`,
        periodEnd: `${planYear}-10`,
        expectedResults: "Giữ ổn định việc làm, tăng sản lượng khoảng 30%.",
        attachmentsDone: true,
        eligibility: { industrial: true, location: true, "legal-form": true, size: true },
        establishmentSnapshot: snapshot,
        status,
        approvedAmount: approved,
        acceptedAmount: ["accepted", "disbursed"].includes(status) ? approved : null,
        disbursedAmount: status === "disbursed" ? approved : null,
        submittedAt,
        statusChangedAt: changedAt,
        decidedAt: [
          "approved",
          "rejected",
          "not_selected",
          "implementing",
          "accepted",
          "disbursed",
        ].includes(status)
          ? changedAt
          : null,
        road,
      };
    });
    const inserted = await insertAsJson(
      db,
      applications,
      rows.map(({ road: _road, ...row }) => row),
      { returning: ["id", "code"] },
    );
    const idOf = new Map(inserted.map((row) => [String(row.code), Number(row.id)]));
    const history = rows.flatMap((application) => {
      const applicationId = idOf.get(application.code) ?? 0;
      const at = application.submittedAt;
      const entries = [
        {
          applicationId,
          fromStatus: "draft" as ApplicationStatus,
          toStatus: "submitted" as ApplicationStatus,
          actorId: application.ownerId,
          createdAt: at,
        },
      ];
      let from: ApplicationStatus = "submitted";
      application.road.forEach((to, step) => {
        entries.push({
          applicationId,
          fromStatus: from,
          toStatus: to,
          actorId: application.ownerId,
          createdAt: new Date(at.getTime() + (step + 1) * 3 * DAY),
        });
        from = to;
      });
      return entries;
    });
    await insertAsJson(db, applicationHistory, history);
    options.onProgress?.(start + size);
  }
  for (const [planYear, lastNumber] of counters) {
    await db
      .insert(applicationCounters)
      .values({ prefix: province.codePrefix, planYear, lastNumber })
      .onConflictDoUpdate({
        target: [applicationCounters.prefix, applicationCounters.planYear],
        set: { lastNumber: sql`greatest(${applicationCounters.lastNumber}, ${lastNumber})` },
      });
  }
  return options.count;
}

const jsonValue = (value: unknown): unknown =>
  typeof value === "bigint"
    ? value.toString()
    : value instanceof Date
      ? value.toISOString()
      : value;

/**
 * Inserts many rows in one statement whose only parameter is the rows as
 * JSON (json_to_recordset): building a statement with a parameter per value
 * costs the query builder more than the database spends inserting. Rows
 * use the table's property names; returns the `returning` columns by their
 * database names, values as the driver gives them (numbers or strings).
 */
async function insertAsJson(
  db: Database,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  options: { returning?: string[]; onConflictDoNothing?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
  const names = columns.map(([, column]) => `"${column.name}"`).join(", ");
  const types = columns.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(", ");
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(columns.map(([key, column]) => [column.name, jsonValue(row[key])])),
    ),
  );
  const result = await db.execute(
    sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(names)} from json_to_recordset(${json}::json) as x(${sql.raw(types)}) ${sql.raw(options.onConflictDoNothing ? "on conflict do nothing" : "")} ${sql.raw(options.returning ? `returning ${options.returning.map((name) => `"${name}"`).join(", ")}` : "")}`,
  );
  // postgres.js gives the rows as an array, PGlite as { rows }
  const returned = Array.isArray(result) ? result : (result as { rows?: unknown[] }).rows;
  return (returned ?? []) as Record<string, unknown>[];
}
