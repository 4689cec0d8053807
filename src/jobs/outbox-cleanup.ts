import { lt } from "drizzle-orm";
import { jobRuns } from "../db/schema/index.ts";
import { deleteFinishedBefore } from "../outbox/store.ts";
import type { Job } from "./job.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Sent messages are kept this long. Their dedupe keys go with them, so this
 * must outlast any job's window for queuing the same key again (reminders
 * stop at the event itself, digests at their day).
 */
export const SENT_RETENTION_DAYS = 30;
/** failed and dead messages are kept longer, for officers to look into */
export const FAILED_RETENTION_DAYS = 90;
export const JOB_RUN_RETENTION_DAYS = 90;

export interface OutboxCleanupResult {
  deletedSent: number;
  deletedFailed: number;
  deletedJobRuns: number;
}

export const outboxCleanupJob: Job<OutboxCleanupResult> = {
  name: "outbox-cleanup",
  schedule: "30 3 * * *",
  description: `deletes sent outbox rows after ${SENT_RETENTION_DAYS} days, failed and dead ones after ${FAILED_RETENTION_DAYS}`,
  async run(now, { db }) {
    const at = now.getTime();
    const outbox = await deleteFinishedBefore(db, {
      sentBefore: new Date(at - SENT_RETENTION_DAYS * DAY),
      failedBefore: new Date(at - FAILED_RETENTION_DAYS * DAY),
    });
    const runs = await db
      .delete(jobRuns)
      .where(lt(jobRuns.ranAt, new Date(at - JOB_RUN_RETENTION_DAYS * DAY)))
      .returning({ job: jobRuns.job });
    return { deletedSent: outbox.sent, deletedFailed: outbox.failed, deletedJobRuns: runs.length };
  },
};
