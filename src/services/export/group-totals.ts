/**
 * Totals by group (by support category, by commune) gathered while the main
 * rows stream into a workbook, for its summary sheets ("Theo nội dung",
 * "Theo xã"). Summing the very rows that were written keeps the summary
 * sheets equal to the main sheet, which a second query could not promise
 * while applications keep arriving.
 *
 *   const byCommune = new GroupTotals("commune", ["requested", "approved"]);
 *   await writeWorkbook(path, {
 *     ...,
 *     rows: tap(applicationRows, (row) => byCommune.add(row)),
 *     summarySheets: [{ name: "Theo xã", columns, rows: () => byCommune.rows() }],
 *   });
 */
import { type CellValue, type ExportColumn, type ExportRow, normalizeCell } from "./columns.ts";

/** What a summary row holds: the group, how many rows it had, and the sums. */
export type GroupRow<GroupKey extends string, MoneyKey extends string> = Record<GroupKey, string> &
  Record<MoneyKey, bigint> & { count: number };

const collator = new Intl.Collator("vi");

export class GroupTotals<GroupKey extends string, MoneyKey extends string> {
  private readonly groups = new Map<string, { count: number; sums: bigint[] }>();
  private readonly moneyColumns: readonly ExportColumn<MoneyKey>[];

  constructor(
    private readonly groupKey: GroupKey,
    moneyKeys: readonly MoneyKey[],
    /** The group of rows whose group value is empty. */
    private readonly emptyGroup = "",
  ) {
    this.moneyColumns = moneyKeys.map((key) => ({ key, header: key, kind: "money" }));
  }

  /** Counts the row in its group and adds its amounts (checked as money columns are). */
  add(row: ExportRow<GroupKey | MoneyKey>): void {
    const value: CellValue = row[this.groupKey];
    const group = value === null || value === undefined ? this.emptyGroup : String(value);
    let entry = this.groups.get(group);
    if (entry === undefined) {
      entry = { count: 0, sums: this.moneyColumns.map(() => 0n) };
      this.groups.set(group, entry);
    }
    entry.count += 1;
    const { sums } = entry;
    this.moneyColumns.forEach((column, index) => {
      const cell = normalizeCell(column, row[column.key], "UTC");
      if (cell.type === "money") sums[index] = (sums[index] ?? 0n) + cell.amount;
    });
  }

  /** One row per group, in Vietnamese alphabetical order of the group. */
  rows(): GroupRow<GroupKey, MoneyKey>[] {
    return [...this.groups.entries()]
      .sort(([a], [b]) => collator.compare(a, b))
      .map(([group, { count, sums }]) => {
        const row: Record<string, string | number | bigint> = { [this.groupKey]: group, count };
        this.moneyColumns.forEach(({ key }, index) => {
          row[key] = sums[index] ?? 0n;
        });
        return row as GroupRow<GroupKey, MoneyKey>;
      });
  }
}

/** Passes every row on unchanged after showing it to `see`. */
export async function* tap<Row>(
  rows: AsyncIterable<Row> | Iterable<Row>,
  see: (row: Row) => void,
): AsyncGenerator<Row> {
  for await (const row of rows) {
    see(row);
    yield row;
  }
}
