import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, isNotNull, ne, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, expect, it } from "vitest";
import { applications } from "../../src/db/schema/index.ts";
import { communeLabel } from "../../src/domain/commune-labels.ts";
import { communeByCode } from "../../src/domain/communes.ts";
import { BYTE_ORDER_MARK } from "../../src/services/export/csv.ts";
import { writeApplicationList } from "../../src/services/reports/export.ts";
import { exportInWorker } from "../../src/services/reports/export-runner.ts";
import { seedSampleApplications } from "../../src/tools/sample-data.ts";
import { describeWithDatabase } from "../support/database.ts";
import { testDependencies } from "../support/deps.ts";

const directory = mkdtempSync(join(tmpdir(), "kc-reports-export-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Sums straight from the database, grouped by a column, to compare the file with. */
async function databaseSums(
  deps: ReturnType<typeof testDependencies>,
  group: "category" | "commune",
  planYear?: number,
) {
  const key =
    group === "category"
      ? applications.category
      : sql<string>`${applications.establishmentSnapshot}->>'communeCode'`;
  const rows = await deps.db
    .select({
      key,
      count: sql<number>`count(*)`.mapWith(Number),
      requested: sql<string>`coalesce(sum(${applications.requestedSupport}), 0)::text`,
      approved: sql<string>`coalesce(sum(${applications.approvedAmount}), 0)::text`,
    })
    .from(applications)
    .where(
      and(
        isNotNull(applications.code),
        ne(applications.status, "draft"),
        ...(planYear === undefined ? [] : [sql`${applications.planYear} = ${planYear}`]),
      ),
    )
    .groupBy(key);
  const t = (k: string) => deps.i18n.t("vi", k);
  return new Map(
    rows.map((row) => [
      group === "category"
        ? t(`category-${row.key}`)
        : communeLabel(communeByCode(deps.province, String(row.key)) ?? never()),
      { count: row.count, requested: Number(row.requested), approved: Number(row.approved) },
    ]),
  );
}

const never = (): never => {
  throw new Error("a commune code the province does not know");
};

/** A summary sheet's rows (after the header, before the totals row) by their first cell. */
function sheetGroups(sheet: ExcelJS.Worksheet) {
  const groups = new Map<string, { count: number; requested: number; approved: number }>();
  for (let r = 2; r < sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    groups.set(String(row.getCell(1).value), {
      count: Number(row.getCell(2).value),
      requested: Number(row.getCell(3).value),
      approved: Number(row.getCell(4).value),
    });
  }
  return groups;
}

const cached = (value: ExcelJS.CellValue): number =>
  typeof value === "object" && value !== null && "result" in value
    ? Number(value.result)
    : Number(value);

describeWithDatabase("the officers' export", (database, driver) => {
  it("writes the plan list as .xlsx: every row, a totals row, and sums by category and commune that match the database", async () => {
    const deps = testDependencies(database().db);
    await seedSampleApplications(deps, { count: 150, seed: 11, batchSize: 40 });
    const year = deps.clock.now().getUTCFullYear();
    const path = join(directory, "list.xlsx");
    const progress: number[] = [];
    const outcome = await writeApplicationList(path, {
      db: deps.db,
      province: deps.province,
      t: (key, variables) => deps.i18n.t("vi", key, variables),
      filter: { planYear: year },
      format: "xlsx",
      timeZone: deps.config.timeZone,
      pageSize: 7, // many keyset pages
      progressEvery: 10,
      onProgress: (count) => progress.push(count),
    });

    const inDatabase = await deps.db
      .select({
        code: applications.code,
        requested: sql<string>`${applications.requestedSupport}::text`,
        approved: sql<string | null>`${applications.approvedAmount}::text`,
      })
      .from(applications)
      .where(and(isNotNull(applications.code), sql`${applications.planYear} = ${year}`))
      .orderBy(applications.code);
    expect(inDatabase.length).toBeGreaterThan(20);
    expect(outcome.rowsWritten).toBe(inDatabase.length);
    expect(progress.at(-1)).toBe(inDatabase.length);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Danh sách hồ sơ",
      "Theo nội dung",
      "Theo xã",
    ]);
    const [list, byCategory, byCommune] = workbook.worksheets as [
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
    ];
    const header = (list.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain("Mã hồ sơ");
    expect(header).toContain("Vốn đối ứng (đồng)");
    expect(header).toContain("Huyện, thành phố cũ");
    const column = (name: string) => header.indexOf(name) + 1;
    // the rows, in code order, with the amounts of the database
    expect(list.rowCount).toBe(inDatabase.length + 2);
    inDatabase.forEach((row, index) => {
      const cells = list.getRow(index + 2);
      expect(cells.getCell(column("Mã hồ sơ")).value).toBe(row.code);
      expect(cells.getCell(column("Đề nghị hỗ trợ (đồng)")).value).toBe(Number(row.requested));
      expect(cells.getCell(column("Được phê duyệt (đồng)")).value ?? null).toBe(
        row.approved === null ? null : Number(row.approved),
      );
    });
    expect(list.getCell(2, column("Đề nghị hỗ trợ (đồng)")).numFmt).toBe("#,##0");
    expect(list.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // the totals row: the sums of the database
    const totals = list.getRow(inDatabase.length + 2);
    const requestedSum = inDatabase.reduce((sum, row) => sum + Number(row.requested), 0);
    const approvedSum = inDatabase.reduce((sum, row) => sum + Number(row.approved ?? 0), 0);
    expect(totals.values).toContain("Tổng cộng");
    expect(cached(totals.getCell(column("Đề nghị hỗ trợ (đồng)")).value)).toBe(requestedSum);
    expect(cached(totals.getCell(column("Được phê duyệt (đồng)")).value)).toBe(approvedSum);
    expect(Number(outcome.totals.requested)).toBe(requestedSum);

    // the summary sheets: one row per category and per commune, as the database groups them
    expect(sheetGroups(byCategory)).toEqual(await databaseSums(deps, "category", year));
    expect(sheetGroups(byCommune)).toEqual(await databaseSums(deps, "commune", year));
    expect(cached(byCommune.getRow(byCommune.rowCount).getCell(3).value)).toBe(requestedSum);
  });

  it("writes CSV in UTF-8 with a byte-order mark, Vietnamese intact, one line per application", async () => {
    const deps = testDependencies(database().db);
    await seedSampleApplications(deps, { count: 30, seed: 5 });
    const path = join(directory, "list.csv");
    const outcome = await writeApplicationList(path, {
      db: deps.db,
      province: deps.province,
      t: (key, variables) => deps.i18n.t("vi", key, variables),
      filter: { status: "approved" },
      format: "csv",
      timeZone: deps.config.timeZone,
    });
    const approved = await deps.db
      .select({
        code: applications.code,
        name: sql<string>`${applications.establishmentSnapshot}->>'name'`,
      })
      .from(applications)
      .where(sql`${applications.status} = 'approved'`)
      .orderBy(applications.code);
    expect(approved.length).toBeGreaterThan(0);
    expect(outcome.rowsWritten).toBe(approved.length);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.startsWith(BYTE_ORDER_MARK)).toBe(true);
    const lines = text
      .slice(1)
      .split("\r\n")
      .filter((line) => line !== "");
    expect(lines).toHaveLength(approved.length + 1);
    expect(lines[0]).toContain("Đề nghị hỗ trợ (đồng)");
    expect(lines[0]).toContain("Người đại diện");
    for (const [index, row] of approved.entries()) {
      expect(lines[index + 1]).toContain(row.code);
      expect(lines[index + 1]).toContain(row.name);
      expect(lines[index + 1]).toContain("Được phê duyệt");
    }
  });

  it.runIf(driver === "postgres")(
    "makes the same file in a worker thread with its own connection on PostgreSQL",
    async () => {
      const { db, url } = database();
      const deps = testDependencies(db);
      await seedSampleApplications(deps, { count: 40, seed: 9 });
      const here = await writeApplicationList(join(directory, "here.xlsx"), {
        db,
        province: deps.province,
        t: (key, variables) => deps.i18n.t("vi", key, variables),
        filter: { program: "national" },
        format: "xlsx",
        timeZone: deps.config.timeZone,
      });
      const progress: number[] = [];
      const there = await exportInWorker(
        {
          databaseUrl: url ?? "",
          province: deps.config.province,
          language: "vi",
          filter: { program: "national" },
          format: "xlsx",
          timeZone: deps.config.timeZone,
          path: join(directory, "there.xlsx"),
          progressEvery: 5,
        },
        (rows) => progress.push(rows),
      );
      expect(there).toEqual(here);
      expect(progress.at(-1)).toBe(here.rowsWritten);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(directory, "there.xlsx"));
      expect(workbook.worksheets[0]?.rowCount).toBe(here.rowsWritten + 2);
    },
  );
});
