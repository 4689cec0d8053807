/**
 * The same rows as the workbook, as CSV: for a script, another system's
 * import, or an officer whose computer has no spreadsheet program.
 *
 * - UTF-8 with a byte-order mark: without it Excel reads the file in the
 *   machine's ANSI code page and "Lộc Bình" turns into "Lá»™c BÃ¬nh".
 * - RFC 4180: fields with a comma, a quote or a line break are quoted,
 *   quotes doubled; every line (the last too) ends with CRLF.
 * - Money as plain integers ("1500000"): "1.500.000" is 1.5 to a reader set
 *   to English, "1,500,000" collides with the comma between fields, and
 *   bare digits read the same in every program and locale.
 * - Dates dd/mm/yyyy; integers as digits; percentages as the fraction the
 *   workbook holds (0.5 for 50 %), with a decimal point.
 * - No totals row: a CSV is data, and a sum line would be imported as one
 *   more record.
 * - Text typed by the public that a spreadsheet would take for a formula
 *   (starting with = @ + - , see defuseFormula) gets a leading apostrophe,
 *   so opening the file never runs it (CSV injection, as OWASP describes
 *   it). The workbook needs no such guard: its strings are never formulas.
 *
 * Memory stays flat: rows are read one at a time and written through a
 * pipeline that waits whenever the output is full.
 */
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { formatDate } from "../../domain/dates.ts";
import {
  type CellValue,
  DEFAULT_TIME_ZONE,
  type ExportColumn,
  type ExportRow,
  normalizeCell,
} from "./columns.ts";

export const BYTE_ORDER_MARK = "\uFEFF";
const LINE_END = "\r\n";
/** Lines gathered into one write: fewer, larger writes are much faster. */
const LINES_PER_CHUNK = 256;

export interface CsvSpec<Key extends string> {
  columns: readonly ExportColumn<Key>[];
  rows: AsyncIterable<ExportRow<Key>> | Iterable<ExportRow<Key>>;
  /** Where a Date falls on the calendar; default Asia/Ho_Chi_Minh. */
  timeZone?: string;
  /** Called with the number of data rows written, every `progressEvery` rows and at the end. */
  onProgress?: (rowsWritten: number) => void;
  progressEvery?: number;
}

/** Quotes a field when RFC 4180 requires it. */
export function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * A leading apostrophe for text a spreadsheet would take for a formula:
 * anything starting with = or @ (or a tab or carriage return), and + or -
 * unless the rest is a plain number, so a phone number "+84912345678" stays
 * as it is while "-2+3+cmd|…" is defused.
 */
export function defuseFormula(text: string): string {
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]/.test(text) && !/^[+-][\d .]*$/.test(text)) return `'${text}`;
  return text;
}

function formatField(column: ExportColumn, value: CellValue, timeZone: string): string {
  const cell = normalizeCell(column, value, timeZone);
  switch (cell.type) {
    case "empty":
      return "";
    case "text":
      return quoteField(defuseFormula(cell.text));
    case "money":
      return cell.amount.toString();
    case "integer":
      return cell.whole.toString();
    case "number":
      // toPrecision trims binary noise (0.1 + 0.2) without losing a real digit.
      return String(Number(cell.number.toPrecision(12)));
    case "date":
      return formatDate(cell.date);
  }
}

async function* csvChunks<Key extends string>(
  spec: CsvSpec<Key>,
  counter: { rowsWritten: number },
): AsyncGenerator<string> {
  const timeZone = spec.timeZone ?? DEFAULT_TIME_ZONE;
  const progressEvery = spec.progressEvery ?? 1000;
  let chunk =
    BYTE_ORDER_MARK + spec.columns.map((column) => quoteField(column.header)).join(",") + LINE_END;
  let linesInChunk = 0;
  for await (const row of spec.rows) {
    chunk +=
      spec.columns.map((column) => formatField(column, row[column.key], timeZone)).join(",") +
      LINE_END;
    counter.rowsWritten += 1;
    linesInChunk += 1;
    if (linesInChunk === LINES_PER_CHUNK) {
      yield chunk;
      chunk = "";
      linesInChunk = 0;
    }
    if (counter.rowsWritten % progressEvery === 0) spec.onProgress?.(counter.rowsWritten);
  }
  yield chunk;
  if (counter.rowsWritten === 0 || counter.rowsWritten % progressEvery !== 0) {
    spec.onProgress?.(counter.rowsWritten);
  }
}

/**
 * Writes the CSV to a file path or a stream, and ends it. On failure (the
 * row source, a bad value, the output) the promise rejects, the stream is
 * destroyed, and a file we created is removed.
 */
export async function writeCsv<Key extends string>(
  target: string | Writable,
  spec: CsvSpec<Key>,
): Promise<{ rowsWritten: number }> {
  const counter = { rowsWritten: 0 };
  const output = typeof target === "string" ? createWriteStream(target) : target;
  try {
    await pipeline(Readable.from(csvChunks(spec, counter)), output);
  } catch (error) {
    if (typeof target === "string") await rm(target, { force: true });
    throw error;
  }
  return counter;
}
