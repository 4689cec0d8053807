import { createServer, type Server } from "node:http";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createBot, setCommandMenus } from "./bot/index.ts";
import { systemClock } from "./clock.ts";
import type { Config } from "./config.ts";
import { loadProvince } from "./data/load-province.ts";
import { openDatabase } from "./db/client.ts";
import type { AppDependencies } from "./dependencies.ts";
import { createI18n } from "./i18n.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { createLogger } from "./logger.ts";
import { createOutboxApi } from "./outbox/api.ts";
import { OutboxSender } from "./outbox/sender.ts";

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
  const sender = new OutboxSender({
    db: database.db,
    api: createOutboxApi(config),
    clock: systemClock,
    logger: logger.child({ component: "outbox" }),
    config,
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
  await setCommandMenus(bot, deps);

  let runner: RunnerHandle | undefined;
  let server: Server | undefined;
  if (config.delivery.mode === "webhook") {
    const { url, secret, port } = config.delivery;
    // grammY answers 401 to any request without the right X-Telegram-Bot-Api-Secret-Token header.
    // A slow update is answered 200 and finished in the background ("return"), rather than
    // failing the request and making Telegram send it again.
    const handle = webhookCallback(bot, "http", {
      secretToken: secret,
      onTimeout: "return",
      timeoutMilliseconds: 55_000,
    });
    server = createServer((request, response) => {
      if (request.method !== "POST") {
        response.writeHead(405).end();
        return;
      }
      void handle(request, response).catch((error: unknown) => {
        logger.error({ err: error }, "webhook request failed");
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server?.listen(port, resolve));
    await bot.api.setWebhook(url, {
      secret_token: secret,
      allowed_updates: ALLOWED_UPDATES,
    });
    logger.info({ port, url }, "webhook server listening");
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, {
      runner: { fetch: { allowed_updates: ALLOWED_UPDATES } },
    });
    logger.info({ bot: (bot.botInfo as UserFromGetMe).username }, "polling for updates");
  }
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
  const stop = () => {
    stopping ??= (async () => {
      logger.info("stopping");
      await scheduler.stop();
      if (runner?.isRunning()) await runner.stop();
      // runner.stop() only stops fetching: let the updates in hand finish before the database closes.
      const drainUntil = Date.now() + 15_000;
      while (runner && runner.size() > 0 && Date.now() < drainUntil) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
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
