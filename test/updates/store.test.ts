import { asc, eq } from "drizzle-orm";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { updates } from "../../src/db/schema/index.ts";
import { chatKeyOf, NO_CHAT_KEY } from "../../src/updates/chat-key.ts";
import {
  claimNext,
  deleteHandledBefore,
  extendLease,
  markDone,
  retryLater,
  setAside,
  settleUpdate,
  storeUpdates,
} from "../../src/updates/store.ts";
import { describeWithDatabase } from "../support/database.ts";
import { callbackUpdate, MINUTE, textUpdate } from "./support.ts";

const T0 = new Date("2026-11-24T03:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("chatKeyOf", () => {
  it("is the chat of a message or a button, the user of an inline query, else NO_CHAT_KEY", () => {
    expect(chatKeyOf(textUpdate(1, 42, "xin chào"))).toBe(42);
    expect(chatKeyOf(callbackUpdate(2, 43, "f:x:1"))).toBe(43);
    const group = textUpdate(3, 44, "hi") as { message: { chat: { id: number; type: string } } };
    group.message.chat = { id: -100123, type: "supergroup" };
    expect(chatKeyOf(group as unknown as Update)).toBe(-100123);
    expect(
      chatKeyOf({
        update_id: 4,
        inline_query: {
          id: "q",
          from: { id: 45, is_bot: false, first_name: "A" },
          query: "",
          offset: "",
        },
      } as Update),
    ).toBe(45);
    expect(
      chatKeyOf({
        update_id: 5,
        my_chat_member: {
          chat: { id: 46, type: "private", first_name: "A" },
          from: { id: 46, is_bot: false, first_name: "A" },
          date: 1,
          old_chat_member: { status: "member", user: { id: 1, is_bot: true, first_name: "B" } },
          new_chat_member: {
            status: "kicked",
            until_date: 0,
            user: { id: 1, is_bot: true, first_name: "B" },
          },
        },
      } as Update),
    ).toBe(46);
    expect(
      chatKeyOf({
        update_id: 6,
        poll: { id: "p", question: "?", options: [], total_voter_count: 0 },
      } as unknown as Update),
    ).toBe(NO_CHAT_KEY);
  });
});

