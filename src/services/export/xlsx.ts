/**
 * A streaming .xlsx writer for the officers' lists (the provincial plan list
 * sent to the UBND tỉnh, exports of applications), on exceljs's streaming
 * WorkbookWriter.
 *
 * Guarantee: memory stays flat however many rows come. Rows are read one at
 * a time from an AsyncIterable (a database cursor), each is committed to the
 * zip as soon as it is written, strings are written inline (a shared-strings
 * table would grow with the rows), and the writer waits for zlib to catch up
 * whenever a sheet's not-yet-compressed XML passes SHEET_BUFFER_LIMIT (see
 * waitForSheetToDrain: exceljs itself never waits). Nothing is kept per
 * row: only the running sums of the totalled columns.
 *
 * The main sheet: a bold, wrapped header row frozen on top; an auto filter
 * over the header and data; money as numbers with a thousands separator;
 * dates as real dates shown dd/mm/yyyy; and a "Tổng cộng" row below the
 * data (outside the filter range, so sorting never moves it). Its sums are
 * formulas, SUBTOTAL(109, …), with the exact sums computed while the rows
 * streamed by as their cached results, because
 * - a reader that does not calculate (a phone's viewer, a script reading
 *   cached values) still shows the right total;
 * - when an officer filters (one commune, one category), Excel and
 *   LibreOffice recompute SUBTOTAL over the visible rows only, as an Excel
 *   table's total row does; a plain SUM would keep counting hidden rows, and
 *   a bare value would go stale after an edit.
 * Summary sheets ("Theo nội dung", "Theo xã": small arrays) follow, each
 * with the same header, formats and totals row.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import {
  amountToNumber,
  type CellValue,
  ColumnTotals,
  columnWidth,
  DEFAULT_TIME_ZONE,
  type ExportColumn,
  type ExportRow,
  isTotalled,
  normalizeCell,
} from "./columns.ts";

/**
 * Amounts as numbers with thousands grouped. In a file's number format ","
 * means "the reader's grouping separator", so Excel and LibreOffice set to
 * Vietnamese show 1.500.000 and set to English 1,500,000; writing "#.##0"
 * would instead mean a decimal point. No "đ" in every cell: the header says
 * "(đồng)", as the province's own plan tables do.
 */
export const MONEY_FORMAT = "#,##0";
/** Shown dd/mm/yyyy whatever the reader's locale ("/" is literal here). */
export const DATE_FORMAT = "dd/mm/yyyy";
/** Workers, years, counts: no separators (a year must not read "2.026"). */
export const INTEGER_FORMAT = "0";
/** A fraction shown as a percentage with one decimal: 0.496 reads 49,6% in Vietnamese. */
export const PERCENT_FORMAT = "0.0%";

export const DEFAULT_TOTALS_LABEL = "Tổng cộng";

/** Excel refuses a cell longer than this; longer text is cut with "…". */
const EXCEL_CELL_MAX_CHARS = 32_767;

const NUMBER_FORMATS: Record<ExportColumn["kind"], string | undefined> = {
  text: undefined,
  money: MONEY_FORMAT,
  integer: INTEGER_FORMAT,
  date: DATE_FORMAT,
  percent: PERCENT_FORMAT,
};

export interface SheetSpec<Key extends string = string> {
  /** Up to 31 characters, none of : \ / ? * [ ] (Excel's rule). */
  name: string;
  columns: readonly ExportColumn<Key>[];
}

export interface SummarySheetSpec<Key extends string = string> extends SheetSpec<Key> {
  /**
   * A few rows, held in memory. A function is called once the main sheet
   * is written, so it can return totals the caller gathered while the main
   * rows streamed by (see group-totals.ts).
   */
  rows: readonly ExportRow<Key>[] | (() => readonly ExportRow<Key>[]);
}

