/**
 * The streaming workbook writer at 10,000 and 100,000 rows of 22 columns
 * (an application list as officers export it): time to write the file and
 * peak memory. Each size runs in a child process of its own, so the two
 * never share a heap and the peak (the kernel's maxRSS) belongs to one size.
 * Rows come from an async generator, one at a time, as from a database
 * cursor. Prints one JSON line.
 *
 * Targets: 100,000 rows in under 20 s; peak RSS at 100,000 no more than
 * 1.3 × that at 10,000 (memory flat in the number of rows).
 *
 * Also printed: CPU time (the wall clock of a shared machine counts its
 * neighbours too) and the heap still in use after a full collection at the
 * end, which stays the same at both sizes when nothing is kept per row.
 * Most of the difference in peak RSS between the sizes is V8 growing its
 * young generation once a run of short-lived objects goes on (new space
 * went from 16 to 32 MB between 10,000 and 20,000 rows; from there RSS
 * stayed at 139–145 MB up to 100,000, old space at 15 MB): with
 * --max-semi-space-size=2 the peaks were 109 and 128 MB.
 *
 *   node --import tsx bench/export-toolkit.ts
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExportColumn, ExportRow } from "../src/services/export/columns.ts";
import { writeWorkbook } from "../src/services/export/xlsx.ts";

const COLUMNS = [
  { key: "code", header: "Mã hồ sơ", kind: "text" },
  { key: "name", header: "Tên cơ sở", kind: "text" },
  { key: "legalForm", header: "Loại hình", kind: "text" },
  { key: "taxCode", header: "Mã số thuế", kind: "text" },
  { key: "commune", header: "Xã, phường", kind: "text" },
  { key: "address", header: "Địa chỉ", kind: "text" },
  { key: "representative", header: "Người đại diện", kind: "text" },
  { key: "phone", header: "Điện thoại", kind: "text" },
  { key: "workers", header: "Số lao động", kind: "integer" },
  { key: "program", header: "Nguồn kinh phí", kind: "text" },
  { key: "category", header: "Nội dung hỗ trợ", kind: "text" },
  { key: "title", header: "Tên đề án", kind: "text" },
  { key: "description", header: "Mô tả", kind: "text" },
  { key: "totalCost", header: "Tổng kinh phí (đồng)", kind: "money" },
  { key: "requested", header: "Đề nghị hỗ trợ (đồng)", kind: "money" },
  { key: "counterpart", header: "Vốn đối ứng (đồng)", kind: "money" },
  { key: "approved", header: "Được duyệt (đồng)", kind: "money" },
  { key: "share", header: "Tỷ lệ hỗ trợ", kind: "percent" },
  { key: "submittedAt", header: "Ngày nộp", kind: "date" },
  { key: "decidedOn", header: "Ngày quyết định", kind: "date" },
  { key: "status", header: "Trạng thái", kind: "text" },
  { key: "planYear", header: "Năm kế hoạch", kind: "integer" },
] as const satisfies readonly ExportColumn[];

type Key = (typeof COLUMNS)[number]["key"];

const COMMUNES = ["Lộc Bình", "Bắc Sơn", "Hữu Lũng", "Cao Lộc", "Đình Lập", "Na Sầm", "Kỳ Lừa"];
const CATEGORIES = ["Máy móc thiết bị", "Đào tạo nghề", "Hội chợ, triển lãm", "Tư vấn"];

async function* syntheticRows(count: number): AsyncGenerator<ExportRow<Key>> {
  for (let index = 0; index < count; index++) {
    const commune = COMMUNES[index % COMMUNES.length] ?? "";
    const totalCost = 200_000_000n + BigInt(index % 997) * 1_000_000n;
    const requested = totalCost / 2n;
    yield {
      code: `LS-2026-${String(index + 1).padStart(6, "0")}`,
      name: `Hợp tác xã Chè ${commune} số ${index}`,
      legalForm: "Hợp tác xã",
      taxCode: String(4_900_000_000 + index),
      commune,
      address: `Thôn Nà Lừa ${index % 50}, xã ${commune}, tỉnh Lạng Sơn`,
      representative: "Nguyễn Thị Hường",
      phone: `+8491${String(index).padStart(7, "0")}`,
      workers: 5 + (index % 40),
      program: index % 3 === 0 ? "Khuyến công quốc gia" : "Khuyến công địa phương",
      category: CATEGORIES[index % CATEGORIES.length] ?? "",
      title: "Ứng dụng máy sao chè và máy vò chè trong sản xuất chè xanh",
      description:
        "Đầu tư dây chuyền sao, vò chè liên hoàn công suất 500 kg chè búp tươi/ngày, thay thế lao động thủ công.",
      totalCost,
      requested,
      counterpart: totalCost - requested,
      approved: index % 4 === 0 ? null : requested.toString(),
      share: 0.5,
      submittedAt: new Date(Date.UTC(2026, 8, 1 + (index % 28), 3, 0, 0)),
      decidedOn: index % 4 === 0 ? null : "2026-11-20",
      status: index % 4 === 0 ? "Đang xem xét" : "Đã duyệt",
      planYear: 2027,
    };
  }
}

async function child(rows: number): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), "kc-bench-export-"));
  const path = join(directory, "export.xlsx");
  try {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await writeWorkbook(path, { name: "Danh sách", columns: COLUMNS, rows: syntheticRows(rows) });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    // What stays live once the garbage is collected: flat if nothing leaks.
    (globalThis as { gc?: () => void }).gc?.();
    const heapAfterGcMb = process.memoryUsage().heapUsed / 1024 / 1024;
    const fileMb = statSync(path).size / 1024 / 1024;
    process.stdout.write(`${JSON.stringify({ ms, cpuMs, peakRssMb, heapAfterGcMb, fileMb })}\n`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function runChild(rows: number): {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  heapAfterGcMb: number;
  fileMb: number;
} {
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", new URL(import.meta.url).pathname, "--child", String(rows)],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (result.status !== 0) throw new Error(`the ${rows}-row run failed (exit ${result.status})`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}");
}

const childArg = process.argv.indexOf("--child");
if (childArg >= 0) {
  await child(Number(process.argv[childArg + 1]));
} else {
  const small = runChild(10_000);
  const large = runChild(100_000);
  const round = (n: number) => Math.round(n);
  process.stdout.write(
    `${JSON.stringify({
      bench: "export-toolkit",
      rows_10k_ms: round(small.ms),
      rows_100k_ms: round(large.ms),
      peak_rss_10k_mb: round(small.peakRssMb),
      peak_rss_100k_mb: round(large.peakRssMb),
      // CPU time too: on a shared machine the wall clock also counts the neighbours.
      cpu_10k_ms: round(small.cpuMs),
      cpu_100k_ms: round(large.cpuMs),
      heap_after_gc_10k_mb: round(small.heapAfterGcMb),
      heap_after_gc_100k_mb: round(large.heapAfterGcMb),
      file_10k_mb: Number(small.fileMb.toFixed(1)),
      file_100k_mb: Number(large.fileMb.toFixed(1)),
      rss_ratio: Number((large.peakRssMb / small.peakRssMb).toFixed(2)),
    })}\n`,
  );
}
