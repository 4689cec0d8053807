import { deleteHandledBefore } from "../updates/store.ts";
import type { Job } from "./job.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Handled updates (done or set aside) are kept this long, then deleted.
 * It must stay under a week: Telegram picks update ids at random after a
 * week without updates, and `update_id` is unique in the inbox, so an old
 * row still there could make a new update with the same id look like a
 * redelivery and be dropped. Four days leave a few for looking into a
 * failure and the job a margin to run late.
 */
export const HANDLED_UPDATE_RETENTION_DAYS = 4;

export interface UpdatesCleanupResult {
  deletedUpdates: number;
}

export const updatesCleanupJob: Job<UpdatesCleanupResult> = {
  name: "updates-cleanup",
  schedule: "45 3 * * *",
  description: `deletes handled updates from the inbox after ${HANDLED_UPDATE_RETENTION_DAYS} days`,
  async run(now, { db }) {
    const before = new Date(now.getTime() - HANDLED_UPDATE_RETENTION_DAYS * DAY);
    return { deletedUpdates: await deleteHandledBefore(db, before) };
  },
};
