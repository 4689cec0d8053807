import type { I18n } from "@grammyjs/i18n";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { Province } from "../domain/province.ts";
import type { Logger } from "../logger.ts";

/** Everything the bot and the jobs need from the outside world, passed in so tests can swap it. */
export interface BotDependencies {
  db: Database;
  config: Config;
  logger: Logger;
  clock: Clock;
  province: Province;
  i18n: I18n;
}
