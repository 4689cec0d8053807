/**
 * The life of an application. Every change of status goes through
 * `checkTransition`, is written to the history and told to the owner.
 *
 *   draft -> submitted -> received -> reviewing -> approved | rejected
 *   submitted | received -> rejected ("không tiếp nhận": not taken up, with a reason)
 *   submitted | received | reviewing -> needs_info (bổ sung) -> reviewing (the owner answers)
 *   reviewing -> forwarded -> approved | not_selected   (national programme: the Ministry decides)
 *   not_selected -> submitted   (the owner moves it to the local programme)
 *   approved -> implementing -> accepted (nghiệm thu) -> disbursed (giải ngân)
 *   withdrawn: by the owner, any time before a decision
 */

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "received",
  "reviewing",
  "needs_info",
  "forwarded",
  "not_selected",
  "approved",
  "rejected",
  "implementing",
  "accepted",
  "disbursed",
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

const WITHDRAW: Transition = { to: "withdrawn", by: ["owner"] };

const TRANSITIONS: Record<ApplicationStatus, readonly Transition[]> = {
  draft: [{ to: "submitted", by: ["owner"] }],
  submitted: [
    { to: "received", by: ["officer", "system"] },
    { to: "needs_info", by: ["officer"] },
    { to: "rejected", by: ["officer"] },
    WITHDRAW,
  ],
  received: [
    { to: "reviewing", by: ["officer"] },
    { to: "needs_info", by: ["officer"] },
    { to: "rejected", by: ["officer"] },
    WITHDRAW,
  ],
  reviewing: [
    { to: "needs_info", by: ["officer"] },
    { to: "approved", by: ["officer"], program: "local" },
    { to: "rejected", by: ["officer"] },
    { to: "forwarded", by: ["officer"], program: "national" },
    WITHDRAW,
  ],
  needs_info: [
    { to: "reviewing", by: ["owner", "officer"] },
    { to: "rejected", by: ["officer"] },
    WITHDRAW,
  ],
  forwarded: [
    { to: "approved", by: ["officer"] },
    { to: "not_selected", by: ["officer"], program: "national" },
    { to: "rejected", by: ["officer"] },
    WITHDRAW,
  ],
  // The Ministry did not select it: the owner may move it to the local programme.
  not_selected: [{ to: "submitted", by: ["owner"] }],
  approved: [{ to: "implementing", by: ["officer"] }],
  implementing: [{ to: "accepted", by: ["officer"] }],
  accepted: [{ to: "disbursed", by: ["officer"] }],
  disbursed: [],
  rejected: [],
  withdrawn: [],
};

/** The statuses at which a decision has been made (approved and after, or refused). */
export const DECIDED_STATUSES: readonly ApplicationStatus[] = [
  "approved",
  "implementing",
  "accepted",
  "disbursed",
  "rejected",
  "not_selected",
];

/** Waiting for an officer's action (the officers' inbox). */
export const WAITING_FOR_OFFICER: readonly ApplicationStatus[] = [
  "submitted",
  "received",
  "reviewing",
  "forwarded",
];

/** Open and waiting: on an officer, or on the owner's bổ sung (the digest's "waiting"). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = [...WAITING_FOR_OFFICER, "needs_info"];

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

/** Nothing more can change (paid out, refused, or given up). */
export const isFinal = (status: ApplicationStatus): boolean => TRANSITIONS[status].length === 0;

export const canWithdraw = (status: ApplicationStatus): boolean =>
  checkTransition(status, "withdrawn", "owner", null).ok;

export const isDecided = (status: ApplicationStatus): boolean => DECIDED_STATUSES.includes(status);
