import { describe, expect, it } from "vitest";
import { ExportValueError } from "../../src/services/export/columns.ts";
import { GroupTotals, tap } from "../../src/services/export/group-totals.ts";

describe("GroupTotals", () => {
  it("counts and sums each group exactly, in Vietnamese alphabetical order", () => {
    const byCommune = new GroupTotals("commune", ["requested", "approved"], "(chưa rõ xã)");
    const rows = [
      { commune: "Lộc Bình", requested: 300_000_000n, approved: "150000000" },
      { commune: "Đình Lập", requested: "2000000000000000", approved: null },
      { commune: "Bắc Sơn", requested: 1_000n, approved: 1_000 },
      { commune: "Lộc Bình", requested: "1", approved: undefined },
      { commune: null, requested: 5n, approved: 5n },
      { commune: "Đình Lập", requested: "2000000000000000", approved: 7n },
    ];
    for (const row of rows) byCommune.add(row);
    expect(byCommune.rows()).toEqual([
      { commune: "(chưa rõ xã)", count: 1, requested: 5n, approved: 5n },
      { commune: "Bắc Sơn", count: 1, requested: 1_000n, approved: 1_000n },
      // Đ sorts after D and before L in Vietnamese; the sum is beyond 2^53 and exact
      { commune: "Đình Lập", count: 2, requested: 4_000_000_000_000_000n, approved: 7n },
      { commune: "Lộc Bình", count: 2, requested: 300_000_001n, approved: 150_000_000n },
    ]);
  });

  it("refuses an amount that is not an integer of đồng", () => {
    const byCategory = new GroupTotals("category", ["requested"]);
    expect(() => byCategory.add({ category: "Tư vấn", requested: "1,5 tỷ" })).toThrow(
      ExportValueError,
    );
  });

  it("has no rows before any is added", () => {
    expect(new GroupTotals("category", ["requested"]).rows()).toEqual([]);
  });
});

describe("tap", () => {
  it("shows every row, in order, and passes it on unchanged", async () => {
    const seen: number[] = [];
    const passed: number[] = [];
    for await (const row of tap([1, 2, 3], (value) => seen.push(value))) passed.push(row);
    expect(seen).toEqual([1, 2, 3]);
    expect(passed).toEqual([1, 2, 3]);
  });
});
