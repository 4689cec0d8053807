/**
 * The ids of the last updates handled by this process. Telegram sends an
 * update again when a webhook answer was late or failed; taking it twice
 * would save the same text as the answer to the next question.
 */
export class RecentUpdates {
  private readonly ids = new Set<number>();

  constructor(private readonly capacity = 10_000) {}

  /** true the first time an id is seen */
  firstTime(updateId: number): boolean {
    if (this.ids.has(updateId)) return false;
    this.ids.add(updateId);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
