import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExportColumn, ExportValueError } from "../../src/services/export/columns.ts";
import { GroupTotals, tap } from "../../src/services/export/group-totals.ts";
import {
  columnLetter,
  DATE_FORMAT,
  headerLines,
  MONEY_FORMAT,
  PERCENT_FORMAT,
  sheetInput,
  writeWorkbook,
} from "../../src/services/export/xlsx.ts";

const directory = mkdtempSync(join(tmpdir(), "kc-export-xlsx-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const COLUMNS = [
  { key: "code", header: "Mã hồ sơ", kind: "text" },
  { key: "name", header: "Tên cơ sở", kind: "text" },
  { key: "commune", header: "Xã, phường", kind: "text" },
  { key: "category", header: "Nội dung hỗ trợ", kind: "text" },
  { key: "workers", header: "Số lao động", kind: "integer" },
  { key: "requested", header: "Đề nghị hỗ trợ (đồng)", kind: "money" },
  { key: "approved", header: "Được duyệt (đồng)", kind: "money" },
  { key: "share", header: "Tỷ lệ hỗ trợ", kind: "percent" },
  { key: "submittedAt", header: "Ngày nộp", kind: "date" },
  { key: "decidedOn", header: "Ngày quyết định", kind: "date" },
] as const satisfies readonly ExportColumn[];

type Key = (typeof COLUMNS)[number]["key"];
type Row = { [K in Key]: string | number | bigint | Date | null };

const COMMUNES = ["Lộc Bình", "Bắc Sơn", "Đình Lập", "Hữu Lũng", "Cao Lộc"];
const CATEGORIES = ["Máy móc thiết bị", "Đào tạo nghề", "Hội chợ, triển lãm"];

/** Rows that differ from one another (a small linear congruential generator, fixed seed). */
function generatedRows(count: number): Row[] {
  let seed = 20_261_130;
  const next = (below: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % below;
  };
  return Array.from({ length: count }, (_, index) => {
    const requested = BigInt(50 + next(950)) * 1_000_000n + BigInt(next(1000)) * 1000n;
    const decided = next(3) !== 0;
    return {
      code: `LS-2027-${String(index + 1).padStart(4, "0")}`,
      name: index === 0 ? "Hợp tác xã Chè Bắc Sơn" : `Cơ sở mộc số ${index}`,
      commune: COMMUNES[next(COMMUNES.length)] ?? "",
      category: CATEGORIES[next(CATEGORIES.length)] ?? "",
      workers: 3 + next(60),
      // money as a bigint and as a decimal string, as services hand it over
      requested: index % 2 === 0 ? requested : requested.toString(),
      approved: decided ? requested / 2n : null,
      share: decided ? 0.5 : null,
      submittedAt: new Date(Date.UTC(2026, 8, 1 + next(28), next(24), next(60))),
      decidedOn: decided ? `2026-11-${String(10 + next(15)).padStart(2, "0")}` : null,
    };
  });
}

async function* streamed<T>(rows: readonly T[]): AsyncGenerator<T> {
  for (const row of rows) yield row;
}

/** The calendar day in Việt Nam (UTC+7, no daylight saving) as exceljs reads a date back. */
function vietnamDay(instant: Date): Date {
  const local = new Date(instant.getTime() + 7 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

const asBigint = (value: Row[Key]): bigint =>
  value === null ? 0n : BigInt(value as string | bigint);

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

describe("the streamed workbook", () => {
  const rows = generatedRows(450);
  const byCategory = new GroupTotals("category", ["requested", "approved"]);
  const byCommune = new GroupTotals("commune", ["requested", "approved"]);
  const progress: number[] = [];
  const path = join(directory, "applications.xlsx");
  const expectedRequested = rows.reduce((sum, row) => sum + asBigint(row.requested), 0n);
  const expectedApproved = rows.reduce((sum, row) => sum + asBigint(row.approved), 0n);
  const summaryColumns = (group: "category" | "commune", header: string) =>
    [
      { key: group, header, kind: "text" },
      { key: "count", header: "Số hồ sơ", kind: "integer", total: true },
      { key: "requested", header: "Đề nghị hỗ trợ (đồng)", kind: "money" },
      { key: "approved", header: "Được duyệt (đồng)", kind: "money" },
    ] as const satisfies readonly ExportColumn[];
  let result: Awaited<ReturnType<typeof writeWorkbook<Key>>>;
  let workbook: ExcelJS.Workbook;
  let main: ExcelJS.Worksheet;

  beforeAll(async () => {
    result = await writeWorkbook(path, {
      name: "Danh sách",
      columns: COLUMNS,
      rows: tap(streamed(rows), (row) => {
        byCategory.add(row);
        byCommune.add(row);
      }),
      summarySheets: [
        {
          name: "Theo nội dung",
          columns: summaryColumns("category", "Nội dung"),
          rows: () => byCategory.rows(),
        },
        {
          name: "Theo xã",
          columns: summaryColumns("commune", "Xã, phường"),
          rows: () => byCommune.rows(),
        },
      ],
      onProgress: (written) => progress.push(written),
      progressEvery: 100,
    });
    workbook = await readBack(path);
    main = sheet(workbook, "Danh sách");
  });

  it("reports the rows written and the exact sums", () => {
    expect(result).toEqual({
      rowsWritten: 450,
      totals: { requested: expectedRequested, approved: expectedApproved },
    });
    expect(progress).toEqual([100, 200, 300, 400, 450]);
  });

  it("has the sheets in order", () => {
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      "Danh sách",
      "Theo nội dung",
      "Theo xã",
    ]);
  });

  it("has a bold, wrapped header row frozen on top, and an auto filter over header and data", () => {
    const header = main.getRow(1);
    expect(COLUMNS.map((_, index) => header.getCell(index + 1).value)).toEqual(
      COLUMNS.map((column) => column.header),
    );
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(6).alignment?.wrapText).toBe(true);
    expect(header.height).toBe(15 * Math.max(...COLUMNS.map(headerLines)));
    expect(main.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(main.autoFilter).toBe("A1:J451");
    expect(main.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
  });

  it("writes every row with its values in order", () => {
    expect(main.rowCount).toBe(1 + 450 + 1);
    rows.forEach((row, index) => {
      const cells = main.getRow(index + 2);
      expect(cells.getCell(1).value).toBe(row.code);
      expect(cells.getCell(2).value).toBe(row.name);
      expect(cells.getCell(3).value).toBe(row.commune);
      expect(cells.getCell(5).value).toBe(row.workers);
      expect(cells.getCell(6).value).toBe(Number(row.requested));
      expect(cells.getCell(7).value).toBe(row.approved === null ? null : Number(row.approved));
      expect(cells.getCell(8).value).toBe(row.share);
      expect(cells.getCell(9).value).toEqual(vietnamDay(row.submittedAt as Date));
      expect(cells.getCell(10).value).toEqual(
        row.decidedOn === null ? null : new Date(`${row.decidedOn}T00:00:00Z`),
      );
    });
    expect(main.getCell("B2").value).toBe("Hợp tác xã Chè Bắc Sơn");
  });

  it("formats money with grouped thousands, dates dd/mm/yyyy, shares as percentages", () => {
    const row = main.getRow(2);
    expect(row.getCell(6).numFmt).toBe(MONEY_FORMAT);
    expect(MONEY_FORMAT).toBe("#,##0");
    expect(row.getCell(9).numFmt).toBe(DATE_FORMAT);
    expect(DATE_FORMAT).toBe("dd/mm/yyyy");
    expect(row.getCell(8).numFmt).toBe(PERCENT_FORMAT);
    expect(row.getCell(5).numFmt).toBe("0");
  });

  it("ends with a totals row: SUBTOTAL formulas whose cached results are the exact sums", () => {
    const totals = main.getRow(452);
    expect(totals.getCell(1).value).toBe("Tổng cộng");
    expect(totals.getCell(1).font?.bold).toBe(true);
    expect(totals.getCell(6).value).toEqual({
      formula: "SUBTOTAL(109,F2:F451)",
      result: Number(expectedRequested),
    });
    expect(totals.getCell(7).value).toEqual({
      formula: "SUBTOTAL(109,G2:G451)",
      result: Number(expectedApproved),
    });
    expect(totals.getCell(6).numFmt).toBe(MONEY_FORMAT);
    // workers are not summed unless asked
    expect(totals.getCell(5).value).toBeNull();
  });

  it.each([
    ["Theo nội dung", "category", CATEGORIES],
    ["Theo xã", "commune", COMMUNES],
  ] as const)("has a summary sheet %s whose sums match the rows", (name, group, groups) => {
    const summary = sheet(workbook, name);
    const sorted = [...groups].sort(new Intl.Collator("vi").compare);
    expect(summary.rowCount).toBe(1 + sorted.length + 1);
    sorted.forEach((value, index) => {
      const mine = rows.filter((row) => row[group] === value);
      const cells = summary.getRow(index + 2);
      expect(cells.getCell(1).value).toBe(value);
      expect(cells.getCell(2).value).toBe(mine.length);
      expect(cells.getCell(3).value).toBe(
        Number(mine.reduce((sum, row) => sum + asBigint(row.requested), 0n)),
      );
      expect(cells.getCell(4).value).toBe(
        Number(mine.reduce((sum, row) => sum + asBigint(row.approved), 0n)),
      );
    });
    const totals = summary.getRow(sorted.length + 2);
    const last = sorted.length + 1;
    expect(totals.getCell(1).value).toBe("Tổng cộng");
    expect(totals.getCell(2).value).toEqual({ formula: `SUBTOTAL(109,B2:B${last})`, result: 450 });
    expect(totals.getCell(3).value).toEqual({
      formula: `SUBTOTAL(109,C2:C${last})`,
      result: Number(expectedRequested),
    });
    expect(totals.getCell(4).value).toEqual({
      formula: `SUBTOTAL(109,D2:D${last})`,
      result: Number(expectedApproved),
    });
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(summary.autoFilter).toBe(`A1:D${last}`);
  });
});

describe("writeWorkbook", () => {
  const columns = [
    { key: "name", header: "Tên cơ sở", kind: "text" },
    { key: "requested", header: "Đề nghị hỗ trợ (đồng)", kind: "money" },
  ] as const satisfies readonly ExportColumn[];

  it("writes to a stream the caller owns, and ends it", async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => output.on("end", resolve));
    await writeWorkbook(output, {
      name: "Danh sách",
      columns,
      rows: [{ name: "Hợp tác xã Chè Bắc Sơn", requested: 300_000_000n }],
    });
    await ended;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const main = sheet(workbook, "Danh sách");
    expect(main.getCell("A2").value).toBe("Hợp tác xã Chè Bắc Sơn");
    expect(main.getCell("B3").value).toEqual({
      formula: "SUBTOTAL(109,B2:B2)",
      result: 300_000_000,
    });
  });

  it("writes a header, a zero total and a filter over the header alone when there are no rows", async () => {
    const path = join(directory, "empty.xlsx");
    const progress: number[] = [];
    const result = await writeWorkbook(path, {
      name: "Danh sách",
      columns,
      rows: streamed([]),
      onProgress: (written) => progress.push(written),
    });
    expect(result).toEqual({ rowsWritten: 0, totals: { requested: 0n } });
    expect(progress).toEqual([0]);
    const main = sheet(await readBack(path), "Danh sách");
    expect(main.getCell("A1").value).toBe("Tên cơ sở");
    expect(main.getCell("A2").value).toBe("Tổng cộng");
    expect(main.getCell("B2").value).toBe(0);
    expect(main.autoFilter).toBe("A1:B1");
  });

  it("takes the totals label and the time zone from the caller", async () => {
    const path = join(directory, "english.xlsx");
    await writeWorkbook(path, {
      name: "List",
      columns: [...columns, { key: "on", header: "Date", kind: "date" }],
      rows: [{ name: "A", requested: "1000", on: new Date("2026-09-04T18:30:00Z") }],
      totalsLabel: "Total",
      timeZone: "UTC",
    });
    const main = sheet(await readBack(path), "List");
    expect(main.getCell("A3").value).toBe("Total");
    expect(main.getCell("C2").value).toEqual(new Date("2026-09-04T00:00:00Z"));
  });

  it("fails with the row source's error and leaves no half-written file", async () => {
    const path = join(directory, "broken.xlsx");
    async function* failing() {
      for (const row of generatedRows(300).slice(0, 250)) yield row;
      throw new Error("cursor lost");
    }
    await expect(
      writeWorkbook(path, { name: "Danh sách", columns: COLUMNS, rows: failing() }),
    ).rejects.toThrow("cursor lost");
    expect(existsSync(path)).toBe(false);
  });

  it("fails, instead of waiting forever, when the output cannot be opened", async () => {
    const path = join(directory, "no-such-folder", "list.xlsx");
    await expect(
      writeWorkbook(path, { name: "Danh sách", columns: COLUMNS, rows: generatedRows(10) }),
    ).rejects.toThrow(/ENOENT/);
  });

  it("fails when the output breaks in the middle of a large sheet", async () => {
    let bytes = 0;
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(bytes > 200_000 ? new Error("disk full") : null);
      },
    });
    await expect(
      writeWorkbook(output, {
        name: "Danh sách",
        columns: COLUMNS,
        rows: streamed(generatedRows(20_000)),
      }),
    ).rejects.toThrow("disk full");
  });

  it("fails when its reader goes away before the end", async () => {
    const output = new PassThrough();
    let read = 0;
    output.on("data", (chunk: Buffer) => {
      read += chunk.length;
      if (read > 100_000) output.destroy();
    });
    await expect(
      writeWorkbook(output, {
        name: "Danh sách",
        columns: COLUMNS,
        rows: streamed(generatedRows(20_000)),
      }),
    ).rejects.toThrow(/closed before/);
  });

  it("refuses a value its column cannot hold, and leaves no file", async () => {
    const path = join(directory, "bad-value.xlsx");
    await expect(
      writeWorkbook(path, {
        name: "Danh sách",
        columns,
        rows: [{ name: "A", requested: "1.500.000" }],
      }),
    ).rejects.toThrow(ExportValueError);
    expect(existsSync(path)).toBe(false);
  });
});

describe("helpers", () => {
  it("names columns as spreadsheets do", () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });

  it("counts the lines of a wrapped header", () => {
    expect(headerLines({ key: "a", header: "Ngày nộp", kind: "date" })).toBe(1);
    expect(headerLines({ key: "a", header: "Đề nghị hỗ trợ (đồng)", kind: "money" })).toBe(2);
    expect(headerLines({ key: "a", header: "Số lao động bình quân năm", kind: "integer" })).toBe(3);
  });

  // The backpressure reaches into exceljs and archiver internals; an upgrade
  // that moves them must fail here rather than quietly let memory grow.
  it("finds the buffer where a sheet's XML waits for compression", async () => {
    const sink = new PassThrough();
    sink.resume();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
    const worksheet = workbook.addWorksheet("Danh sách");
    const input = sheetInput(worksheet);
    expect(input).toBeDefined();
    expect(typeof input?._writableState?.length).toBe("number");
    worksheet.commit();
    await workbook.commit();
  });
});