describeWithDatabase("update inbox store", (database) => {
  const claim = (db: Database, workerId: string, now = T0, limit = 10) =>
    claimNext(db, { workerId, now, leaseMs: MINUTE, limit });
  const ids = (rows: { updateId: number }[]) =>
    rows.map((row) => row.updateId).sort((a, b) => a - b);

  it("stores a batch once, even when it comes again", async () => {
    const { db } = database();
    const batch = [textUpdate(10, 1, "a"), textUpdate(11, 2, "b")];
    expect(await storeUpdates(db, batch, T0)).toBe(2);
    expect(await storeUpdates(db, [...batch, textUpdate(12, 1, "c")], T0)).toBe(1);
    const rows = await db.select().from(updates).orderBy(asc(updates.updateId));
    expect(rows.map((row) => [row.updateId, row.chatKey, row.status])).toEqual([
      [10, 1, "pending"],
      [11, 2, "pending"],
      [12, 1, "pending"],
    ]);
    expect(rows[0]?.payload).toEqual(batch[0]);
  });

  it("stores text holding U+0000, which jsonb refuses, without the character", async () => {
    const { db } = database();
    expect(await storeUpdates(db, [textUpdate(10, 1, "Mây\u0000 tre")], T0)).toBe(1);
    const [row] = await db.select().from(updates);
    expect((row?.payload as { message?: { text?: string } } | undefined)?.message?.text).toBe(
      "Mây tre",
    );
  });

  it("claims the oldest update of each chat, and nothing more of a chat until it is done", async () => {
    const { db } = database();
    await storeUpdates(
      db,
      [
        textUpdate(10, 1, "a"),
        textUpdate(11, 2, "b"),
        textUpdate(12, 1, "c"),
        textUpdate(13, 3, "d"),
      ],
      T0,
    );
    const first = await claim(db, "w1");
    expect(ids(first)).toEqual([10, 11, 13]);
    expect(first.every((row) => row.status === "processing" && row.attempts === 1)).toBe(true);
    expect(await claim(db, "w2")).toEqual([]);
    expect(
      await markDone(db, {
        id: first.find((row) => row.updateId === 10)?.id ?? 0,
        workerId: "w1",
        now: T0,
      }),
    ).toBe(true);
    expect(ids(await claim(db, "w2"))).toEqual([12]);
  });

  it("an older update that arrives while a newer one of its chat runs waits for it", async () => {
    const { db } = database();
    // webhooks may come out of order: 11 is stored and claimed before 10 arrives
    await storeUpdates(db, [textUpdate(11, 1, "b")], T0);
    const [running] = await claim(db, "w1");
    await storeUpdates(db, [textUpdate(10, 1, "a")], T0);
    expect(await claim(db, "w2")).toEqual([]);
    await markDone(db, { id: running?.id ?? 0, workerId: "w1", now: T0 });
    expect(ids(await claim(db, "w2"))).toEqual([10]);
  });

  it("a limit of one takes the oldest claimable update", async () => {
    const { db } = database();
    await storeUpdates(db, [textUpdate(21, 2, "b"), textUpdate(20, 1, "a")], T0);
    expect(ids(await claim(db, "w1", T0, 1))).toEqual([20]);
    expect(ids(await claim(db, "w1", T0, 1))).toEqual([21]);
  });

  it("an update waiting for a retry holds its chat back until it is due", async () => {
    const { db } = database();
    await storeUpdates(db, [textUpdate(10, 1, "a"), textUpdate(11, 1, "b")], T0);
    const [first] = await claim(db, "w1");
    if (!first) throw new Error("nothing claimed");
    expect(
      await retryLater(db, {
        id: first.id,
        workerId: "w1",
        error: "db down",
        availableAt: at(MINUTE),
      }),
    ).toBe(true);
    expect(await claim(db, "w1", at(MINUTE - 1))).toEqual([]);
    const again = await claim(db, "w1", at(MINUTE));
    expect(again.map((row) => [row.updateId, row.attempts, row.lastError])).toEqual([
      [10, 2, "db down"],
    ]);
  });

  it("a set-aside update lets its chat go on", async () => {
    const { db } = database();
    await storeUpdates(db, [textUpdate(10, 1, "a"), textUpdate(11, 1, "b")], T0);
    const [first] = await claim(db, "w1");
    if (!first) throw new Error("nothing claimed");
    expect(await setAside(db, { id: first.id, workerId: "w1", error: "bug", now: T0 })).toBe(true);
    expect(ids(await claim(db, "w1"))).toEqual([11]);
    const [failed] = await db.select().from(updates).where(eq(updates.updateId, 10));
    expect(failed).toMatchObject({ status: "failed", lastError: "bug", handledAt: T0 });
  });

  it("an expired lease is taken over, and the first worker can no longer finish it", async () => {
    const { db } = database();
    await storeUpdates(db, [textUpdate(10, 1, "a"), textUpdate(11, 1, "b")], T0);
    const [held] = await claim(db, "dead");
    if (!held) throw new Error("nothing claimed");
    expect(await claim(db, "w2", at(MINUTE - 1))).toEqual([]);
    expect(
      await extendLease(db, { id: held.id, workerId: "dead", leaseUntil: at(2 * MINUTE) }),
    ).toBe(true);
    expect(await claim(db, "w2", at(MINUTE))).toEqual([]);
    const [taken] = await claim(db, "w2", at(2 * MINUTE));
    expect(taken).toMatchObject({ updateId: 10, claimedBy: "w2", attempts: 2 });
    expect(await markDone(db, { id: held.id, workerId: "dead", now: at(2 * MINUTE) })).toBe(false);
    expect(await markDone(db, { id: held.id, workerId: "w2", now: at(2 * MINUTE) })).toBe(true);
  });

  it("settles an update inside the handler's transaction, once", async () => {
    const { db } = database();
    await storeUpdates(db, [textUpdate(10, 1, "a")], T0);
    const effects: string[] = [];
    /** A handler's saving transaction: the effect commits only with the settlement. */
    const save = (run: string) =>
      db
        .transaction(async (tx) => {
          const settlement = await settleUpdate(tx, { updateId: 10, now: T0 });
          if (settlement === "already-settled") tx.rollback();
          effects.push(run);
          return settlement;
        })
        .catch(() => "rolled back");
    expect(await save("first run")).toBe("settled");
    expect(await save("second run")).toBe("rolled back");
    expect(effects).toEqual(["first run"]);
    const [row] = await db.select().from(updates);
    // still "pending" here (never claimed); settling never frees the chat by itself
    expect(row).toMatchObject({ status: "pending", settledAt: T0 });
    expect(await settleUpdate(db, { updateId: 99, now: T0 })).toBe("not-in-inbox");
  });

  it("deletes handled updates older than the cut, never unhandled ones", async () => {
    const { db } = database();
    await storeUpdates(
      db,
      [textUpdate(10, 1, "a"), textUpdate(11, 2, "b"), textUpdate(12, 3, "c")],
      T0,
    );
    const [a, b] = await claim(db, "w1");
    await markDone(db, { id: a?.id ?? 0, workerId: "w1", now: T0 });
    await setAside(db, { id: b?.id ?? 0, workerId: "w1", error: "x", now: at(MINUTE) });
    expect(await deleteHandledBefore(db, at(1))).toBe(1);
    expect(await deleteHandledBefore(db, at(10 * MINUTE))).toBe(1);
    expect(ids(await db.select().from(updates))).toEqual([12]);
  });
});
