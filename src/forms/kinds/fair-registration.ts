/**
 * An owner's registration for a trade fair ("Đăng ký tham gia"): which
 * products, how many booths, a note. Opened from the fair's card or its
 * reminder; the profile comes first when the establishment is not yet
 * described (the draft keeps which fair, so the registration follows).
 */
import { formatDate, localParts } from "../../domain/dates.ts";
import { escapeHtml } from "../../i18n.ts";
import { findEvent } from "../../services/calendar.ts";
import { findOwnersEstablishment } from "../../services/establishments.ts";
import { findRegistration, registerForFair } from "../../services/fair-registrations.ts";
import { deleteFormDraft, readFormDraft, writeFormDraft } from "../../services/form-drafts.ts";
import { expectChoice, expectLongText, expectText } from "../answer-kit.ts";
import type { FormDefinition, StartOutcome, SubmitOutcome } from "../types.ts";

const KIND = "fair-registration";
const NO_NOTE = "none";
const MAX_BOOTHS = 5;
/** what an owner is told who has registered already, by the registration's state */
const ALREADY: Record<string, string> = {
  registered: "fair-registration-exists-registered",
  approved: "fair-registration-exists-approved",
  declined: "fair-registration-exists-declined",
};

export interface FairRegistrationDraft {
  /** the fair's event id */
  id: number;
  title: string;
  products: string | null;
  booths: number | null;
  /** "" when the owner has no note */
  note: string | null;
}
type Patch = Partial<Pick<FairRegistrationDraft, "products" | "booths" | "note">>;

/** Whether registration for this fair is open at `now`. */
const isOpen = (
  event: Awaited<ReturnType<typeof findEvent>>,
  now: Date,
): event is NonNullable<typeof event> =>
  event !== undefined &&
  event.kind === "fair" &&
  event.status === "active" &&
  (event.registrationDeadline ? event.registrationDeadline.getTime() > now.getTime() : true);

export const fairRegistrationForm: FormDefinition<
  FairRegistrationDraft,
  Patch,
  Record<string, never>
> = {
  kind: KIND,
  roles: ["applicant", "officer", "admin"],
  names: { form: "form-name-fair-registration", resumeButton: "menu-resume" },
  questions: [
    {
      id: "products",
      promptKey: "fair-q-products",
      isAnswered: (record) => record.products !== null,
      accept(input) {
        const checked = expectLongText(input, 500);
        return checked.ok ? { ok: true, patch: { products: checked.text } } : checked;
      },
      display: (record) => record.products,
    },
    {
      id: "booths",
      promptKey: "fair-q-booths",
      columns: 3,
      choices: () =>
        ["1", "2", "3"].map((value) => ({ value, label: { key: "raw", vars: { text: value } } })),
      isAnswered: (record) => record.booths !== null,
      accept(input) {
        if (input.kind === "choice") {
          const chosen = expectChoice(input, ["1", "2", "3"]);
          return chosen.ok ? { ok: true, patch: { booths: Number(chosen.value) } } : chosen;
        }
        const checked = expectText(input, 3);
        if (!checked.ok) return checked;
        const booths = Number(checked.text);
        return Number.isInteger(booths) && booths >= 1 && booths <= MAX_BOOTHS
          ? { ok: true, patch: { booths } }
          : { ok: false, error: { key: "fair-booths-invalid" } };
      },
      display: (record) => (record.booths === null ? null : String(record.booths)),
    },
    {
      id: "note",
      promptKey: "fair-q-note",
      choices: () => [{ value: NO_NOTE, label: { key: "fair-note-skip" } }],
      isAnswered: (record) => record.note !== null,
      accept(input) {
        if (input.kind === "choice") {
          const chosen = expectChoice(input, [NO_NOTE]);
          return chosen.ok ? { ok: true, patch: { note: "" } } : chosen;
        }
        const checked = expectLongText(input, 500);
        return checked.ok ? { ok: true, patch: { note: checked.text } } : checked;
      },
      display: (record, _context, t) => (record.note === "" ? t("fair-note-skip") : record.note),
    },
  ],
  async load(db, ref) {
    const draft = await readFormDraft<FairRegistrationDraft>(db, KIND, ref.userId);
    return draft?.id === ref.recordId ? draft : undefined;
  },
  async save(db, ref, patch) {
    const draft = await readFormDraft<FairRegistrationDraft>(db, KIND, ref.userId);
    if (draft?.id === ref.recordId)
      await writeFormDraft(db, KIND, ref.userId, { ...draft, ...patch });
  },
  facts: async () => ({}),
  async start(deps, userId, args): Promise<StartOutcome> {
    const left = await readFormDraft<FairRegistrationDraft>(deps.db, KIND, userId);
    const eventId = args.recordId ?? left?.id;
    const event = eventId === undefined ? undefined : await findEvent(deps.db, eventId);
    const now = deps.clock.now();
    if (!isOpen(event, now))
      return { kind: "refused", message: { key: "fair-registration-closed" } };
    const existing = await findRegistration(deps.db, event.id, userId);
    if (existing && existing.status !== "draft" && existing.status !== "cancelled") {
      return {
        kind: "refused",
        message: { key: ALREADY[existing.status] ?? "fair-registration-closed" },
      };
    }
    const draft: FairRegistrationDraft =
      left?.id === event.id
        ? left
        : { id: event.id, title: event.title, products: null, booths: null, note: null };
    await writeFormDraft(deps.db, KIND, userId, draft);
    const establishment = await findOwnersEstablishment(deps.db, userId);
    if (!establishment?.completed) {
      // The draft remembers the fair: once the profile is saved, this form opens on it.
      return { kind: "redirect", form: "profile", args: { continueWith: KIND } };
    }
    const deadline = event.registrationDeadline
      ? formatDate(localParts(event.registrationDeadline, deps.config.timeZone))
      : "—";
    return {
      kind: "open",
      recordId: event.id,
      intro: {
        key: "fair-registration-intro",
        vars: { title: escapeHtml(event.title), date: deadline },
      },
    };
  },
  async submit(deps, ref, record): Promise<SubmitOutcome> {
    const event = await findEvent(deps.db, record.id);
    const establishment = await findOwnersEstablishment(deps.db, ref.userId);
    if (!isOpen(event, deps.clock.now()) || !establishment?.completed) {
      return { kind: "refused", message: { key: "fair-registration-closed" } };
    }
    const result = await registerForFair(deps.db, {
      eventId: event.id,
      establishmentId: establishment.id,
      ownerId: ref.userId,
      products: record.products ?? "",
      booths: record.booths ?? 1,
      note: record.note ? record.note : null,
      now: deps.clock.now(),
    });
    await deleteFormDraft(deps.db, KIND, ref.userId);
    return result.ok
      ? {
          kind: "done",
          message: { key: "fair-registration-done", vars: { title: escapeHtml(event.title) } },
        }
      : {
          kind: "refused",
          message: { key: ALREADY[result.state] ?? "fair-registration-closed" },
        };
  },
  summary: {
    title: (record) => ({
      key: "fair-registration-summary-title",
      vars: { title: escapeHtml(record.title) },
    }),
    footer: () => ({ key: "fair-registration-summary-footer" }),
    submitLabel: () => ({ key: "fair-registration-submit" }),
  },
  async resumable(db, userId) {
    return (await readFormDraft<FairRegistrationDraft>(db, KIND, userId))?.id;
  },
  async discard(db, ref) {
    await deleteFormDraft(db, KIND, ref.userId);
    return true;
  },
};
