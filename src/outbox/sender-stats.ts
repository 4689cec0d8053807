/** What a sender did, counted; `drainOnce` and `runUntilIdle` return the difference. */
export interface SenderStats {
  claimed: number;
  sent: number;
  /** refused for good by Telegram (a bad request), or skipped because the recipient blocked the bot */
  failed: number;
  /** gave up after maxAttempts */
  dead: number;
  /** recipients found blocked (403 / chat not found) */
  blocked: number;
  /** network errors and 5xx, to be tried again */
  retried: number;
  /** 429 answers */
  rateLimited: number;
  /** claimed but put back: quiet hours began, a 429 pause, stopping */
  released: number;
}

export const emptyStats = (): SenderStats => ({
  claimed: 0,
  sent: 0,
  failed: 0,
  dead: 0,
  blocked: 0,
  retried: 0,
  rateLimited: 0,
  released: 0,
});
