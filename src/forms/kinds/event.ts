/**
 * An officer's event: a registration deadline, a trade fair or a result
 * announcement, added to the calendar or edited. Dates are read as people
 * type them ("15/3", "15-3-2027", "thứ 6 tuần sau"). Saving an edit that
 * moves the dates tells those who registered or were reminded.
 */
import type { EventAudience } from "../../db/schema/index.ts";
import { formatDate, localParts, zonedDateToUtc } from "../../domain/dates.ts";
import { parseEventDate } from "../../domain/event-dates.ts";
import { isoDay, parseIsoDay } from "../../domain/reminder-plan.ts";
import { escapeHtml } from "../../i18n.ts";
import {
  createEvent,
  findEvent,
  type NewCalendarEvent,
  updateEvent,
} from "../../services/calendar.ts";
import { deleteFormDraft, readFormDraft, writeFormDraft } from "../../services/form-drafts.ts";
import { expectChoice, expectLongText, expectText } from "../answer-kit.ts";
import type {
  Accepted,
  FormDefinition,
  Question,
  QuestionContext,
  StartOutcome,
  SubmitOutcome,
} from "../types.ts";

const KIND = "event";
const SAME_DAY = "same";
const SKIP = "skip";
const EVENT_KINDS = ["deadline", "fair", "result"] as const;
type EventKind = (typeof EVENT_KINDS)[number];
/** a fair's registration closes at this hour of its deadline day */
const FAIR_DEADLINE_HOUR = 17;

export interface EventDraft {
  /** the event's id when editing; 0 for a new one */
  id: number;
  kind: EventKind | null;
  title: string | null;
  startsOn: string | null;
  /** "" when it lasts one day */
  endsOn: string | null;
  location: string | null;
  /** a fair's registration deadline (its day) */
  deadlineOn: string | null;
  planYear: number | null;
  /** who it concerns: every owner, owners with a submitted application, or owners of some sectors */
  audience: "all" | "submitted" | "sectors" | null;
  /** words matched in the establishment's sector or products, comma-separated */
  sectors: string | null;
  /** "" when skipped */
  description: string | null;
  /** communes or categories the event was seeded with: kept as they are by an edit */
  keptAudience?: EventAudience;
}
type Patch = Partial<Omit<EventDraft, "id" | "keptAudience">>;
const AUDIENCES = ["all", "submitted", "sectors"] as const;
type EventQuestion = Question<EventDraft, Patch, Record<string, never>>;

const today = (context: QuestionContext) => localParts(new Date(context.nowIso), context.timeZone);
const showDay = (iso: string | null) => (iso ? formatDate(parseIsoDay(iso)) : null);

function dateAnswer(
  input: Parameters<EventQuestion["accept"]>[0],
  context: QuestionContext,
  field: "startsOn" | "endsOn" | "deadlineOn",
  check?: (iso: string) => string | undefined,
): Accepted<Patch> {
  const typed = expectText(input, 40);
  if (!typed.ok) return typed;
  const parsed = parseEventDate(typed.text, today(context));
  if (!parsed.ok) return { ok: false, error: { key: parsed.error } };
  const iso = isoDay(parsed.value);
  const problem = check?.(iso);
  return problem ? { ok: false, error: { key: problem } } : { ok: true, patch: { [field]: iso } };
}

