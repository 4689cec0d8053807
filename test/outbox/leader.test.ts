import { expect, it } from "vitest";
import { silentLogger } from "../../src/logger.ts";
import { leaseLeadership } from "../../src/outbox/leadership.ts";
import { describeWithDatabase } from "../support/database.ts";
import { delivered, queue, setupSender } from "./support.ts";

/**
 * Two instances on one database: only the sender holding the lease sends, so
 * together they keep Telegram's 30 messages a second (each keeps its own
 * window; without the lease they would send at twice that). When the leader
 * dies, the other takes over once the lease runs out.
 */
describeWithDatabase("two outbox senders on one database", (database, driver) => {
  async function twoSenders(withLeadership: boolean) {
    const { db, url } = database();
    // On PostgreSQL the second instance has a connection of its own.
    const second = driver === "postgres" && url ? await openTestDatabaseAt(url) : undefined;
    const setup = setupSender(db, { rateLimits: { globalPerSecond: 30, perChatPerSecond: 1 } });
    const lease = (holder: string, onDb = db) =>
      withLeadership
        ? {
            leadership: leaseLeadership({
              db: onDb,
              holder,
              clock: setup.clock,
              logger: silentLogger,
              ttlMs: 10_000,
            }),
          }
        : {};
    const a = setup.newSender({ senderId: "a", ...lease("a") });
    const b = setup.newSender({
      senderId: "b",
      ...(second ? { db: second.db } : {}),
      ...lease("b", second?.db ?? db),
    });
    return { ...setup, db, a, b, close: () => second?.close() };
  }

  it("send together at no more than 30 a second: no 429, each message once", async () => {
    const { db, fake, a, b, close } = await twoSenders(true);
    for (let i = 0; i < 150; i++) await queue(db, 5000 + i, `m${i}`);
    const [statsA, statsB] = await Promise.all([
      a.runUntilIdle({ horizonMs: 10_000 }),
      b.runUntilIdle({ horizonMs: 10_000 }),
    ]);
    await close();
    expect(statsA.sent + statsB.sent).toBe(150);
    expect(fake.tooManyRequests).toBe(0);
    expect(new Set(delivered(fake)).size).toBe(150);
  });

  it("without the lease, the same two senders trip Telegram's limit (what the lease prevents)", async () => {
    const { db, fake, a, b, close } = await twoSenders(false);
    for (let i = 0; i < 150; i++) await queue(db, 5000 + i, `m${i}`);
    await Promise.all([
      a.runUntilIdle({ horizonMs: 10_000 }),
      b.runUntilIdle({ horizonMs: 10_000 }),
    ]);
    await close();
    expect(fake.tooManyRequests).toBeGreaterThan(0);
    expect(new Set(delivered(fake)).size).toBe(delivered(fake).length); // nothing sent twice
  });

  it("another sender takes over within the lease's time when the leader dies", async () => {
    const { db, fake, clock, a, b, close } = await twoSenders(true);
    for (let i = 0; i < 10; i++) await queue(db, 6000 + i, `first${i}`);
    expect((await a.runUntilIdle()).sent).toBe(10); // a leads (and dies without giving the lease up)
    for (let i = 0; i < 10; i++) await queue(db, 6100 + i, `later${i}`);
    expect((await b.runUntilIdle()).sent).toBe(0);
    clock.advance(10_001);
    expect((await b.runUntilIdle()).sent).toBe(10);
    await close();
    expect(delivered(fake)).toHaveLength(20);
  });
});

async function openTestDatabaseAt(url: string) {
  const { openDatabase } = await import("../../src/db/client.ts");
  const handle = await openDatabase({ kind: "postgres", url, maxConnections: 3 });
  return { db: handle.db, close: () => handle.close() };
}
