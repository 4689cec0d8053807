/**
 * Runs one scheduled job by hand, at any instant:
 *
 *   npm run job -- deadline-reminders
 *   npm run job -- fair-reminders --at 2026-12-03T08:00:00+07:00
 *   npm run job -- --list
 *
 * It opens the database the bot uses (DATABASE_URL, or the PGlite folder in
 * DATA_DIR: stop the bot first, PGlite allows one process), runs the job as
 * if the clock showed `--at` (default: now), prints what it queued, and
 * closes. Jobs are idempotent: running one that already ran queues nothing
 * twice. What it queues is sent by the bot's outbox sender.
 */
import { parseArgs } from "node:util";
import { type Clock, FakeClock, systemClock } from "../clock.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { DataDirLockedError, openDatabase } from "../db/client.ts";
import { createI18n } from "../i18n.ts";
import { findJob, jobs } from "../jobs/registry.ts";
import { createLogger } from "../logger.ts";

const usage = `Usage: npm run job -- <name> [--at <ISO time>]
       npm run job -- --list

Jobs:
${jobs.map((job) => `  ${job.name.padEnd(20)} ${job.schedule.padEnd(12)} ${job.description}`).join("\n")}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      at: { type: "string" },
      list: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help || values.list) {
    console.log(usage);
    return 0;
  }
  const [name] = positionals;
  const job = name === undefined ? undefined : findJob(name);
  if (!job) {
    console.error(name === undefined ? usage : `No job named "${name}".\n\n${usage}`);
    return 2;
  }
  let clock: Clock = systemClock;
  if (values.at !== undefined) {
    const at = new Date(values.at);
    if (Number.isNaN(at.getTime())) {
      console.error(
        `--at "${values.at}" is not a time: use ISO 8601, e.g. 2026-12-03T08:00:00+07:00`,
      );
      return 2;
    }
    clock = new FakeClock(at);
  }

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, { withoutBotToken: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  try {
    const now = clock.now();
    const started = performance.now();
    const result = await job.run(now, {
      db: database.db,
      clock,
      logger,
      i18n: createI18n(),
      config,
    });
    console.log(
      JSON.stringify(
        {
          job: job.name,
          at: now.toISOString(),
          ms: Math.round(performance.now() - started),
          result,
        },
        (_, value) => (typeof value === "bigint" ? value.toString() : value),
        2,
      ),
    );
    const queued = (result as { queued?: unknown }).queued;
    if (Array.isArray(queued)) {
      console.log(
        queued.length === 0
          ? "Queued nothing new."
          : `Queued ${queued.length} message(s); the bot's outbox sender delivers them.`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