const questions: EventQuestion[] = [
  {
    id: "kind",
    promptKey: "event-q-kind",
    columns: 1,
    choices: () =>
      EVENT_KINDS.map((kind) => ({ value: kind, label: { key: `event-kind-${kind}` } })),
    isAnswered: (record) => record.kind !== null,
    accept(input) {
      const chosen = expectChoice(input, EVENT_KINDS);
      return chosen.ok ? { ok: true, patch: { kind: chosen.value as EventKind } } : chosen;
    },
    display: (record, _context, t) => (record.kind ? t(`event-kind-${record.kind}`) : null),
  },
  {
    id: "title",
    promptKey: "event-q-title",
    isAnswered: (record) => record.title !== null,
    accept(input) {
      const checked = expectText(input, 200);
      return checked.ok ? { ok: true, patch: { title: checked.text } } : checked;
    },
    display: (record) => record.title,
  },
  {
    id: "starts",
    promptKey: "event-q-starts",
    isAnswered: (record) => record.startsOn !== null,
    accept: (input, _record, context) => dateAnswer(input, context, "startsOn"),
    display: (record) => showDay(record.startsOn),
  },
  {
    id: "ends",
    promptKey: "event-q-ends",
    applies: (record) => record.kind === "fair",
    choices: () => [{ value: SAME_DAY, label: { key: "event-ends-same" } }],
    isAnswered: (record) => record.endsOn !== null,
    accept(input, record, context) {
      if (input.kind === "choice") {
        const chosen = expectChoice(input, [SAME_DAY]);
        return chosen.ok ? { ok: true, patch: { endsOn: "" } } : chosen;
      }
      return dateAnswer(input, context, "endsOn", (iso) =>
        record.startsOn && iso < record.startsOn ? "event-ends-before" : undefined,
      );
    },
    display: (record, _context, t) =>
      record.endsOn === "" ? t("event-ends-same") : showDay(record.endsOn),
  },
  {
    id: "location",
    promptKey: "event-q-location",
    applies: (record) => record.kind === "fair",
    isAnswered: (record) => record.location !== null,
    accept(input) {
      const checked = expectText(input, 200);
      return checked.ok ? { ok: true, patch: { location: checked.text } } : checked;
    },
    display: (record) => record.location,
  },
  {
    id: "deadline",
    promptKey: "event-q-deadline",
    applies: (record) => record.kind === "fair",
    isAnswered: (record) => record.deadlineOn !== null,
    accept: (input, record, context) =>
      dateAnswer(input, context, "deadlineOn", (iso) =>
        record.startsOn && iso >= record.startsOn ? "event-deadline-after-start" : undefined,
      ),
    display: (record) => showDay(record.deadlineOn),
  },
  {
    id: "plan-year",
    promptKey: "event-q-plan-year",
    applies: (record) => record.kind === "deadline" || record.kind === "result",
    isAnswered: (record) => record.planYear !== null,
    accept(input) {
      const checked = expectText(input, 4);
      if (!checked.ok) return checked;
      const year = Number(checked.text);
      return /^\d{4}$/.test(checked.text) && year >= 2020 && year <= 2100
        ? { ok: true, patch: { planYear: year } }
        : { ok: false, error: { key: "event-year-invalid" } };
    },
    display: (record) => (record.planYear === null ? null : String(record.planYear)),
  },
  {
    id: "audience",
    promptKey: "event-q-audience",
    columns: 1,
    choices: () =>
      AUDIENCES.map((audience) => ({
        value: audience,
        label: { key: `event-audience-${audience}` },
      })),
    isAnswered: (record) => record.audience !== null,
    accept(input) {
      const chosen = expectChoice(input, AUDIENCES);
      return chosen.ok
        ? {
            ok: true,
            patch: {
              audience: chosen.value as EventDraft["audience"],
              ...(chosen.value === "sectors" ? {} : { sectors: "" }),
            },
          }
        : chosen;
    },
    display: (record, _context, t) =>
      record.audience ? t(`event-audience-${record.audience}`) : null,
  },
  {
    id: "sectors",
    promptKey: "event-q-sectors",
    applies: (record) => record.audience === "sectors",
    isAnswered: (record) => record.sectors !== null && record.sectors !== "",
    accept(input) {
      const checked = expectText(input, 200);
      if (!checked.ok) return checked;
      const words = checked.text
        .split(/[,;]/)
        .map((word) => word.trim())
        .filter((word) => word.length > 0);
      return words.length > 0
        ? { ok: true, patch: { sectors: words.join(", ") } }
        : { ok: false, error: { key: "event-sectors-invalid" } };
    },
    display: (record) => record.sectors,
  },
  {
    id: "description",
    promptKey: "event-q-description",
    choices: () => [{ value: SKIP, label: { key: "event-description-skip" } }],
    isAnswered: (record) => record.description !== null,
    accept(input) {
      if (input.kind === "choice") {
        const chosen = expectChoice(input, [SKIP]);
        return chosen.ok ? { ok: true, patch: { description: "" } } : chosen;
      }
      const checked = expectLongText(input, 1000);
      return checked.ok ? { ok: true, patch: { description: checked.text } } : checked;
    },
    display: (record, _context, t) =>
      record.description === "" ? t("event-description-skip") : record.description,
  },
];

/** The event's columns from a finished draft. */
function eventValues(record: EventDraft, timeZone: string): Omit<NewCalendarEvent, "createdBy"> {
  const kind = record.kind ?? "deadline";
  const starts = record.startsOn ?? "";
  const day = parseIsoDay(kind === "fair" ? (record.deadlineOn ?? starts) : starts);
  return {
    kind,
    title: record.title ?? "",
    description: record.description ? record.description : null,
    location: kind === "fair" ? record.location : null,
    startsOn: starts,
    endsOn: kind === "fair" && record.endsOn ? record.endsOn : null,
    registrationDeadline:
      kind === "fair"
        ? zonedDateToUtc({ ...day, hour: FAIR_DEADLINE_HOUR }, timeZone)
        : kind === "deadline"
          ? zonedDateToUtc({ ...day, hour: 23, minute: 59, second: 59 }, timeZone)
          : null,
    planYear: kind === "fair" ? null : record.planYear,
    audience: {
      ...record.keptAudience,
      ...(record.audience === "submitted" ? { withSubmittedApplication: true } : {}),
      ...(record.audience === "sectors" && record.sectors
        ? { sectors: record.sectors.split(",").map((word) => word.trim()) }
        : {}),
    },
  };
}

