/**
 * Every scheduled job, by name. A job is a plain function of the time: it
 * decides what is due at `now` and queues it in the outbox with dedupe keys,
 * so running it twice, late, or on two servers queues each message once.
 * The scheduler (scheduler.ts) runs it on its cron schedule and records each
 * scheduled slot in `job_runs`; `npm run job -- <name> [--at <iso>]` runs it
 * by hand.
 */
import { calendarRemindersJob } from "./calendar-reminders.ts";
import { dailyDigestJob, weeklyDigestJob } from "./digests.ts";
import type { Job } from "./job.ts";
import { outboxCleanupJob } from "./outbox-cleanup.ts";
import { updatesCleanupJob } from "./updates-cleanup.ts";

export type { Job, JobDependencies } from "./job.ts";

export const jobs: readonly Job[] = [
  calendarRemindersJob,
  outboxCleanupJob,
  updatesCleanupJob,
  dailyDigestJob,
  weeklyDigestJob,
];

export function findJob(name: string, registry: readonly Job[] = jobs): Job | undefined {
  return registry.find((job) => job.name === name);
}
