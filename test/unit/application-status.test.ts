import { describe, expect, it } from "vitest";
import {
  APPLICATION_STATUSES,
  canWithdraw,
  checkTransition,
  isFinal,
  nextStatuses,
} from "../../src/domain/application-status.ts";

describe("application status machine", () => {
  it.each([
    ["draft", "submitted", "owner", "local"],
    ["submitted", "received", "officer", "local"],
    ["submitted", "received", "system", "national"],
    ["received", "reviewing", "officer", "local"],
    ["reviewing", "needs_info", "officer", "local"],
    ["needs_info", "reviewing", "owner", "local"],
    ["reviewing", "approved", "officer", "local"],
    ["reviewing", "rejected", "officer", "national"],
    ["reviewing", "forwarded", "officer", "national"],
    ["forwarded", "approved", "officer", "national"],
    ["forwarded", "rejected", "officer", "national"],
    ["submitted", "withdrawn", "owner", "local"],
    ["reviewing", "withdrawn", "owner", "local"],
  ] as const)("%s -> %s by %s (%s) is allowed", (from, to, actor, program) => {
    expect(checkTransition(from, to, actor, program)).toEqual({ ok: true });
  });

  it.each([
    ["draft", "approved", "officer", "local", "status-transition-not-allowed"],
    ["approved", "withdrawn", "owner", "local", "status-transition-not-allowed"],
    ["rejected", "reviewing", "officer", "local", "status-transition-not-allowed"],
    ["submitted", "received", "owner", "local", "status-actor-not-allowed"],
    ["reviewing", "approved", "owner", "local", "status-actor-not-allowed"],
    ["submitted", "withdrawn", "officer", "local", "status-actor-not-allowed"],
    ["reviewing", "forwarded", "officer", "local", "status-program-mismatch"],
    ["reviewing", "approved", "officer", "national", "status-program-mismatch"],
  ] as const)("%s -> %s by %s (%s) is refused: %s", (from, to, actor, program, error) => {
    expect(checkTransition(from, to, actor, program)).toEqual({ ok: false, error });
  });

  it("has final states with no way out", () => {
    const finals = APPLICATION_STATUSES.filter(isFinal);
    expect(finals).toEqual(["rejected", "disbursed", "withdrawn"]);
  });

  it("lets the owner withdraw only before a decision", () => {
    expect(APPLICATION_STATUSES.filter(canWithdraw)).toEqual([
      "submitted",
      "received",
      "reviewing",
      "needs_info",
      "forwarded",
    ]);
  });

  it.each([
    ["forwarded", "not_selected", "officer", "national"],
    ["not_selected", "submitted", "owner", "national"],
    ["approved", "implementing", "officer", "local"],
    ["implementing", "accepted", "officer", "local"],
    ["accepted", "disbursed", "officer", "national"],
    ["submitted", "rejected", "officer", "local"],
    ["received", "needs_info", "officer", "local"],
  ] as const)("after the decision: %s -> %s by %s (%s) is allowed", (from, to, actor, program) => {
    expect(checkTransition(from, to, actor, program)).toEqual({ ok: true });
  });

  it("refuses skipping a step of the road after approval", () => {
    expect(checkTransition("approved", "disbursed", "officer", "local").ok).toBe(false);
    expect(checkTransition("forwarded", "not_selected", "officer", "local").ok).toBe(false);
  });

  it("lists an officer's next steps by programme", () => {
    expect(nextStatuses("reviewing", "officer", "national")).toEqual([
      "needs_info",
      "rejected",
      "forwarded",
    ]);
    expect(nextStatuses("reviewing", "officer", "local")).toEqual([
      "needs_info",
      "approved",
      "rejected",
    ]);
  });
});