export interface WorkbookSpec<Key extends string> extends SheetSpec<Key> {
  /** Read one row at a time; never gathered into an array here. */
  rows: AsyncIterable<ExportRow<Key>> | Iterable<ExportRow<Key>>;
  summarySheets?: readonly SummarySheetSpec[];
  /** The label of the totals rows; the list goes to the province in Vietnamese. */
  totalsLabel?: string;
  /** Where a Date falls on the calendar; default Asia/Ho_Chi_Minh. */
  timeZone?: string;
  /** Called with the number of data rows written, every `progressEvery` rows and at the end. */
  onProgress?: (rowsWritten: number) => void;
  progressEvery?: number;
}

export interface WorkbookResult<Key extends string> {
  rowsWritten: number;
  /** Exact sums of the main sheet's totalled columns (money, unless told otherwise). */
  totals: Partial<Record<Key, bigint>>;
}

/**
 * A file path (removed again if writing fails), or a stream: ended once the
 * workbook is complete; on failure unpiped and left open for its owner.
 */
export type WorkbookTarget = string | Writable;

type Worksheet = ExcelJS.Worksheet;

/** 1 → A, 27 → AA. */
export function columnLetter(columnNumber: number): string {
  let letters = "";
  for (let n = columnNumber; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Bytes of sheet XML allowed to wait for compression before rows pause. */
const SHEET_BUFFER_LIMIT = 256 * 1024;
/** How often (in rows) to look at that buffer and give other work a turn. */
const ROWS_BETWEEN_CHECKS = 200;

interface SheetInput {
  _writableState?: { length?: number };
  once(event: string, listener: () => void): unknown;
}

/**
 * exceljs hands each sheet's XML to archiver through its own StreamBuf, which
 * writes into a PassThrough that archiver reads (worksheet.stream.pipes[0])
 * without ever looking at the return value of write(). That PassThrough's
 * writable buffer is where rows pile up when they come faster than zlib
 * compresses. This reaches into exceljs 4.4 / archiver 5 internals; the
 * export test checks they are still there, so an upgrade that moves them
 * fails a test instead of quietly bringing the memory growth back.
 */
export function sheetInput(worksheet: Worksheet): SheetInput | undefined {
  const stream = (worksheet as unknown as { stream?: { pipes?: unknown[] } }).stream;
  const input = stream?.pipes?.[0] as SheetInput | undefined;
  return typeof input?._writableState?.length === "number" ? input : undefined;
}

async function waitForSheetToDrain(
  input: SheetInput | undefined,
  failed: Promise<never>,
): Promise<void> {
  if (input !== undefined && (input._writableState?.length ?? 0) > SHEET_BUFFER_LIMIT) {
    await Promise.race([once(input as unknown as NodeJS.EventEmitter, "drain"), failed]);
  } else {
    // Even a source that never waits (an array, a generator) lets zlib's
    // callbacks and the output stream run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * A promise that rejects with the first error of the output or the zip, or
 * when the output closes before the workbook is complete. Every wait races
 * it: exceljs listens for the output's errors only from its last step on,
 * so without this a full disk or a closed socket would leave the export
 * waiting forever (or crash the process on an unheard 'error').
 */
function watchForFailure(
  output: Writable,
  zip: NodeJS.EventEmitter | undefined,
): { failed: Promise<never>; stop: () => void } {
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  // Raced, never awaited alone: keep it from counting as unhandled.
  failed.catch(() => {});
  const onClose = () => {
    if (!output.writableFinished) {
      fail(new Error("the output closed before the workbook was complete"));
    }
  };
  output.on("error", fail);
  output.on("close", onClose);
  zip?.on("error", fail);
  return {
    failed,
    stop: () => {
      output.off("error", fail);
      output.off("close", onClose);
      zip?.off("error", fail);
    },
  };
}

function cellForExcel(
  column: ExportColumn,
  value: CellValue,
  timeZone: string,
  totals: ColumnTotals,
): ExcelJS.CellValue {
  const cell = normalizeCell(column, value, timeZone);
  switch (cell.type) {
    case "empty":
      return null;
    case "text":
      return cell.text.length > EXCEL_CELL_MAX_CHARS
        ? `${cell.text.slice(0, EXCEL_CELL_MAX_CHARS - 1)}…`
        : cell.text;
    case "number":
      return cell.number;
    case "integer":
      totals.add(column.key, cell.whole);
      return cell.number;
    case "money":
      totals.add(column.key, cell.amount);
      return cell.number;
    case "date":
      // exceljs turns a Date into a serial day number through UTC, so the
      // calendar day goes in as midnight UTC and comes out as that day.
      return new Date(Date.UTC(cell.date.year, cell.date.month - 1, cell.date.day));
  }
}

/** exceljs's default font, named so bold rows keep it in LibreOffice too. */
const BOLD_FONT = { name: "Calibri", size: 11, bold: true };
/** Points per line of an 11-point font, and a little air. */
const LINE_HEIGHT = 15;

/** How many lines a wrapped header takes in its column (words never split). */
export function headerLines(column: ExportColumn): number {
  const room = Math.max(1, Math.floor(columnWidth(column)) - 1);
  let lines = 1;
  let used = 0;
  for (const word of column.header.split(/\s+/).filter((part) => part !== "")) {
    if (used > 0 && used + 1 + word.length > room) {
      lines += 1;
      used = word.length;
    } else {
      used += (used > 0 ? 1 : 0) + word.length;
    }
  }
  return lines;
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): Worksheet {
  const worksheet = workbook.addWorksheet(spec.name, {
    views: [{ state: "frozen", ySplit: 1 }],
    // Printed for the file sent to the UBND tỉnh: A4 landscape, all columns
    // on one page width, the header repeated on every page.
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    },
  });
  worksheet.columns = spec.columns.map((column) => {
    const numFmt = NUMBER_FORMATS[column.kind];
    return {
      key: column.key,
      width: columnWidth(column),
      style: numFmt === undefined ? {} : { numFmt },
    };
  });
  const header = worksheet.addRow(spec.columns.map((column) => column.header));
  header.font = BOLD_FONT;
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  // Spreadsheets do not grow a row for wrapped text written by a program.
  header.height = LINE_HEIGHT * Math.max(1, ...spec.columns.map(headerLines));
  header.commit();
  return worksheet;
}

/**
 * One style object per column, shared by all its data cells: exceljs
 * remembers a style's id by the object's identity, and otherwise builds a
 * fresh style for every cell and looks it up again by its XML. Sharing
 * halved the CPU time of 100,000 rows (10.6 s to 4.7 s). Frozen: a change
 * would reach every cell of the column.
 */
function columnStyles(columns: readonly ExportColumn[]): Partial<ExcelJS.Style>[] {
  return columns.map((column) => {
    const numFmt = NUMBER_FORMATS[column.kind];
    return Object.freeze(numFmt === undefined ? {} : { numFmt });
  });
}

function addDataRow(
  worksheet: Worksheet,
  values: ExcelJS.CellValue[],
  styles: readonly Partial<ExcelJS.Style>[],
): void {
  const row = worksheet.addRow(values);
  styles.forEach((style, index) => {
    row.getCell(index + 1).style = style;
  });
  row.commit();
}

/**
 * The totals row below `dataRows` data rows: the label in the first column
 * that is not summed, a SUBTOTAL per summed column with its exact cached sum.
 */
function addTotalsRow(
  worksheet: Worksheet,
  columns: readonly ExportColumn[],
  dataRows: number,
  totals: ColumnTotals,
  label: string,
): void {
  const labelIndex = columns.findIndex((column) => !isTotalled(column));
  const values = columns.map((column, index): ExcelJS.CellValue => {
    if (index === labelIndex) return label;
    if (!isTotalled(column)) return null;
    const sum = amountToNumber(totals.get(column.key));
    if (dataRows === 0) return sum;
    const letter = columnLetter(index + 1);
    return { formula: `SUBTOTAL(109,${letter}2:${letter}${dataRows + 1})`, result: sum };
  });
  const row = worksheet.addRow(values);
  row.font = BOLD_FONT;
  row.commit();
}

function setAutoFilter(worksheet: Worksheet, columnCount: number, dataRows: number): void {
  worksheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: dataRows + 1, column: columnCount },
  };
}

function writeSummarySheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SummarySheetSpec,
  timeZone: string,
  totalsLabel: string,
): void {
  const worksheet = addSheet(workbook, spec);
  const rows = typeof spec.rows === "function" ? spec.rows() : spec.rows;
  const totals = new ColumnTotals(spec.columns);
  const styles = columnStyles(spec.columns);
  for (const row of rows) {
    const values = spec.columns.map((column) =>
      cellForExcel(column, row[column.key], timeZone, totals),
    );
    addDataRow(worksheet, values, styles);
  }
  setAutoFilter(worksheet, spec.columns.length, rows.length);
  addTotalsRow(worksheet, spec.columns, rows.length, totals, totalsLabel);
  worksheet.commit();
}

