/**
 * The outbox sender's leader lock: several instances share one database,
 * but only the leader sends, so Telegram's limit of about 30 messages a
 * second holds for the bot as a whole (each sender keeps its own window).
 * The lock is a lease (src/db/leases.ts) renewed a third of its time before
 * it runs out; when the leader dies, another instance takes over within the
 * lease's time (10 s by default). A clean stop gives it up at once.
 */
import type { Clock } from "../clock.ts";
import type { Database } from "../db/client.ts";
import { releaseLease, tryAcquireLease } from "../db/leases.ts";
import type { Logger } from "../logger.ts";
import type { Leadership } from "./sender-options.ts";

export const OUTBOX_LEASE = "outbox-sender";

export function leaseLeadership(options: {
  db: Database;
  holder: string;
  clock: Clock;
  logger: Logger;
  ttlMs?: number;
}): Leadership {
  const ttlMs = options.ttlMs ?? 10_000;
  let heldUntil = 0;
  let leader = false;
  return {
    async isLeader(now) {
      const at = now.getTime();
      // Renewed once a third of the lease has passed; between renewals, no query.
      if (leader && at < heldUntil - (2 * ttlMs) / 3) return true;
      const acquired = await tryAcquireLease(options.db, {
        name: OUTBOX_LEASE,
        holder: options.holder,
        ttlMs,
        now,
      });
      if (acquired !== leader) {
        options.logger.info(
          { holder: options.holder, leader: acquired },
          acquired ? "outbox sender: leading" : "outbox sender: another instance leads",
        );
      }
      leader = acquired;
      heldUntil = acquired ? at + ttlMs : 0;
      return acquired;
    },
    async release() {
      if (!leader) return;
      leader = false;
      await releaseLease(options.db, { name: OUTBOX_LEASE, holder: options.holder }).catch(
        () => undefined,
      );
    },
  };
}
