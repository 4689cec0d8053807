/**
 * The export's worker thread (see export-runner.ts): opens a connection of
 * its own to PostgreSQL, writes the list to the file it was given, reports
 * progress and the outcome to its parent, and ends.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadProvince } from "../../data/load-province.ts";
import { openDatabase } from "../../db/client.ts";
import { createI18n } from "../../i18n.ts";
import { writeApplicationList } from "./export.ts";
import type { WorkerJob, WorkerMessage } from "./export-runner.ts";

const job = workerData as WorkerJob;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

const handle = await openDatabase({ kind: "postgres", url: job.databaseUrl, maxConnections: 1 });
try {
  const i18n = createI18n();
  const outcome = await writeApplicationList(job.path, {
    db: handle.db,
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
  post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
} finally {
  await handle.close();
}
