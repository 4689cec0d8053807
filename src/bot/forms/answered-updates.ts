/**
 * Updates whose answer the form conversation has just saved. The
 * conversation ends itself with `halt({ next: true })` after each saved
 * answer (so its replay log never grows past one question); the router
 * downstream sees the update here and moves the form on to the next question.
 */
export class AnsweredUpdates {
  private readonly ids = new Set<number>();

  add(updateId: number): void {
    this.ids.add(updateId);
  }

  /** true once for an update the conversation marked */
  take(updateId: number): boolean {
    return this.ids.delete(updateId);
  }
}
