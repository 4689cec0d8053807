import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { setCommandMenus } from "./bot/command-menus.ts";
import { createBot } from "./bot/index.ts";
import { systemClock } from "./clock.ts";
import type { Config } from "./config.ts";
import { loadProvince } from "./data/load-province.ts";
import { openDatabase } from "./db/client.ts";
import type { AppDependencies } from "./dependencies.ts";
import { createI18n } from "./i18n.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { createLogger } from "./logger.ts";
import { createOutboxApi } from "./outbox/api.ts";
import { leaseLeadership } from "./outbox/leadership.ts";
import { OutboxSender } from "./outbox/sender.ts";
import { startUpdateIngress } from "./updates/ingress.ts";

/** my_chat_member tells us of a block; edited_message lets the bot say an edit is not read as an answer. */
const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

export interface RunningApplication {
  stop(): Promise<void>;
}

/** Starts everything `npm start` runs, and stops it all on SIGINT/SIGTERM. */
export async function startApplication(config: Config): Promise<RunningApplication> {
  const startedAt = performance.now();
  const logger = createLogger(config.logLevel);
  const province = loadProvince(config.province);
  const database = await openDatabase(
    config.database.kind === "postgres"
      ? config.database
      : { kind: "pglite", dataDir: config.database.dataDir },
  );
  logger.info({ driver: database.driver }, "database ready (migrations applied)");

  const i18n = createI18n();
  const senderId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const sender = new OutboxSender({
    db: database.db,
    api: createOutboxApi(config),
    clock: systemClock,
    logger: logger.child({ component: "outbox" }),
    config,
    senderId,
    // Several instances on one database: one sender at a time keeps the bot's global rate.
    leadership: leaseLeadership({ db: database.db, holder: senderId, clock: systemClock, logger }),
  });
  const deps: AppDependencies = {
    db: database.db,
    config,
    logger,
    clock: systemClock,
    province,
    i18n,
  };
  const bot = createBot(deps, config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {});
  await bot.init();
  await setCommandMenus(bot.api, deps);

  // Every update is stored in the inbox before Telegram is told it arrived; workers (here and in
  // any other instance on the same PostgreSQL) hand each chat's updates to the bot in order.
  let stop: () => Promise<void> = async () => {};
  const ingress = await startUpdateIngress({
    db: database.db,
    api: bot.api,
    config,
    i18n,
    logger,
    clock: systemClock,
    handle: (update) => bot.handleUpdate(update),
    allowedUpdates: ALLOWED_UPDATES,
    workers: { concurrency: 4 },
    onFatalError: () => void stop(),
  });
  sender.start();
  const scheduler = startScheduler({ db: database.db, clock: systemClock, logger, i18n, config });
  logger.info(
    {
      ms: Math.round(performance.now() - startedAt),
      rss_mb: Math.round(process.memoryUsage().rss / 1048576),
    },
    "started",
  );

  let stopping: Promise<void> | undefined;
  stop = () => {
    stopping ??= (async () => {
      logger.info("stopping");
      await scheduler.stop();
      // Intake first, then the updates in hand, before the database closes.
      await ingress.stop();
      await sender.stop();
      await database.close();
      logger.info("stopped");
    })();
    return stopping;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "error while stopping");
          process.exit(1);
        },
      );
    });
  }
  return { stop };
}
