/**
 * The column spec shared by the spreadsheet and the CSV writers, and the one
 * place where a row's raw values (as a database row or a service hands them
 * over) become typed cells. Both writers format from the same normalized
 * cell, so a workbook and a CSV of the same rows always agree.
 *
 * Bad values throw: rows come from our own database, so a money column
 * holding "abc" is a programming error to see at once, not data to guess at.
 */
import { type CalendarDate, isValidDate, localParts } from "../../domain/dates.ts";

/**
 * - `text`: a string (numbers and bigints are written as their digits)
 * - `money`: integer VND as a bigint, a decimal string ("1500000") or a safe integer
 * - `integer`: a whole number (workers, a year…), no thousands separator
 * - `date`: a JS Date (the calendar day it falls on in the export's time
 *   zone) or a calendar day "YYYY-MM-DD"; shown dd/mm/yyyy
 * - `percent`: a fraction (0.5 is 50 %)
 */
export type ColumnKind = "text" | "money" | "integer" | "date" | "percent";

/** What a row may hold in a cell; null and undefined leave the cell empty. */
export type CellValue = string | number | bigint | Date | null | undefined;

export type ExportRow<Key extends string = string> = Readonly<Record<Key, CellValue>>;

export interface ExportColumn<Key extends string = string> {
  /** The row's property this column shows. */
  key: Key;
  /** The header a person reads (Vietnamese). */
  header: string;
  kind: ColumnKind;
  /** In characters; the default depends on the kind and the header. */
  width?: number;
  /**
   * Summed in the workbook's totals row. Default: money columns. Only money
   * and integer columns can be summed (a count of applications, of workers).
   */
  total?: boolean;
}

/** A cell after checking: what both writers format. */
export type NormalizedCell =
  | { type: "empty" }
  | { type: "text"; text: string }
  | { type: "number"; number: number }
  | { type: "integer"; whole: bigint; number: number }
  | { type: "money"; amount: bigint; number: number }
  | { type: "date"; date: CalendarDate };

export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

/**
 * A spreadsheet stores every number as an IEEE double, exact for integers up
 * to 2^53 − 1 (about 9 × 10^15). VND amounts stay below 10^15 (MONEY_MAX in
 * domain/money.ts), and Excel shows 15 significant digits, so every amount
 * we hold converts exactly; anything beyond this guard would be silently
 * rounded, so it throws instead.
 */
export const LARGEST_EXACT_AMOUNT = BigInt(Number.MAX_SAFE_INTEGER);

export class ExportValueError extends Error {
  override name = "ExportValueError";
}

/** An exact number for an amount, or a RangeError if a double cannot hold it. */
export function amountToNumber(amount: bigint): number {
  if (amount > LARGEST_EXACT_AMOUNT || amount < -LARGEST_EXACT_AMOUNT) {
    throw new RangeError(`amount ${amount} is beyond 2^53 and cannot be written exactly`);
  }
  return Number(amount);
}

const EMPTY: NormalizedCell = { type: "empty" };

function cannotHold(column: ExportColumn, value: unknown): string {
  const shown =
    value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : String(value);
  return `column "${column.key}" (${column.kind}) cannot hold ${typeof value} ${JSON.stringify(shown)}`;
}

function toAmount(column: ExportColumn, value: CellValue): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  throw new ExportValueError(cannotHold(column, value));
}

const QUARTER_HOUR = 15 * 60 * 1000;
const dayCache = new Map<string, CalendarDate>();
const DAY_CACHE_LIMIT = 10_000;

/**
 * The calendar day of an instant in a zone. Intl is slow for 100,000 rows,
 * so days are remembered by quarter hour: every zone in use today changes
 * its offset, and so reaches midnight, only on a quarter hour, so all the
 * instants of one quarter hour fall on the same day.
 */
function calendarDayOf(instant: Date, timeZone: string): CalendarDate {
  const key = `${timeZone} ${Math.floor(instant.getTime() / QUARTER_HOUR)}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    const { year, month, day: dayOfMonth } = localParts(instant, timeZone);
    day = { year, month, day: dayOfMonth };
    if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
    dayCache.set(key, day);
  }
  return day;
}

function toCalendarDate(column: ExportColumn, value: CellValue, timeZone: string): CalendarDate {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return calendarDayOf(value, timeZone);
  if (typeof value === "string") {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (match) {
      const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
      if (isValidDate(date)) return date;
    }
  }
  throw new ExportValueError(cannotHold(column, value));
}

/** Checks one value against its column and turns it into a typed cell. */
export function normalizeCell(
  column: ExportColumn,
  value: CellValue,
  timeZone: string,
): NormalizedCell {
  if (value === null || value === undefined) return EMPTY;
  switch (column.kind) {
    case "text":
      if (value instanceof Date) throw new ExportValueError(cannotHold(column, value));
      return { type: "text", text: String(value) };
    case "money": {
      const amount = toAmount(column, value);
      return { type: "money", amount, number: amountToNumber(amount) };
    }
    case "integer": {
      const whole = toAmount(column, value);
      return { type: "integer", whole, number: amountToNumber(whole) };
    }
    case "percent":
      if (typeof value === "number" && Number.isFinite(value)) {
        return { type: "number", number: value };
      }
      throw new ExportValueError(cannotHold(column, value));
    case "date":
      return { type: "date", date: toCalendarDate(column, value, timeZone) };
  }
}

/** Widths in characters that fit the usual content of each kind. */
const KIND_WIDTHS: Record<ColumnKind, number> = {
  text: 28,
  // "999.999.999.999" and a little air
  money: 18,
  integer: 10,
  date: 12,
  percent: 10,
};

/** Headers wrap, so a column needs only its longest header word to fit. */
export function columnWidth(column: ExportColumn): number {
  if (column.width !== undefined) return column.width;
  const longestWord = Math.max(...column.header.split(/\s+/).map((word) => word.length));
  return Math.max(KIND_WIDTHS[column.kind], longestWord + 2);
}

/** Whether the totals row sums this column. */
export function isTotalled(column: ExportColumn): boolean {
  if (column.kind !== "money" && column.kind !== "integer") return false;
  return column.total ?? column.kind === "money";
}

/**
 * Exact sums (as bigints) of the totalled columns, gathered while rows go
 * by; the totals row and the caller's result read them at the end.
 */
export class ColumnTotals<Key extends string = string> {
  private readonly sums = new Map<Key, bigint>();

  constructor(columns: readonly ExportColumn<Key>[]) {
    for (const column of columns) if (isTotalled(column)) this.sums.set(column.key, 0n);
  }

  /** Adds to the column's sum; a column that is not totalled is ignored. */
  add(key: Key, value: bigint): void {
    const sum = this.sums.get(key);
    if (sum !== undefined) this.sums.set(key, sum + value);
  }

  get(key: Key): bigint {
    return this.sums.get(key) ?? 0n;
  }

  toRecord(): Partial<Record<Key, bigint>> {
    return Object.fromEntries(this.sums) as Partial<Record<Key, bigint>>;
  }
}
