import { afterAll, expect, it } from "vitest";
import { type Database, type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { currentLeaseHolder, releaseLease, tryAcquireLease } from "../../src/db/leases.ts";
import { leases } from "../../src/db/schema/index.ts";
import { describeWithDatabase } from "../support/database.ts";
import { SECOND } from "./support.ts";

const T0 = new Date("2026-11-24T03:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const TTL = 10 * SECOND;

describeWithDatabase("leases", (database, driver) => {
  const extraHandles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const handle of extraHandles) await handle.close();
  });

  /** Another process's database: its own connections on PostgreSQL, the one handle on PGlite. */
  async function otherProcessDatabase(): Promise<Database> {
    const { db, url } = database();
    if (driver !== "postgres" || !url) return db;
    const handle = await openDatabase({ kind: "postgres", url, maxConnections: 2 });
    extraHandles.push(handle);
    return handle.db;
  }

  const acquire = (db: Database, holder: string, now: Date, name = "outbox-sender") =>
    tryAcquireLease(db, { name, holder, ttlMs: TTL, now });

  it("two holders racing: exactly one wins, every time", async () => {
    const { db } = database();
    const other = await otherProcessDatabase();
    for (let round = 0; round < 20; round++) {
      const name = `race-${round}`;
      const [a, b] = await Promise.all([acquire(db, "a", T0, name), acquire(other, "b", T0, name)]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect(await currentLeaseHolder(db, name, T0)).toBe(a ? "a" : "b");
    }
  });

  it("the holder renews; the other takes over only once it has expired", async () => {
    const { db } = database();
    const other = await otherProcessDatabase();
    expect(await acquire(db, "a", T0)).toBe(true);
    expect(await acquire(other, "b", at(5 * SECOND))).toBe(false);
    expect(await acquire(db, "a", at(5 * SECOND))).toBe(true); // renewed until 15 s
    expect(await acquire(other, "b", at(TTL))).toBe(false);
    expect(await acquire(other, "b", at(15 * SECOND - 1))).toBe(false);
    // a dies: no renewal after 5 s
    expect(await acquire(other, "b", at(15 * SECOND))).toBe(true);
    expect(await acquire(db, "a", at(16 * SECOND))).toBe(false);
    const [row] = await db.select().from(leases);
    expect(row).toEqual({
      name: "outbox-sender",
      holder: "b",
      expiresAt: at(25 * SECOND),
      acquiredAt: at(15 * SECOND),
    });
  });

  it("a renewal keeps the time the lease was first taken", async () => {
    const { db } = database();
    await acquire(db, "a", T0);
    await acquire(db, "a", at(3 * SECOND));
    const [row] = await db.select().from(leases);
    expect(row).toMatchObject({ acquiredAt: T0, expiresAt: at(13 * SECOND) });
  });

  it("release frees the lease at once, and only its holder can release it", async () => {
    const { db } = database();
    await acquire(db, "a", T0);
    expect(await releaseLease(db, { name: "outbox-sender", holder: "b" })).toBe(false);
    expect(await acquire(db, "b", at(SECOND))).toBe(false);
    expect(await releaseLease(db, { name: "outbox-sender", holder: "a" })).toBe(true);
    expect(await acquire(db, "b", at(SECOND))).toBe(true);
    expect(await currentLeaseHolder(db, "outbox-sender", at(SECOND))).toBe("b");
    expect(await currentLeaseHolder(db, "outbox-sender", at(SECOND + TTL))).toBeUndefined();
  });
});
