import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { type ExportColumn, ExportValueError } from "../../src/services/export/columns.ts";
import { defuseFormula, quoteField, writeCsv } from "../../src/services/export/csv.ts";

const directory = mkdtempSync(join(tmpdir(), "kc-export-csv-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const COLUMNS = [
  { key: "name", header: "Tên cơ sở", kind: "text" },
  { key: "commune", header: "Xã, phường", kind: "text" },
  { key: "workers", header: "Số lao động", kind: "integer" },
  { key: "requested", header: "Đề nghị hỗ trợ (đồng)", kind: "money" },
  { key: "share", header: "Tỷ lệ", kind: "percent" },
  { key: "submittedAt", header: "Ngày nộp", kind: "date" },
] as const satisfies readonly ExportColumn[];

const FIRST_ROW = {
  name: "Hợp tác xã Chè Bắc Sơn",
  commune: "Lộc Bình",
  workers: 12,
  requested: 1_500_000n,
  share: 0.5,
  // 01:30 on the 5th in Hà Nội
  submittedAt: new Date("2026-09-04T18:30:00Z"),
};

const ROWS = [
  FIRST_ROW,
  {
    name: 'Cơ sở mộc "Nà Lừa", chi nhánh 2\nxưởng mới',
    commune: "Đình Lập",
    workers: null,
    requested: "250000000",
    share: 0.1 + 0.2,
    submittedAt: "2026-11-20",
  },
  {
    name: '=HYPERLINK("http://x","bấm")',
    commune: "-Cao Lộc",
    workers: 3,
    requested: null,
    share: null,
    submittedAt: null,
  },
];

async function* streamed<T>(rows: readonly T[]): AsyncGenerator<T> {
  for (const row of rows) yield row;
}

/** A stream the caller owns, collecting what is written to it. */
function collector(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

describe("writeCsv", () => {
  it("writes UTF-8 with a BOM, RFC 4180 quoting, CRLF, dd/mm/yyyy and plain integer money", async () => {
    const output = collector();
    const result = await writeCsv(output.stream, { columns: COLUMNS, rows: streamed(ROWS) });
    const bytes = output.bytes();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toBe(
      [
        '\uFEFFTên cơ sở,"Xã, phường",Số lao động,Đề nghị hỗ trợ (đồng),Tỷ lệ,Ngày nộp',
        "Hợp tác xã Chè Bắc Sơn,Lộc Bình,12,1500000,0.5,05/09/2026",
        '"Cơ sở mộc ""Nà Lừa"", chi nhánh 2\nxưởng mới",Đình Lập,,250000000,0.3,20/11/2026',
        `"'=HYPERLINK(""http://x"",""bấm"")",'-Cao Lộc,3,,,`,
        "",
      ].join("\r\n"),
    );
    expect(result).toEqual({ rowsWritten: 3 });
  });

  it("keeps Vietnamese text intact, composed as it came", async () => {
    const path = join(directory, "vietnamese.csv");
    await writeCsv(path, { columns: COLUMNS, rows: ROWS.slice(0, 1) });
    const text = readFileSync(path, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("Hợp tác xã Chè Bắc Sơn");
    expect(text).toContain("Lộc Bình");
    expect(text.normalize("NFC")).toBe(text);
  });

  it("streams many rows in order with progress, and every line ends with CRLF", async () => {
    const path = join(directory, "many.csv");
    const progress: number[] = [];
    const count = 2_345;
    async function* rows() {
      for (let index = 0; index < count; index++) {
        yield {
          name: `Cơ sở ${index}`,
          commune: "Bắc Sơn",
          workers: index,
          requested: BigInt(index) * 1_000_000n,
          share: null,
          submittedAt: null,
        };
      }
    }
    const result = await writeCsv(path, {
      columns: COLUMNS,
      rows: rows(),
      onProgress: (written) => progress.push(written),
      progressEvery: 1000,
    });
    expect(result.rowsWritten).toBe(count);
    expect(progress).toEqual([1000, 2000, count]);
    const text = readFileSync(path, "utf8");
    const lines = text.split("\r\n");
    expect(lines).toHaveLength(1 + count + 1);
    expect(lines.at(-1)).toBe("");
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    lines.slice(1, -1).forEach((line, index) => {
      expect(line).toBe(`Cơ sở ${index},Bắc Sơn,${index},${index * 1_000_000},,`);
    });
  });

  it("waits for a slow reader instead of piling rows up", async () => {
    const output = new PassThrough({ highWaterMark: 1024 });
    const writing = writeCsv(output, {
      columns: COLUMNS,
      rows: Array.from({ length: 5000 }, (_, index) => ({ ...FIRST_ROW, workers: index })),
    });
    // Nobody reads yet: the writer must stop at about the high-water marks.
    await new Promise((resolve) => setImmediate(resolve));
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(output.readableLength + output.writableLength).toBeLessThan(64 * 1024);
    output.resume();
    await writing;
  });

  it("writes only the header for no rows, and reports 0", async () => {
    const output = collector();
    const progress: number[] = [];
    await writeCsv(output.stream, {
      columns: COLUMNS.slice(0, 2),
      rows: [],
      onProgress: (written) => progress.push(written),
    });
    expect(output.bytes().toString("utf8")).toBe('\uFEFFTên cơ sở,"Xã, phường"\r\n');
    expect(progress).toEqual([0]);
  });

  it("fails with the row source's error and removes the file", async () => {
    const path = join(directory, "broken.csv");
    async function* failing() {
      yield FIRST_ROW;
      throw new Error("cursor lost");
    }
    await expect(writeCsv(path, { columns: COLUMNS, rows: failing() })).rejects.toThrow(
      "cursor lost",
    );
    expect(existsSync(path)).toBe(false);
  });

  it("refuses a value its column cannot hold", async () => {
    const output = collector();
    await expect(
      writeCsv(output.stream, { columns: COLUMNS, rows: [{ ...FIRST_ROW, requested: "1,5 tỷ" }] }),
    ).rejects.toThrow(ExportValueError);
  });
});

describe("fields", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r", '"cr\r"'],
    ["", ""],
  ])("quotes %j as %j", (field, quoted) => {
    expect(quoteField(field)).toBe(quoted);
  });

  it.each([
    ["=1+2", "'=1+2"],
    ["+84912345678", "+84912345678"],
    ["-5", "-5"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["+1-", "'+1-"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["Chè = ngon", "Chè = ngon"],
    ["Lộc Bình", "Lộc Bình"],
  ])("defuses %j as %j", (text, safe) => {
    expect(defuseFormula(text)).toBe(safe);
  });
});
