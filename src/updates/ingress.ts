/**
 * One entry point for the application: the update workers, and the ingress
 * that feeds them (long polling or the webhook server, from the
 * configuration). Every update goes into the inbox first (store.ts); the
 * workers hand it to the bot.
 *
 *   const ingress = await startUpdateIngress({
 *     db, api: bot.api, config, i18n, logger, clock,
 *     handle: (update) => bot.handleUpdate(update),
 *   });
 *   // on shutdown, before closing the database:
 *   await ingress.stop();
 */
import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Update } from "grammy/types";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { BusyNotice } from "./busy-notice.ts";
import { UpdatePoller, type UpdateType } from "./poller.ts";
import { startWebhookServer } from "./webhook-server.ts";
import { startUpdateWorkers, type UpdateWorkers, type UpdateWorkersOptions } from "./workers.ts";

export interface UpdateIngressOptions {
  db: Database;
  /** the bot's Api: getUpdates or setWebhook, and the busy notices */
  api: Api;
  config: Pick<Config, "delivery">;
  i18n: Pick<I18n, "t">;
  logger: Logger;
  clock: Clock;
  /** the bot's handler: `(update) => bot.handleUpdate(update)` (after `bot.init()`) */
  handle: (update: Update) => Promise<unknown>;
  /** update types to ask Telegram for (getUpdates and setWebhook) */
  allowedUpdates?: readonly UpdateType[];
  /** worker settings: concurrency (default 4), leases, retries */
  workers?: Omit<Partial<UpdateWorkersOptions>, "db" | "handle" | "logger" | "clock">;
  /** polling cannot go on (401: the token was revoked); default: logged at fatal only */
  onFatalError?: (error: unknown) => void;
}

export interface UpdateIngress {
  mode: "polling" | "webhook";
  workers: UpdateWorkers;
  /** the webhook server's port (useful with port 0 in tests) */
  port?: number;
  /** Stops taking updates in, then lets the workers finish the ones in hand. */
  stop(): Promise<void>;
}

export async function startUpdateIngress(options: UpdateIngressOptions): Promise<UpdateIngress> {
  const { db, api, clock, logger, config } = options;
  const notice = new BusyNotice(api, options.i18n, logger.child({ component: "busy-notice" }));
  // Started first: they pick up what a previous run stored and did not finish.
  const workers = startUpdateWorkers({
    ...options.workers,
    db,
    handle: options.handle,
    logger,
    clock,
    // The database went away while an update was handled: it waits in the inbox, and its chat
    // is told once that the answer comes in a moment.
    onTransientFailure: (update) => void notice.tell([update]),
    onHandled: () => notice.recovered(),
  });
  const wakeWorkers = (stored: number) => {
    if (stored > 0) workers.wake();
  };
  const { allowedUpdates } = options;

  if (config.delivery.mode === "webhook") {
    const { url, secret, port } = config.delivery;
    const server = await startWebhookServer({
      db,
      clock,
      logger,
      notice,
      secret,
      port,
      onStored: wakeWorkers,
    }).catch(async (error: unknown) => {
      await workers.stop();
      throw error;
    });
    try {
      await api.setWebhook(url, {
        secret_token: secret,
        ...(allowedUpdates ? { allowed_updates: allowedUpdates } : {}),
      });
    } catch (error) {
      await server.close();
      await workers.stop();
      throw error;
    }
    logger.info({ port: server.port, url }, "webhook server listening: updates go to the inbox");
    return {
      mode: "webhook",
      workers,
      port: server.port,
      async stop() {
        // The webhook stays registered: Telegram keeps the updates until an instance answers again.
        await server.close();
        await workers.stop();
      },
    };
  }

  try {
    await api.deleteWebhook();
  } catch (error) {
    await workers.stop();
    throw error;
  }
  const poller = new UpdatePoller({
    db,
    api,
    clock,
    logger,
    notice,
    onStored: wakeWorkers,
    ...(allowedUpdates ? { allowedUpdates } : {}),
    ...(options.onFatalError ? { onFatalError: options.onFatalError } : {}),
  });
  poller.start();
  return {
    mode: "polling",
    workers,
    async stop() {
      await poller.stop();
      await workers.stop();
    },
  };
}