export const eventForm: FormDefinition<EventDraft, Patch, Record<string, never>> = {
  kind: KIND,
  roles: ["officer", "admin"],
  names: { form: "form-name-event", resumeButton: "menu-resume" },
  questions,
  async load(db, ref) {
    const draft = await readFormDraft<EventDraft>(db, KIND, ref.userId);
    return draft?.id === ref.recordId ? draft : undefined;
  },
  async save(db, ref, patch) {
    const draft = await readFormDraft<EventDraft>(db, KIND, ref.userId);
    if (draft?.id === ref.recordId)
      await writeFormDraft(db, KIND, ref.userId, { ...draft, ...patch });
  },
  facts: async () => ({}),
  async start(deps, userId, args): Promise<StartOutcome> {
    if (args.recordId === undefined) {
      const left = await readFormDraft<EventDraft>(deps.db, KIND, userId);
      const draft: EventDraft =
        left?.id === 0
          ? left
          : {
              id: 0,
              kind: null,
              title: null,
              startsOn: null,
              endsOn: null,
              location: null,
              deadlineOn: null,
              planYear: null,
              audience: null,
              sectors: null,
              description: null,
            };
      await writeFormDraft(deps.db, KIND, userId, draft);
      return { kind: "open", recordId: 0, intro: { key: "event-form-intro-new" } };
    }
    const event = await findEvent(deps.db, args.recordId);
    if (event?.status !== "active" || event.kind === "other") {
      return { kind: "refused", message: { key: "event-not-editable" } };
    }
    const deadlineDay = event.registrationDeadline
      ? isoDay(localParts(event.registrationDeadline, deps.config.timeZone))
      : null;
    await writeFormDraft(deps.db, KIND, userId, {
      id: event.id,
      kind: event.kind,
      title: event.title,
      startsOn: event.startsOn,
      endsOn: event.endsOn ?? "",
      location: event.location ?? "",
      deadlineOn: event.kind === "fair" ? (deadlineDay ?? event.startsOn) : null,
      planYear: event.planYear,
      audience: event.audience.withSubmittedApplication
        ? "submitted"
        : event.audience.sectors?.length
          ? "sectors"
          : "all",
      sectors: event.audience.sectors?.join(", ") ?? "",
      description: event.description ?? "",
      keptAudience: {
        ...(event.audience.communeCodes ? { communeCodes: event.audience.communeCodes } : {}),
        ...(event.audience.categories ? { categories: event.audience.categories } : {}),
        ...(event.audience.roles ? { roles: event.audience.roles } : {}),
      },
    } satisfies EventDraft);
    return {
      kind: "open",
      recordId: event.id,
      at: "summary",
      intro: { key: "event-form-intro-edit", vars: { title: escapeHtml(event.title) } },
    };
  },
  async submit(deps, ref, record): Promise<SubmitOutcome> {
    const values = eventValues(record, deps.config.timeZone);
    const title = escapeHtml(values.title);
    if (record.id === 0) {
      await createEvent(deps.db, { ...values, createdBy: ref.userId });
      await deleteFormDraft(deps.db, KIND, ref.userId);
      return { kind: "done", message: { key: "event-saved-new", vars: { title } } };
    }
    const updated = await deps.db.transaction((tx) =>
      updateEvent(tx, record.id, values, {
        t: (language, key, vars) => deps.i18n.t(language, key, vars),
        timeZone: deps.config.timeZone,
        now: deps.clock.now(),
      }),
    );
    await deleteFormDraft(deps.db, KIND, ref.userId);
    return updated
      ? { kind: "done", message: { key: "event-saved-edit", vars: { title, count: updated.told } } }
      : { kind: "refused", message: { key: "event-not-editable" } };
  },
  summary: {
    title: (record) => ({
      key: "event-summary-title",
      vars: { title: escapeHtml(record.title ?? "") },
    }),
    footer: () => ({ key: "event-summary-footer" }),
    submitLabel: () => ({ key: "event-submit" }),
  },
  isDraft: (record) => record.id === 0,
  async resumable(db, userId) {
    return (await readFormDraft<EventDraft>(db, KIND, userId))?.id;
  },
  async discard(db, ref) {
    await deleteFormDraft(db, KIND, ref.userId);
    return true;
  },
};
