/**
 * Runs an export where it does not hold up the bot. On PostgreSQL the file
 * is made in a worker thread with a database connection of its own, so the
 * bot's event loop keeps answering everyone else while 100,000 rows are
 * read, formatted and compressed; the worker's young generation is capped,
 * so a long export does not grow the process's memory with its row count.
 * PGlite lives inside this thread and cannot be shared with another, so
 * there the export runs here, giving way between pages and every few
 * hundred rows (the writers wait on their output and yield).
 */
import { Worker } from "node:worker_threads";
import type { I18n } from "@grammyjs/i18n";
import type { Config } from "../../config.ts";
import type { Executor } from "../../db/client.ts";
import type { Language } from "../../db/schema/index.ts";
import type { Province } from "../../domain/province.ts";
import {
  type ExportFilter,
  type ExportFormat,
  type ExportOutcome,
  writeApplicationList,
} from "./export.ts";

/** What the worker is told (plain data: it crosses threads). */
export interface WorkerJob {
  databaseUrl: string;
  province: string;
  language: Language;
  filter: ExportFilter;
  format: ExportFormat;
  timeZone: string;
  path: string;
  progressEvery: number;
}

export type WorkerMessage =
  | { type: "progress"; rowsWritten: number }
  | { type: "done"; outcome: ExportOutcome }
  | { type: "failed"; message: string };

export interface ExportRun {
  db: Executor;
  config: Pick<Config, "database" | "province" | "timeZone">;
  province: Province;
  i18n: Pick<I18n, "t">;
  language: Language;
  filter: ExportFilter;
  format: ExportFormat;
  path: string;
  progressEvery: number;
  onProgress: (rowsWritten: number) => void;
}

/** Memory for the worker's short-lived objects (rows, cells, XML): enough to be quick, and flat. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 512 };

/** Writes the list to `run.path`: in a worker thread on PostgreSQL, here on PGlite. */
export function runExport(run: ExportRun): Promise<ExportOutcome> {
  if (run.config.database.kind !== "postgres") {
    return writeApplicationList(run.path, {
      db: run.db,
      province: run.province,
      t: (key, variables) => run.i18n.t(run.language, key, variables),
      filter: run.filter,
      format: run.format,
      timeZone: run.config.timeZone,
      progressEvery: run.progressEvery,
      onProgress: run.onProgress,
    });
  }
  return exportInWorker(
    {
      databaseUrl: run.config.database.url,
      province: run.config.province,
      language: run.language,
      filter: run.filter,
      format: run.format,
      timeZone: run.config.timeZone,
      path: run.path,
      progressEvery: run.progressEvery,
    },
    run.onProgress,
  );
}

/** Runs one export in a worker thread; rejects if it fails or dies. */
export function exportInWorker(
  job: WorkerJob,
  onProgress: (rowsWritten: number) => void = () => {},
): Promise<ExportOutcome> {
  return new Promise((resolve, reject) => {
    // The worker runs our TypeScript sources through tsx, as the bot does, whoever started us
    // (node --import tsx, or vitest).
    const entry = JSON.stringify(new URL("./export-worker.ts", import.meta.url).href);
    const worker = new Worker(
      `import("tsx/esm/api").then(({ register }) => { register(); return import(${entry}); })`,
      { eval: true, workerData: job, resourceLimits: WORKER_LIMITS },
    );
    let settled = false;
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress(message.rowsWritten);
      else if (message.type === "done") {
        settled = true;
        resolve(message.outcome);
      } else {
        settled = true;
        reject(new Error(`the export failed: ${message.message}`));
      }
    });
    worker.on("error", (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`the export's worker stopped with code ${code}`));
      settled = true;
    });
  });
}
