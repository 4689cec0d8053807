/**
 * `npm run bench:officer -- --applications N` — the officers' reports at
 * province and national scale. Fills a database (PostgreSQL in a scratch
 * database of the server at DATABASE_URL, else a PGlite folder) with N
 * realistic applications over communes, categories, statuses and three plan
 * years; then, in a child process of its own (so the peak memory is the
 * reports', not the seeding's), measures the daily digest's query, the first
 * page of /inbox (median of 5 after a warm-up) and the full export of every
 * application to an .xlsx file. Prints one JSON line:
 *
 *   {"bench":"officer","applications":…,"digest_ms":…,"inbox_ms":…,"export_ms":…,"export_rows":…,"peak_rss_mb":…}
 *
 * Targets at 100,000: digest and inbox under 200 ms, export under 20 s, peak
 * RSS no more than 1.3 × that at 10,000.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { FakeClock } from "../src/clock.ts";
import { parseConfig } from "../src/config.ts";
import { loadProvince } from "../src/data/load-province.ts";
import { type DatabaseTarget, openDatabase } from "../src/db/client.ts";
import type { AppDependencies } from "../src/dependencies.ts";
import { createI18n } from "../src/i18n.ts";
import { silentLogger } from "../src/logger.ts";
import { listInbox } from "../src/services/applications/queries.ts";
import { runExport } from "../src/services/reports/export-runner.ts";
import { reportFigures } from "../src/services/reports/figures.ts";
import { seedSampleApplications } from "../src/tools/sample-data.ts";
import { scratchDatabase } from "./scratch-database.ts";

const NOW = "2026-11-23T03:00:00Z";
const DAY = 86_400_000;

function dependencies(db: AppDependencies["db"]): AppDependencies {
  const config = parseConfig({ BOT_TOKEN: "0:bench", LOG_LEVEL: "silent" });
  return {
    db,
    config,
    logger: silentLogger,
    clock: new FakeClock(NOW),
    province: loadProvince(config.province),
    i18n: createI18n(),
  };
}

const databaseOf = (target: DatabaseTarget): AppDependencies["config"]["database"] =>
  target.kind === "postgres"
    ? { kind: "postgres", url: target.url }
    : { kind: "pglite", dataDir: target.kind === "pglite" ? target.dataDir : "" };

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: plans and caches, as on a server that has been running
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The child: measures on a database already filled, prints its figures as JSON. */
async function measure(target: DatabaseTarget): Promise<void> {
  const handle = await openDatabase(target);
  const deps = dependencies(handle.db);
  const now = deps.clock.now();
  const { reports } = deps.config;
  const digestMs = await median(5, () =>
    reportFigures(handle.db, {
      since: new Date(now.getTime() - DAY),
      until: now,
      now,
      decisionWaitDays: reports.decisionWaitDays,
      supplementWaitDays: reports.supplementWaitDays,
    }),
  );
  const inboxMs = await median(5, () => listInbox(handle.db, {}, { offset: 0, limit: 8 }));
  const folder = mkdtempSync(join(tmpdir(), "kc-bench-officer-"));
  try {
    const started = performance.now();
    // as the bot makes it: in a worker thread on PostgreSQL, in this thread on PGlite
    const outcome = await runExport({
      db: handle.db,
      config: { ...deps.config, database: databaseOf(target) },
      province: deps.province,
      i18n: deps.i18n,
      language: "vi",
      filter: {},
      format: "xlsx",
      path: join(folder, "list.xlsx"),
      progressEvery: 10_000,
      onProgress: () => {},
    });
    const exportMs = performance.now() - started;
    process.stdout.write(
      `${JSON.stringify({
        digest_ms: round(digestMs),
        inbox_ms: round(inboxMs),
        export_ms: Math.round(exportMs),
        export_rows: outcome.rowsWritten,
        peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      })}\n`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await handle.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      applications: { type: "string", default: "10000" },
      measure: { type: "string" },
    },
  });
  if (values.measure) {
    await measure(JSON.parse(values.measure) as DatabaseTarget);
    return;
  }
  const count = Number(values.applications);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error("--applications must be a number");
  const scratch = process.env.DATABASE_URL
    ? await scratchDatabase(process.env.DATABASE_URL)
    : undefined;
  const folder = scratch ? undefined : mkdtempSync(join(tmpdir(), "kc-bench-officer-db-"));
  const target: DatabaseTarget = scratch
    ? { kind: "postgres", url: scratch.url }
    : { kind: "pglite", dataDir: folder ?? "" };
  try {
    const handle = await openDatabase(target);
    const seeding = performance.now();
    await seedSampleApplications(dependencies(handle.db), { count, seed: 2026 });
    // What autovacuum does on a live server soon after a bulk load: the visibility map and the
    // planner's statistics (index-only scans need the one, good plans the other).
    await handle.db.execute(sql`vacuum analyze applications`);
    const seedMs = performance.now() - seeding;
    await handle.close();
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), "--measure", JSON.stringify(target)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    if (child.status !== 0) throw new Error(`the measuring process exited with ${child.status}`);
    const figures = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}");
    process.stderr.write(`seeded ${count} applications in ${Math.round(seedMs)} ms\n`);
    process.stdout.write(
      `${JSON.stringify({ bench: "officer", applications: count, ...figures })}\n`,
    );
  } finally {
    await scratch?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}

await main();