/**
 * Writes the workbook: the main sheet streamed from `spec.rows`, then the
 * summary sheets. Resolves once the whole file is written (the target
 * stream has been ended); rejects with the first error of the row source,
 * a bad value or the output, after removing a half-written file.
 */
export async function writeWorkbook<Key extends string>(
  target: WorkbookTarget,
  spec: WorkbookSpec<Key>,
): Promise<WorkbookResult<Key>> {
  const timeZone = spec.timeZone ?? DEFAULT_TIME_ZONE;
  const totalsLabel = spec.totalsLabel ?? DEFAULT_TOTALS_LABEL;
  const progressEvery = spec.progressEvery ?? 1000;
  const path = typeof target === "string" ? target : undefined;
  const output = typeof target === "string" ? createWriteStream(target) : target;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const columns: readonly ExportColumn<Key>[] = spec.columns;
  const totals = new ColumnTotals<Key>(columns);
  const zip = zipOf(workbook);
  const watch = watchForFailure(output, zip);
  let rowsWritten = 0;
  try {
    const worksheet = addSheet(workbook, spec);
    const input = sheetInput(worksheet);
    const styles = columnStyles(columns);
    for await (const row of spec.rows) {
      const values = columns.map((column) =>
        cellForExcel(column, row[column.key], timeZone, totals),
      );
      addDataRow(worksheet, values, styles);
      rowsWritten += 1;
      if (rowsWritten % ROWS_BETWEEN_CHECKS === 0) await waitForSheetToDrain(input, watch.failed);
      if (rowsWritten % progressEvery === 0) spec.onProgress?.(rowsWritten);
    }
    setAutoFilter(worksheet, columns.length, rowsWritten);
    addTotalsRow(worksheet, columns, rowsWritten, totals as ColumnTotals, totalsLabel);
    worksheet.commit();
    for (const summary of spec.summarySheets ?? []) {
      writeSummarySheet(workbook, summary, timeZone, totalsLabel);
    }
    // Our own file: resolve once its descriptor is closed, not just flushed.
    const closed = path !== undefined ? once(output, "close") : undefined;
    closed?.catch(() => {});
    await Promise.race([workbook.commit(), watch.failed]);
    watch.stop();
    await closed;
  } catch (error) {
    watch.stop();
    await abandon(zip, output, path);
    throw error;
  }
  // The end is always reported once, an empty export (0 rows) too.
  if (rowsWritten === 0 || rowsWritten % progressEvery !== 0) spec.onProgress?.(rowsWritten);
  return { rowsWritten, totals: totals.toRecord() };
}

type Zip = NodeJS.EventEmitter & { abort(): void; unpipe(to: Writable): void };

/** The archiver instance exceljs writes the zip with (not in its typings). */
function zipOf(workbook: ExcelJS.stream.xlsx.WorkbookWriter): Zip | undefined {
  return (workbook as unknown as { zip?: Zip }).zip;
}

/** Stops the zip; removes our half-written file. A caller's stream is left to the caller. */
async function abandon(
  zip: Zip | undefined,
  output: Writable,
  path: string | undefined,
): Promise<void> {
  // A late error from either must not crash the process once nobody listens.
  output.on("error", () => {});
  zip?.on("error", () => {});
  zip?.unpipe(output);
  zip?.abort();
  if (path === undefined) return;
  if (!output.closed) {
    const closed = once(output, "close").catch(() => undefined);
    output.destroy();
    await closed;
  }
  await rm(path, { force: true });
}
