/**
 * Pacing of the sender: a sliding window of sends (Telegram's ~30 messages a
 * second per bot) and the sleeps the sender waits with. Per-chat spacing is
 * kept by the claim itself (store.ts), so it holds across senders; the
 * global window holds across instances because only the leader sends
 * (leadership.ts).
 */
import type { FakeClock } from "../clock.ts";

/** Waits `ms` (or until `signal` aborts). Tests pass `virtualSleep(clock)`, which moves a FakeClock instead. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener("abort", done, { once: true });
  });

/** A sleep that advances a FakeClock at once: tests run hours of sending in milliseconds. */
export function virtualSleep(clock: FakeClock): Sleep {
  return async (ms) => {
    clock.advance(Math.max(1, Math.ceil(ms)));
  };
}

/**
 * At most `capacity` sends in any `windowMs`, each counted from when its
 * answer came back (and counted from its start while it is in flight).
 */
export class SendWindow {
  private readonly finished: number[] = [];
  private inFlight = 0;

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
  ) {}

  static forRate(perSecond: number, safetyMarginMs: number): SendWindow {
    const capacity = Math.max(1, Math.floor(perSecond));
    return new SendWindow(capacity, (1000 * capacity) / perSecond + safetyMarginMs);
  }

  /** 0: send now; n > 0: wait n ms; undefined: wait until a send in flight finishes. */
  waitMs(now: number): number | undefined {
    while (this.finished.length > 0 && (this.finished[0] ?? 0) <= now - this.windowMs) {
      this.finished.shift();
    }
    if (this.finished.length + this.inFlight < this.capacity) return 0;
    const oldest = this.finished[0];
    if (oldest === undefined) return undefined;
    return Math.max(1, oldest + this.windowMs - now);
  }

  begin(): void {
    this.inFlight++;
  }

  end(at: number): void {
    this.inFlight--;
    let index = this.finished.length;
    while (index > 0 && (this.finished[index - 1] ?? 0) > at) index--;
    this.finished.splice(index, 0, at);
  }
}

/**
 * One message per chat per `intervalMs`, as Telegram asks, for rows that
 * reach this sender without the claim's own per-chat check (a reclaim).
 * Forgets chats whose last send is long past, so memory stays bounded.
 */
export class ChatSpacing {
  private readonly lastSend = new Map<number, number>();

  constructor(private readonly intervalMs: number) {}

  /** The earliest instant (ms) the next message to this chat may go. */
  readyAt(chatId: number): number {
    const last = this.lastSend.get(chatId);
    return last === undefined ? 0 : last + this.intervalMs;
  }

  recordSend(chatId: number, at: number): void {
    this.lastSend.set(chatId, at);
    if (this.lastSend.size < 10_000) return;
    for (const [chat, sentAt] of this.lastSend) {
      if (sentAt < at - this.intervalMs) this.lastSend.delete(chat);
    }
  }
}
