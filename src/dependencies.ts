import type { I18n } from "@grammyjs/i18n";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import type { Province } from "./domain/province.ts";
import type { Logger } from "./logger.ts";

/**
 * Everything the bot, the forms, the services and the jobs need from the
 * outside world, passed in so tests and benchmarks can swap any of it.
 * Services render the notices they queue, so they get the locales too.
 */
export interface AppDependencies {
  db: Database;
  config: Config;
  logger: Logger;
  clock: Clock;
  province: Province;
  i18n: Pick<I18n, "t">;
}
