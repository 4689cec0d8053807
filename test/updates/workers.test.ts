import { asc, eq, sql } from "drizzle-orm";
import type { Update } from "grammy/types";
import { afterAll, expect, it, vi } from "vitest";
import { FakeClock } from "../../src/clock.ts";
import { type Database, type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { updates } from "../../src/db/schema/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { claimNext, settleUpdate, storeUpdates } from "../../src/updates/store.ts";
import { UpdateWorkerPool, type UpdateWorkersOptions } from "../../src/updates/workers.ts";
import { describeWithDatabase } from "../support/database.ts";
import { connectionRefused, deferred, MINUTE, SECOND, textUpdate } from "./support.ts";

const T0 = new Date("2026-11-24T03:00:00Z");

const chatOf = (update: Update): number => update.message?.chat.id ?? 0;

describeWithDatabase("update workers", (database, driver) => {
  const extraHandles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const handle of extraHandles) await handle.close();
  });

  /** A second instance's database: on PostgreSQL a connection pool of its own, on PGlite the one handle. */
  async function secondInstanceDatabase(): Promise<Database> {
    const { db, url } = database();
    if (driver !== "postgres" || !url) return db;
    const handle = await openDatabase({ kind: "postgres", url, maxConnections: 3 });
    extraHandles.push(handle);
    return handle.db;
  }

  function pool(
    db: Database,
    handle: UpdateWorkersOptions["handle"],
    overrides: Partial<UpdateWorkersOptions> = {},
  ) {
    return new UpdateWorkerPool({
      db,
      handle,
      logger: silentLogger,
      clock: overrides.clock ?? new FakeClock(T0),
      random: () => 1, // backoff without jitter: exactly base * 2^(attempt-1)
      ...overrides,
    });
  }

  async function statuses(db: Database): Promise<[number, string, number][]> {
    const rows = await db.select().from(updates).orderBy(asc(updates.updateId));
    return rows.map((row) => [row.updateId, row.status, row.attempts]);
  }

  it("two instances share many chats: each chat in update order, one at a time, none lost or doubled", async () => {
    const { db } = database();
    const dbB = await secondInstanceDatabase();
    // fewer chats than workers (2 x 4), so workers compete for the same chats
    const chats = 6;
    const perChat = 12;
    const total = chats * perChat;
    const batches: Update[][] = [];
    let updateId = 5000;
    for (let round = 0; round < perChat; round++) {
      const batch: Update[] = [];
      for (let chat = 0; chat < chats; chat++) {
        batch.push(textUpdate(updateId++, 100 + chat, `chat ${chat}, message ${round}`));
      }
      batches.push(batch);
    }

    const handled = new Map<number, number[]>();
    const active = new Set<number>();
    const byPool = { A: 0, B: 0 };
    let overlaps = 0;
    let count = 0;
    const allHandled = deferred();
    const handler = (name: "A" | "B", ownDb: Database) => async (update: Update) => {
      const chat = chatOf(update);
      if (active.has(chat)) overlaps++;
      active.add(chat);
      // database round trips, more for some updates than others, let the workers interleave
      for (let trip = 0; trip <= update.update_id % 3; trip++) await ownDb.execute(sql`select 1`);
      handled.set(chat, [...(handled.get(chat) ?? []), update.update_id]);
      active.delete(chat);
      byPool[name]++;
      if (++count === total) allHandled.resolve();
    };
    const a = pool(db, handler("A", db), { workerId: "A", concurrency: 4, pollIntervalMs: 5 });
    const b = pool(dbB, handler("B", dbB), { workerId: "B", concurrency: 4, pollIntervalMs: 5 });
    a.start();
    b.start();
    for (const batch of batches) {
      await storeUpdates(db, batch, T0);
      // as if each instance's ingress had stored some: both look at once (B would find them by polling)
      a.wake();
      b.wake();
    }
    await allHandled.promise;
    await Promise.all([a.stop(), b.stop()]);

    expect(overlaps).toBe(0);
    expect(count).toBe(total);
    for (let chat = 0; chat < chats; chat++) {
      const expected = Array.from({ length: perChat }, (_, round) => 5000 + round * chats + chat);
      expect(handled.get(100 + chat)).toEqual(expected);
    }
    expect(byPool.A).toBeGreaterThan(0);
    expect(byPool.B).toBeGreaterThan(0);
    expect(a.stats.done + b.stats.done).toBe(total);
    const rows = await statuses(db);
    expect(rows.every(([, status, attempts]) => status === "done" && attempts === 1)).toBe(true);
  });

  it("a transient error: retried after the backoff, and the chat's later updates wait for it", async () => {
    const { db } = database();
    const clock = new FakeClock(T0);
    const calls: number[] = [];
    let failNext = true;
    const workers = pool(
      db,
      async (update) => {
        calls.push(update.update_id);
        if (update.update_id === 10 && failNext) {
          failNext = false;
          throw connectionRefused();
        }
      },
      { clock, backoff: { baseMs: 2 * SECOND, maxMs: MINUTE } },
    );
    await storeUpdates(
      db,
      [textUpdate(10, 1, "a"), textUpdate(11, 1, "b"), textUpdate(12, 2, "c")],
      T0,
    );
    expect(await workers.runUntilIdle()).toMatchObject({ done: 1, retried: 1 });
    expect(calls.sort()).toEqual([10, 12]);
    expect(await statuses(db)).toEqual([
      [10, "pending", 1],
      [11, "pending", 0],
      [12, "done", 1],
    ]);
    const [waiting] = await db.select().from(updates).where(eq(updates.updateId, 10));
    expect(waiting?.availableAt).toEqual(new Date(T0.getTime() + 2 * SECOND));
    expect(waiting?.lastError).toContain("ECONNREFUSED");

    clock.advance(2 * SECOND - 1);
    expect(await workers.runUntilIdle()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await workers.runUntilIdle()).toMatchObject({ done: 2 });
    expect(calls).toEqual([10, 12, 10, 11]);
  });

  it("a handler that keeps failing: set aside after maxAttempts, then the chat goes on", async () => {
    const { db } = database();
    const clock = new FakeClock(T0);
    const calls: number[] = [];
    const workers = pool(
      db,
      async (update) => {
        calls.push(update.update_id);
        if (update.update_id === 10) throw new TypeError("Cannot read properties of undefined");
      },
      { clock, maxAttempts: 3, backoff: { baseMs: SECOND, maxMs: MINUTE } },
    );
    await storeUpdates(db, [textUpdate(10, 1, "a"), textUpdate(11, 1, "b")], T0);
    await workers.runUntilIdle(); // attempt 1, retry in 1 s
    clock.advance(SECOND);
    await workers.runUntilIdle(); // attempt 2, retry in 2 s
    clock.advance(2 * SECOND);
    expect(await workers.runUntilIdle()).toMatchObject({ setAside: 1, done: 1 });
    expect(calls).toEqual([10, 10, 10, 11]);
    const [failed] = await db.select().from(updates).where(eq(updates.updateId, 10));
    expect(failed).toMatchObject({ status: "failed", attempts: 3 });
    expect(failed?.lastError).toContain("Cannot read properties of undefined");
  });

  it("a worker killed mid-update: its lease runs out and another worker handles the update", async () => {
    const { db } = database();
    const clock = new FakeClock(T0);
    await storeUpdates(db, [textUpdate(10, 1, "a"), textUpdate(11, 1, "b")], T0);
    // the killed process: claimed 10 and never finished
    const [claimed] = await claimNext(db, {
      workerId: "killed",
      now: T0,
      leaseMs: MINUTE,
      limit: 1,
    });
    expect(claimed?.updateId).toBe(10);
    const calls: number[] = [];
    const survivor = pool(db, async (update) => void calls.push(update.update_id), {
      clock,
      leaseMs: MINUTE,
    });
    expect(await survivor.runUntilIdle()).toMatchObject({ claimed: 0 });
    clock.advance(MINUTE);
    expect(await survivor.runUntilIdle()).toMatchObject({ done: 2 });
    expect(calls).toEqual([10, 11]);
    expect(await statuses(db)).toEqual([
      [10, "done", 2],
      [11, "done", 1],
    ]);
  });

  it("an update whose effects were committed before its worker died is not handed to the bot again", async () => {
    const { db } = database();
    const clock = new FakeClock(T0);
    await storeUpdates(
      db,
      [textUpdate(10, 1, "Nguyễn Văn An"), textUpdate(11, 1, "0912345678")],
      T0,
    );
    // the killed process: claimed 10, saved its answer with the settlement, died before marking it done
    await claimNext(db, { workerId: "killed", now: T0, leaseMs: MINUTE, limit: 1 });
    await db.transaction(async (tx) => {
      expect(await settleUpdate(tx, { updateId: 10, now: T0 })).toBe("settled");
    });
    const calls: number[] = [];
    const survivor = pool(db, async (update) => void calls.push(update.update_id), { clock });
    clock.advance(MINUTE);
    expect(await survivor.runUntilIdle()).toMatchObject({ claimed: 2, done: 2 });
    // 10 would otherwise be taken as the answer to the next question
    expect(calls).toEqual([11]);
    expect(await statuses(db)).toEqual([
      [10, "done", 2],
      [11, "done", 1],
    ]);
  });

  it("a long handler keeps its lease alive, so no other worker takes its update", async () => {
    const { db } = database();
    const clock = new FakeClock(T0);
    await storeUpdates(db, [textUpdate(10, 1, "a")], T0);
    const release = deferred();
    const started = deferred();
    const slow = pool(
      db,
      async () => {
        started.resolve();
        await release.promise;
      },
      { clock, workerId: "slow", leaseMs: MINUTE, heartbeatMs: 5 },
    );
    const running = slow.runUntilIdle();
    await started.promise;
    // the handler runs past its first lease; the heartbeat moves the lease along with the clock
    clock.advance(2 * MINUTE);
    await vi.waitFor(async () => {
      const [row] = await db.select().from(updates);
      expect(row?.leaseUntil?.getTime()).toBeGreaterThanOrEqual(T0.getTime() + 3 * MINUTE);
    });
    expect(
      await claimNext(db, { workerId: "other", now: clock.now(), leaseMs: MINUTE, limit: 1 }),
    ).toEqual([]);
    release.resolve();
    expect(await running).toMatchObject({ done: 1, leaseLost: 0 });
  });

  it("wakes at once when told something was stored, with no poll in between", async () => {
    const { db } = database();
    const seen = deferred<number>();
    const workers = pool(db, async (update) => seen.resolve(update.update_id), {
      pollIntervalMs: 60 * MINUTE,
      concurrency: 2,
    });
    workers.start();
    // the workers find the inbox empty and go to sleep for an hour
    await vi.waitFor(() => expect(workers.idle).toBe(2));
    await storeUpdates(db, [textUpdate(10, 1, "a")], T0);
    workers.wake();
    expect(await seen.promise).toBe(10);
    await workers.stop();
    expect(await statuses(db)).toEqual([[10, "done", 1]]);
  });

  it("stop() waits for the update in hand and records it", async () => {
    const { db } = database();
    await storeUpdates(db, [textUpdate(10, 1, "a"), textUpdate(11, 2, "b")], T0);
    const release = deferred();
    const started = deferred();
    const workers = pool(
      db,
      async (update) => {
        if (update.update_id === 10) {
          started.resolve();
          await release.promise;
        }
      },
      { concurrency: 1 },
    );
    workers.start();
    await started.promise;
    const stopped = workers.stop();
    release.resolve();
    await stopped;
    // 10 finished and was recorded; 11 was never claimed
    expect(await statuses(db)).toEqual([
      [10, "done", 1],
      [11, "pending", 0],
    ]);
  });
});
