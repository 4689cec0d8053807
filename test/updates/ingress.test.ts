import { Api } from "grammy";
import { afterEach, expect, it, vi } from "vitest";
import { updates } from "../../src/db/schema/index.ts";
import { startUpdateIngress, type UpdateIngress } from "../../src/updates/ingress.ts";
import { createTestWorld } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { textUpdate } from "./support.ts";

const ALLOWED = ["message", "callback_query"] as const;

describeWithDatabase("update ingress with the real bot", (database) => {
  let ingress: UpdateIngress | undefined;
  afterEach(async () => {
    await ingress?.stop();
    ingress = undefined;
  });

  function world() {
    const { db } = database();
    const chat = createTestWorld(db);
    const api = new Api(chat.deps.config.botToken, { fetch: chat.api.fetch as typeof fetch });
    return { db, chat, api };
  }

  const repliesTo = (chat: ReturnType<typeof createTestWorld>, chatId: number) =>
    chat.api.callsTo("sendMessage").filter((call) => call.params.chat_id === chatId);

  it("polling: /start goes into the inbox, a worker hands it to the bot, the bot answers", async () => {
    const { db, chat, api } = world();
    chat.api.pushUpdate(textUpdate(900, 31, "/start"));
    ingress = await startUpdateIngress({
      db,
      api,
      config: { delivery: { mode: "polling" } },
      i18n: chat.deps.i18n,
      logger: chat.deps.logger,
      clock: chat.clock,
      handle: (update) => chat.handle(update),
      allowedUpdates: ALLOWED,
    });
    expect(ingress.mode).toBe("polling");
    await vi.waitFor(() => expect(repliesTo(chat, 31).length).toBeGreaterThan(0));
    await vi.waitFor(async () =>
      expect((await db.select().from(updates)).map((row) => row.status)).toEqual(["done"]),
    );
    expect(String(repliesTo(chat, 31)[0]?.params.text)).toContain("Xin chào");
    expect(chat.api.callsTo("deleteWebhook")).toHaveLength(1);
    expect(chat.api.callsTo("getUpdates")[0]?.params.allowed_updates).toEqual(ALLOWED);
  });

  it("webhook: registers itself with the secret, stores a posted update, and the bot answers", async () => {
    const { db, chat, api } = world();
    ingress = await startUpdateIngress({
      db,
      api,
      config: {
        delivery: {
          mode: "webhook",
          url: "https://bot.example.vn/telegram",
          secret: "abc",
          port: 0,
        },
      },
      i18n: chat.deps.i18n,
      logger: chat.deps.logger,
      clock: chat.clock,
      handle: (update) => chat.handle(update),
      allowedUpdates: ALLOWED,
      workers: { pollIntervalMs: 60 * 60_000 }, // only the wake from the webhook can start the work
    });
    expect(chat.api.callsTo("setWebhook").map((call) => call.params)).toEqual([
      { url: "https://bot.example.vn/telegram", secret_token: "abc", allowed_updates: ALLOWED },
    ]);
    const response = await fetch(`http://127.0.0.1:${ingress.port}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "abc" },
      body: JSON.stringify(textUpdate(901, 32, "/start")),
    });
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(repliesTo(chat, 32).length).toBeGreaterThan(0));
    expect(String(repliesTo(chat, 32)[0]?.params.text)).toContain("Xin chào");
  });
});
