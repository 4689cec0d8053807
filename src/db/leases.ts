/**
 * Named leases: a lock held by one holder at a time, until it expires, so a
 * holder that dies without releasing it is replaced within `ttlMs`. The
 * outbox sender's leader lock ("outbox-sender"): one sender keeps the global
 * 30 messages a second across instances, another takes over when it dies.
 *
 * Guarantee: at any instant of the database's commit order at most one
 * holder has a lease whose expiry (by the callers' clocks) lies ahead.
 * Acquiring and renewing are one INSERT … ON CONFLICT DO UPDATE … WHERE,
 * which PostgreSQL runs atomically per row. The window: a holder that
 * stalls past its expiry (a long GC pause, a frozen VM) may still act for a
 * moment after another took over; holders renew well before expiry (a
 * third of the TTL) and check the answer before acting. Callers' clocks
 * must roughly agree (NTP), as the expiry is written from them.
 */
import { and, eq, or, sql } from "drizzle-orm";
import type { Executor } from "./client.ts";
import { leases } from "./schema/index.ts";

export interface LeaseRequest {
  name: string;
  /** who asks: a stable id per process (host:pid:random) */
  holder: string;
  ttlMs: number;
  now: Date;
}

/**
 * Takes the lease if it is free or expired, renews it if we hold it.
 * Returns true when we hold it until `now + ttlMs`.
 */
export async function tryAcquireLease(db: Executor, request: LeaseRequest): Promise<boolean> {
  const expiresAt = new Date(request.now.getTime() + request.ttlMs);
  const rows = await db
    .insert(leases)
    .values({ name: request.name, holder: request.holder, expiresAt, acquiredAt: request.now })
    .onConflictDoUpdate({
      target: leases.name,
      set: {
        holder: sql`excluded.holder`,
        expiresAt: sql`excluded.expires_at`,
        // a renewal keeps the time the holder first took it
        acquiredAt: sql`case when ${leases.holder} = excluded.holder then ${leases.acquiredAt} else excluded.acquired_at end`,
      },
      setWhere: or(
        eq(leases.holder, sql`excluded.holder`),
        sql`${leases.expiresAt} <= excluded.acquired_at`,
      ),
    })
    .returning({ holder: leases.holder });
  return rows.length > 0;
}

/** Gives the lease up at once (on a clean stop), if we hold it. Returns whether we did. */
export async function releaseLease(
  db: Executor,
  lease: { name: string; holder: string },
): Promise<boolean> {
  const rows = await db
    .delete(leases)
    .where(and(eq(leases.name, lease.name), eq(leases.holder, lease.holder)))
    .returning({ name: leases.name });
  return rows.length > 0;
}

/** Who holds the lease now, if anyone (for logs and health checks). */
export async function currentLeaseHolder(
  db: Executor,
  name: string,
  now: Date,
): Promise<string | undefined> {
  const [row] = await db.select().from(leases).where(eq(leases.name, name));
  return row && row.expiresAt > now ? row.holder : undefined;
}
