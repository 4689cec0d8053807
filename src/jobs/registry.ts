/**
 * Every scheduled job, by name. A job is a plain function of the time: it
 * decides what is due at `now` and queues it in the outbox with dedupe keys,
 * so running it twice, late, or on two servers queues each message once.
 * The scheduler (scheduler.ts) runs it on its cron schedule and records each
 * scheduled slot in `job_runs`; `npm run job -- <name> [--at <iso>]` runs it
 * by hand.
 */
import { deadlineRemindersJob } from "./deadline-reminders.ts";
import { dailyDigestJob, weeklyDigestJob } from "./digests.ts";
import { draftRemindersJob } from "./draft-reminders.ts";
import { fairRemindersJob } from "./fair-reminders.ts";
import type { Job } from "./job.ts";
import { outboxCleanupJob } from "./outbox-cleanup.ts";
import { resultRemindersJob } from "./result-reminders.ts";
import { updatesCleanupJob } from "./updates-cleanup.ts";

export type { Job, JobDependencies } from "./job.ts";

export const jobs: readonly Job[] = [
  deadlineRemindersJob,
  draftRemindersJob,
  fairRemindersJob,
  resultRemindersJob,
  outboxCleanupJob,
  updatesCleanupJob,
  dailyDigestJob,
  weeklyDigestJob,
];

export function findJob(name: string, registry: readonly Job[] = jobs): Job | undefined {
  return registry.find((job) => job.name === name);
}
