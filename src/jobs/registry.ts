/**
 * Every scheduled job, by name. A job is a plain function of the time: it
 * decides what is due at `now` and queues it in the outbox with dedupe keys,
 * so running it twice, late, or on two servers queues each message once.
 * The scheduler (scheduler.ts) runs it on its cron schedule and records each
 * scheduled slot in `job_runs`; `npm run job -- <name> [--at <iso>]` runs it
 * by hand.
 */
import type { I18n } from "@grammyjs/i18n";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { calendarRemindersJob } from "./calendar-reminders.ts";
import { outboxCleanupJob } from "./outbox-cleanup.ts";

/** What a job may use. The bot's dependencies satisfy it. */
export interface JobDependencies {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** renders locale keys: `i18n.t(language, key, variables)` */
  i18n: Pick<I18n, "t">;
  config: Config;
}

export interface Job<Result = unknown> {
  /** kebab-case, as typed in `npm run job -- <name>` */
  name: string;
  /** a five-field cron expression, in the configured time zone */
  schedule: string;
  description: string;
  run(now: Date, deps: JobDependencies): Promise<Result>;
}

export const jobs: readonly Job[] = [calendarRemindersJob, outboxCleanupJob];

export function findJob(name: string, registry: readonly Job[] = jobs): Job | undefined {
  return registry.find((job) => job.name === name);
}
