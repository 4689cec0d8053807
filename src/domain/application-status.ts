/**
 * The life of an application. Every change of status goes through
 * `checkTransition`, is written to the history and told to the owner.
 *
 *   draft -> submitted -> received -> reviewing -> approved | rejected
 *   reviewing <-> needs_info (an officer asks for more; the owner answers)
 *   reviewing -> forwarded -> approved | rejected   (national programme: the Ministry decides)
 *   withdrawn: by the owner, any time before a decision
 */

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "received",
  "reviewing",
  "needs_info",
  "forwarded",
  "approved",
  "rejected",
  "withdrawn",
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type Actor = "owner" | "officer" | "system";
export type Program = "local" | "national";

interface Transition {
  to: ApplicationStatus;
  by: readonly Actor[];
  /** only for this programme */
  program?: Program;
}

const TRANSITIONS: Record<ApplicationStatus, readonly Transition[]> = {
  draft: [{ to: "submitted", by: ["owner"] }],
  submitted: [
    { to: "received", by: ["officer", "system"] },
    { to: "withdrawn", by: ["owner"] },
  ],
  received: [
    { to: "reviewing", by: ["officer"] },
    { to: "withdrawn", by: ["owner"] },
  ],
  reviewing: [
    { to: "needs_info", by: ["officer"] },
    { to: "approved", by: ["officer"], program: "local" },
    { to: "rejected", by: ["officer"] },
    { to: "forwarded", by: ["officer"], program: "national" },
    { to: "withdrawn", by: ["owner"] },
  ],
  needs_info: [
    { to: "reviewing", by: ["owner", "officer"] },
    { to: "rejected", by: ["officer"] },
    { to: "withdrawn", by: ["owner"] },
  ],
  forwarded: [
    { to: "approved", by: ["officer"] },
    { to: "rejected", by: ["officer"] },
    { to: "withdrawn", by: ["owner"] },
  ],
  approved: [],
  rejected: [],
  withdrawn: [],
};

export type TransitionCheck =
  | { ok: true }
  | {
      ok: false;
      error:
        | "status-transition-not-allowed"
        | "status-actor-not-allowed"
        | "status-program-mismatch";
    };

export function checkTransition(
  from: ApplicationStatus,
  to: ApplicationStatus,
  actor: Actor,
  program: Program | null,
): TransitionCheck {
  const candidates = TRANSITIONS[from].filter((transition) => transition.to === to);
  if (candidates.length === 0) return { ok: false, error: "status-transition-not-allowed" };
  const forActor = candidates.filter((transition) => transition.by.includes(actor));
  if (forActor.length === 0) return { ok: false, error: "status-actor-not-allowed" };
  const forProgram = forActor.filter(
    (transition) => !transition.program || transition.program === program,
  );
  if (forProgram.length === 0) return { ok: false, error: "status-program-mismatch" };
  return { ok: true };
}

export function nextStatuses(
  from: ApplicationStatus,
  actor: Actor,
  program: Program | null,
): ApplicationStatus[] {
  return TRANSITIONS[from]
    .filter((t) => t.by.includes(actor) && (!t.program || t.program === program))
    .map((t) => t.to);
}

/** A decision has been made (or the owner gave up): nothing more can change. */
export const isFinal = (status: ApplicationStatus): boolean => TRANSITIONS[status].length === 0;

export const canWithdraw = (status: ApplicationStatus): boolean =>
  checkTransition(status, "withdrawn", "owner", null).ok;
