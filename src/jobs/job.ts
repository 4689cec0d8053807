/**
 * What a scheduled job is. A job is a plain function of the time: it decides
 * what is due at `now` and queues it in the outbox with dedupe keys, so
 * running it twice, late, or on two servers queues each message once.
 */
import type { I18n } from "@grammyjs/i18n";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { Province } from "../domain/province.ts";
import type { Logger } from "../logger.ts";

/** What a job may use. The bot's dependencies satisfy it. */
export interface JobDependencies {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** renders locale keys: `i18n.t(language, key, variables)` */
  i18n: Pick<I18n, "t">;
  config: Config;
  /** the province served (the bot's dependencies carry it); absent: read from config.province */
  province?: Province;
}

export interface Job<Result = unknown> {
  /** kebab-case, as typed in `npm run job -- <name>` */
  name: string;
  /** a five-field cron expression, in the configured time zone */
  schedule: string;
  description: string;
  run(now: Date, deps: JobDependencies): Promise<Result>;
}
