import type { PromptLead } from "./prompt.ts";

/**
 * Updates whose answer the form conversation has just saved. The
 * conversation ends itself with `halt({ next: true })` after each saved
 * answer (so its replay log never grows past one question); the router
 * downstream sees the update here and moves the form on to the next question,
 * saying first what the answer caused (its notices: a read-back, a warning),
 * in the same message: one message per answer.
 */
export class AnsweredUpdates {
  private readonly leads = new Map<number, PromptLead | undefined>();

  add(updateId: number, lead?: PromptLead): void {
    this.leads.set(updateId, lead);
  }

  /** once for an update the conversation marked: what to say before the next step */
  take(updateId: number): { lead: PromptLead | undefined } | undefined {
    if (!this.leads.has(updateId)) return undefined;
    const lead = this.leads.get(updateId);
    this.leads.delete(updateId);
    return { lead };
  }
}
