/** How an outbox sender is set up, with the defaults every instance uses. */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Api } from "grammy";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { realSleep, type Sleep } from "./send-window.ts";

/**
 * Whether this sender may send now. Several instances share one database but
 * only one may send at a time, or together they pass Telegram's global rate
 * (each keeps its own window). `isLeader` is asked before every claim.
 */
export interface Leadership {
  isLeader(now: Date): Promise<boolean>;
  /** gives the leadership up at once (a clean stop), so another takes over without waiting */
  release?(): Promise<void>;
}

export interface OutboxSenderOptions {
  db: Database;
  api: Api;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, "timeZone" | "quietHours" | "outbox">;
  /** kept in claimed_by; default host:pid:random */
  senderId?: string;
  /** rows per claim; default max(10, global rate) */
  batchSize?: number;
  /** how long a claim holds a row before another sender may take it; default 60 s */
  leaseMs?: number;
  /** how often an idle sender looks for due rows; default 1 s (`wake()` looks at once) */
  pollIntervalMs?: number;
  /** added to every rate window, for clock and network jitter; default 25 ms */
  safetyMarginMs?: number;
  /** retry delays after network errors and 5xx: base * 2^(attempt-1), capped; default 5 s, 15 min */
  backoff?: { baseMs: number; maxMs: number };
  sleep?: Sleep;
  /** for the jitter of the backoff; default Math.random */
  random?: () => number;
  /** several instances on one database: only the leader sends; default: always the leader */
  leadership?: Leadership;
}

export type SenderSettings = Required<
  Pick<
    OutboxSenderOptions,
    | "senderId"
    | "batchSize"
    | "leaseMs"
    | "pollIntervalMs"
    | "safetyMarginMs"
    | "backoff"
    | "sleep"
    | "random"
    | "leadership"
  >
>;

/** A process alone on its database is always the leader. */
export const soleLeader: Leadership = { isLeader: async () => true };

export function senderSettings(options: OutboxSenderOptions): SenderSettings {
  const rate = options.config.outbox.globalRatePerSecond;
  return {
    senderId: options.senderId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    batchSize: options.batchSize ?? Math.max(10, Math.ceil(rate)),
    leaseMs: options.leaseMs ?? 60_000,
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    safetyMarginMs: options.safetyMarginMs ?? 25,
    backoff: options.backoff ?? { baseMs: 5000, maxMs: 15 * 60_000 },
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    leadership: options.leadership ?? soleLeader,
  };
}
