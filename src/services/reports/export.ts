/**
 * The officers' list of applications, in the shape of the provincial plan
 * list (danh mục đề án khuyến công gửi UBND tỉnh): one row per submitted
 * application with every field officers need, as .xlsx (a totals row, and
 * a second and third sheet of totals by category and by commune) or as CSV.
 *
 * Memory stays flat: rows are read from the database a page at a time by
 * keyset (code > the last code read, on an index), each page handed to the
 * streaming writers one row at a time; only the group totals (a few dozen
 * rows) are kept. Every header and label comes from the locales, in the
 * language the caller chose (Vietnamese for the province's paperwork).
 */
import { and, asc, gt, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { applications } from "../../db/schema/index.ts";
import type { ApplicationStatus, Program } from "../../domain/application-status.ts";
import {
  communeLabel,
  formerDistrictLabel,
  formerDistrictOf,
} from "../../domain/commune-labels.ts";
import { communeByCode } from "../../domain/communes.ts";
import type { Province } from "../../domain/province.ts";
import type { ExportColumn, ExportRow } from "../export/columns.ts";
import { writeCsv } from "../export/csv.ts";
import { GroupTotals, tap } from "../export/group-totals.ts";
import { writeWorkbook } from "../export/xlsx.ts";
import type { Translate } from "./digest-text.ts";

export type ExportFormat = "xlsx" | "csv";

export interface ExportFilter {
  planYear?: number;
  program?: Program;
  status?: ApplicationStatus;
}

/** Rows read per query. */
const PAGE = 2000;

const COLUMN_KINDS = {
  number: "integer",
  code: "text",
  establishment: "text",
  legalForm: "text",
  taxCode: "text",
  commune: "text",
  formerDistrict: "text",
  address: "text",
  representative: "text",
  phone: "text",
  category: "text",
  program: "text",
  title: "text",
  totalCost: "money",
  requested: "money",
  counterpart: "money",
  approved: "money",
  accepted: "money",
  disbursed: "money",
  status: "text",
  submittedOn: "date",
  decidedOn: "date",
} as const;

export type ExportKey = keyof typeof COLUMN_KINDS;
type MoneyKey = "requested" | "approved" | "accepted" | "disbursed";
const SUMMED: MoneyKey[] = ["requested", "approved", "accepted", "disbursed"];

const WIDTHS: Partial<Record<ExportKey, number>> = {
  number: 6,
  code: 15,
  establishment: 32,
  legalForm: 14,
  taxCode: 14,
  commune: 20,
  formerDistrict: 20,
  address: 24,
  representative: 22,
  phone: 14,
  category: 22,
  program: 22,
  title: 40,
  status: 20,
};

/** The main sheet's columns, headers in the caller's language. */
export function exportColumns(t: Translate): ExportColumn<ExportKey>[] {
  return (Object.keys(COLUMN_KINDS) as ExportKey[]).map((key) => ({
    key,
    header: t(`export-column-${key}`),
    kind: COLUMN_KINDS[key],
    ...(WIDTHS[key] === undefined ? {} : { width: WIDTHS[key] }),
    ...(key === "number" ? { total: false } : {}),
  }));
}

const snapshot = (field: string) =>
  sql<string | null>`${applications.establishmentSnapshot}->>${field}`;

const selection = {
  code: applications.code,
  establishment: snapshot("name"),
  legalForm: snapshot("legalForm"),
  taxCode: snapshot("taxCode"),
  communeCode: snapshot("communeCode"),
  address: snapshot("address"),
  representative: snapshot("representativeName"),
  phone: snapshot("phone"),
  category: applications.category,
  program: applications.program,
  title: applications.title,
  totalCost: sql<string | null>`${applications.totalCost}::text`,
  requested: sql<string | null>`${applications.requestedSupport}::text`,
  counterpart: sql<string | null>`${applications.counterpartFunds}::text`,
  approved: sql<string | null>`${applications.approvedAmount}::text`,
  accepted: sql<string | null>`${applications.acceptedAmount}::text`,
  disbursed: sql<string | null>`${applications.disbursedAmount}::text`,
  status: applications.status,
  submittedAt: applications.submittedAt,
  decidedAt: applications.decidedAt,
};

type DatabaseRow = {
  [K in keyof typeof selection]: (typeof selection)[K]["_"] extends { data: infer D }
    ? D | null
    : never;
};

function conditions(filter: ExportFilter): SQL[] {
  const where: SQL[] = [isNotNull(applications.code)];
  if (filter.planYear !== undefined) where.push(sql`${applications.planYear} = ${filter.planYear}`);
  if (filter.program) where.push(sql`${applications.program} = ${filter.program}`);
  if (filter.status) where.push(sql`${applications.status} = ${filter.status}`);
  else where.push(sql`${applications.status} <> 'draft'`);
  return where;
}

/**
 * Submitted applications in code order, a page at a time (keyset: never an
 * OFFSET). The next page is asked for before this one is handed on, so the
 * database works while the caller formats and compresses: two pages at most
 * are held.
 */
export async function* applicationPages(
  db: Executor,
  filter: ExportFilter,
  pageSize = PAGE,
): AsyncGenerator<DatabaseRow[]> {
  // async: a query builder runs only once awaited, and the read ahead must start now
  const read = async (after: string | undefined): Promise<DatabaseRow[]> =>
    (await db
      .select(selection)
      .from(applications)
      .where(
        and(...conditions(filter), ...(after === undefined ? [] : [gt(applications.code, after)])),
      )
      .orderBy(asc(applications.code))
      .limit(pageSize)) as DatabaseRow[];
  let next: Promise<DatabaseRow[]> | undefined = read(undefined);
  while (next !== undefined) {
    const page: DatabaseRow[] = await next;
    const last = page.at(-1)?.code;
    next = page.length === pageSize && last ? read(last) : undefined;
    // a failed read ahead surfaces when awaited, not as an unhandled rejection meanwhile
    next?.catch(() => undefined);
    if (page.length > 0) yield page;
  }
}

/** Names of communes and their former districts, worked out once per commune. */
class PlaceNames {
  private readonly known = new Map<string, { commune: string; formerDistrict: string }>();
  constructor(private readonly province: Province) {}

  of(code: string | null): { commune: string; formerDistrict: string } {
    if (!code) return { commune: "", formerDistrict: "" };
    let names = this.known.get(code);
    if (names === undefined) {
      const commune = communeByCode(this.province, code);
      const districts = new Set<string>();
      for (const unit of commune?.formerUnits ?? []) {
        const district = formerDistrictOf(this.province, unit);
        districts.add(district ? formerDistrictLabel(district) : unit.district);
      }
      names = {
        commune: commune ? communeLabel(commune) : code,
        formerDistrict: [...districts].join("; "),
      };
      this.known.set(code, names);
    }
    return names;
  }
}

/** The database rows as the sheet's rows, numbered from 1. */
async function* exportRows(
  pages: AsyncIterable<DatabaseRow[]>,
  t: Translate,
  province: Province,
): AsyncGenerator<ExportRow<ExportKey>> {
  const places = new PlaceNames(province);
  const labels = new Map<string, string>();
  const label = (key: string) => {
    let text = labels.get(key);
    if (text === undefined) {
      text = t(key);
      labels.set(key, text);
    }
    return text;
  };
  let number = 0;
  for await (const page of pages) {
    for (const row of page) {
      number += 1;
      const place = places.of(row.communeCode);
      yield {
        number,
        code: row.code,
        establishment: row.establishment,
        legalForm: row.legalForm ? label(`legal-form-${row.legalForm}`) : null,
        taxCode: row.taxCode,
        commune: place.commune,
        formerDistrict: place.formerDistrict,
        address: row.address,
        representative: row.representative,
        phone: row.phone,
        category: row.category ? label(`category-${row.category}`) : null,
        program: row.program ? label(`program-${row.program}`) : null,
        title: row.title,
        totalCost: row.totalCost,
        requested: row.requested,
        counterpart: row.counterpart,
        approved: row.approved,
        accepted: row.accepted,
        disbursed: row.disbursed,
        status: row.status ? label(`status-${row.status}`) : null,
        submittedOn: row.submittedAt === null ? null : new Date(row.submittedAt),
        decidedOn: row.decidedAt === null ? null : new Date(row.decidedAt),
      };
    }
  }
}

export interface ExportRequest {
  db: Executor;
  province: Province;
  t: Translate;
  filter: ExportFilter;
  format: ExportFormat;
  timeZone: string;
  onProgress?: (rowsWritten: number) => void;
  progressEvery?: number;
  /** rows read per query (tests make it small to cross many pages) */
  pageSize?: number;
}

export interface ExportOutcome {
  rowsWritten: number;
  /** exact sums of the amount columns (requested, approved, accepted, disbursed) */
  totals: Record<MoneyKey, bigint>;
}

/** GroupTotals' count of rows per group. */
const COUNT = "count";

function summaryColumns(t: Translate, group: "category" | "commune"): ExportColumn[] {
  return [
    { key: group, header: t(`export-column-${group}`), kind: "text", width: 40 },
    { key: COUNT, header: t("export-column-count"), kind: "integer", total: true, width: 12 },
    ...SUMMED.map(
      (key): ExportColumn => ({ key, header: t(`export-column-${key}`), kind: "money" }),
    ),
  ];
}

/** Writes the list to `path` as .xlsx or CSV. */
export async function writeApplicationList(
  path: string,
  request: ExportRequest,
): Promise<ExportOutcome> {
  const { t } = request;
  const columns = exportColumns(t);
  const byCategory = new GroupTotals("category", SUMMED, t("report-unknown"));
  const byCommune = new GroupTotals("commune", SUMMED, t("report-unknown"));
  const totals: Record<MoneyKey, bigint> = {
    requested: 0n,
    approved: 0n,
    accepted: 0n,
    disbursed: 0n,
  };
  const rows = tap(
    exportRows(applicationPages(request.db, request.filter, request.pageSize), t, request.province),
    (row) => {
      byCategory.add(row);
      byCommune.add(row);
      for (const key of SUMMED) {
        const value = row[key];
        if (typeof value === "string") totals[key] += BigInt(value);
      }
    },
  );
  const common = {
    columns,
    rows,
    timeZone: request.timeZone,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    ...(request.progressEvery ? { progressEvery: request.progressEvery } : {}),
  };
  const { rowsWritten } =
    request.format === "csv"
      ? await writeCsv(path, common)
      : await writeWorkbook(path, {
          ...common,
          name: t("export-sheet-list"),
          totalsLabel: t("export-totals"),
          summarySheets: [
            {
              name: t("export-sheet-by-category"),
              columns: summaryColumns(t, "category"),
              rows: () => byCategory.rows(),
            },
            {
              name: t("export-sheet-by-commune"),
              columns: summaryColumns(t, "commune"),
              rows: () => byCommune.rows(),
            },
          ],
        });
  return { rowsWritten, totals };
}
