import { asc } from "drizzle-orm";
import { Api } from "grammy";
import { afterEach, expect, it, vi } from "vitest";
import { FakeClock } from "../../src/clock.ts";
import { updates } from "../../src/db/schema/index.ts";
import { FakeBotApi } from "../../src/fake-bot-api/fake-bot-api.ts";
import { createI18n } from "../../src/i18n.ts";
import { silentLogger } from "../../src/logger.ts";
import { BusyNotice } from "../../src/updates/busy-notice.ts";
import { UpdatePoller } from "../../src/updates/poller.ts";
import { describeWithDatabase } from "../support/database.ts";
import { callbackUpdate, switchableDatabase, textUpdate } from "./support.ts";

const T0 = new Date("2026-11-24T03:00:00Z");
const i18n = createI18n();

/** A sleep that waits until the test lets it go, and remembers what it was asked to wait. */
function heldSleep() {
  const waits: number[] = [];
  const held: (() => void)[] = [];
  return {
    waits,
    held,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve) => {
        waits.push(ms);
        held.push(resolve);
        signal?.addEventListener("abort", () => resolve(), { once: true });
      }),
    release() {
      held.shift()?.();
    },
  };
}

describeWithDatabase("update poller", (database) => {
  let poller: UpdatePoller | undefined;
  afterEach(async () => {
    await poller?.stop();
    poller = undefined;
  });

  /** The poller over a FakeBotApi; `events` lists getUpdates offsets (when asked), stores and messages, in order. */
  function setup(overrides: Partial<ConstructorParameters<typeof UpdatePoller>[0]> = {}) {
    const fake = new FakeBotApi();
    const events: string[] = [];
    const recordingFetch = async (input: string | URL | Request, init?: RequestInit) => {
      const method = String(input).split("/").pop();
      const params = JSON.parse(String(init?.body ?? "{}")) as Record<string, unknown>;
      if (method === "getUpdates") events.push(`getUpdates ${params.offset}`);
      if (method === "sendMessage") events.push(`tell ${params.chat_id}: ${params.text}`);
      return fake.fetch(input, init);
    };
    const api = new Api("123456:test-token", { fetch: recordingFetch as typeof fetch });
    const switchable = switchableDatabase(database().db);
    const sleeper = heldSleep();
    poller = new UpdatePoller({
      db: switchable.db,
      api,
      clock: new FakeClock(T0),
      logger: silentLogger,
      notice: new BusyNotice(api, i18n, silentLogger),
      timeoutSeconds: 1,
      backoff: { baseMs: 1000, maxMs: 30_000 },
      random: () => 1,
      sleep: sleeper.sleep,
      onStored: (stored) => events.push(`stored ${stored}`),
      ...overrides,
    });
    return { fake, events, switchable, sleeper, poller };
  }

  const storedIds = async () =>
    (await database().db.select().from(updates).orderBy(asc(updates.updateId))).map(
      (row) => row.updateId,
    );

  it("confirms the offset only after the batch is stored", async () => {
    const { fake, events, poller } = setup();
    fake.pushUpdate(textUpdate(10, 1, "Xin chào"));
    fake.pushUpdate(textUpdate(11, 2, "Chào anh"));
    poller.start();
    await vi.waitFor(() => expect(events).toContain("getUpdates 12"));
    fake.pushUpdate(textUpdate(12, 1, "Cơ sở mây tre"));
    await vi.waitFor(() => expect(events).toContain("getUpdates 13"));
    expect(events).toEqual([
      "getUpdates 0",
      "stored 2",
      "getUpdates 12", // confirms 10 and 11, asked only once they were stored
      "stored 1",
      "getUpdates 13",
    ]);
    expect(poller.offset).toBe(13);
    expect(await storedIds()).toEqual([10, 11, 12]);
  });

  it("while the database is down, confirms nothing and tells each chat once; then stores all", async () => {
    const { fake, events, switchable, sleeper, poller } = setup();
    switchable.down(true);
    fake.pushUpdate(textUpdate(10, 1, "Xin chào", "vi"));
    fake.pushUpdate(callbackUpdate(11, 2, "f:abc:1"));
    fake.pushUpdate(textUpdate(12, 1, "Tôi muốn đăng ký", "vi"));
    poller.start();
    await vi.waitFor(() => expect(sleeper.held).toHaveLength(1));
    const vi_ = i18n.t("vi", "inbox-busy");
    const en = i18n.t("en", "inbox-busy");
    expect(events).toEqual(["getUpdates 0", `tell 1: ${vi_}`, `tell 2: ${en}`]);

    // a new chat writes during the outage; the chats told already are not told again
    fake.pushUpdate(textUpdate(13, 3, "Hello", "en"));
    sleeper.release();
    await vi.waitFor(() => expect(sleeper.held).toHaveLength(1));
    expect(events.slice(3)).toEqual(["getUpdates 0", `tell 3: ${en}`]);
    sleeper.release();
    await vi.waitFor(() => expect(sleeper.held).toHaveLength(1));
    expect(events.slice(5)).toEqual(["getUpdates 0"]);
    expect(sleeper.waits).toEqual([1000, 2000, 4000]);
    expect(await storedIds()).toEqual([]);
    expect(poller.offset).toBe(0);

    // the database is back: the same updates are fetched again, stored, then confirmed
    switchable.down(false);
    sleeper.release();
    await vi.waitFor(() => expect(events).toContain("getUpdates 14"));
    expect(events.slice(6)).toEqual(["getUpdates 0", "stored 4", "getUpdates 14"]);
    expect(await storedIds()).toEqual([10, 11, 12, 13]);

    // a later outage is a new one: chat 1 is told again
    switchable.down(true);
    fake.pushUpdate(textUpdate(14, 1, "Còn đó không?", "vi"));
    await vi.waitFor(() => expect(sleeper.held).toHaveLength(1));
    expect(events.slice(9)).toEqual([`tell 1: ${vi_}`]);
    expect(poller.offset).toBe(14);
  });

  it("getUpdates failures are retried with backoff, a 401 stops polling", async () => {
    const fatal: unknown[] = [];
    const { fake, events, sleeper, poller } = setup({ onFatalError: (error) => fatal.push(error) });
    fake.failNext("getUpdates", 502, "Bad Gateway");
    fake.failNext("getUpdates", 401, "Unauthorized");
    poller.start();
    await vi.waitFor(() => expect(sleeper.held).toHaveLength(1));
    sleeper.release();
    await vi.waitFor(() => expect(fatal).toHaveLength(1));
    expect(sleeper.waits).toEqual([1000]);
    expect(String(fatal[0])).toContain("Unauthorized");
    expect(events).toEqual(["getUpdates 0", "getUpdates 0"]);
  });
});
