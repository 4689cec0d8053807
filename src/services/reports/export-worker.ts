/**
 * The export's worker thread (see export-runner.ts): opens a connection of
 * its own to PostgreSQL (never migrating: the bot did at start), writes the list to the file it was given, reports
 * progress and the outcome to its parent, and ends.
 */
import { parentPort, workerData } from "node:worker_threads";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { loadProvince } from "../../data/load-province.ts";
import type { Database } from "../../db/client.ts";
import * as schema from "../../db/schema/index.ts";
import { createI18n } from "../../i18n.ts";
import { writeApplicationList } from "./export.ts";
import type { WorkerJob, WorkerMessage } from "./export-runner.ts";

const job = workerData as WorkerJob;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

// One connection of its own; the bot has migrated the database already.
const client = postgres(job.databaseUrl, { max: 1, onnotice: () => {} });
try {
  const i18n = createI18n();
  const outcome = await writeApplicationList(job.path, {
    db: drizzle(client, { schema }) as unknown as Database,
    province: loadProvince(job.province),
    t: (key, variables) => i18n.t(job.language, key, variables),
    filter: job.filter,
    format: job.format,
    timeZone: job.timeZone,
    progressEvery: job.progressEvery,
    onProgress: (rowsWritten) => post({ type: "progress", rowsWritten }),
  });
  post({ type: "done", outcome });
} catch (error) {
  // the database's own words travel as the cause of drizzle's "Failed query"
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  post({
    type: "failed",
    message: `${error instanceof Error ? error.message : String(error)}${cause}`,
  });
} finally {
  await client.end({ timeout: 5 });
}
