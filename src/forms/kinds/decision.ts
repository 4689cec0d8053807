/**
 * An officer's decision that needs more than a tap: an amount (approval,
 * nghiệm thu, giải ngân), a reason (refusal), a note for the owner (bổ sung,
 * the Ministry's refusal). Asked through the form engine, confirmed on a
 * summary, and carried out by one service call that also tells the owner.
 * Its draft is a small JSON value (services/form-drafts.ts).
 */
import type { ApplicationStatus } from "../../domain/application-status.ts";
import { formatMoney, moneyInWords, parseMoney } from "../../domain/money.ts";
import { checkSupportCap, isSupportCategoryId } from "../../domain/support-categories.ts";
import { getApplicationDetails } from "../../services/applications/queries.ts";
import { changeApplicationStatus } from "../../services/applications/review.ts";
import { readFormDraft, writeFormDraft } from "../../services/form-drafts.ts";
import { findUser } from "../../services/users.ts";
import { expectLongText, expectText, invalid } from "../answer-kit.ts";
import type {
  Accepted,
  FormDefinition,
  Message,
  Question,
  QuestionContext,
  SubmitOutcome,
} from "../types.ts";

const KIND = "decision";

/** The decisions that ask something; the others are one tap. */
export const DECISIONS_WITH_INPUT = [
  "approved",
  "rejected",
  "needs_info",
  "not_selected",
  "accepted",
  "disbursed",
] as const satisfies readonly ApplicationStatus[];
export type DecisionWithInput = (typeof DECISIONS_WITH_INPUT)[number];

const WITH_AMOUNT: readonly DecisionWithInput[] = ["approved", "accepted", "disbursed"];
const NOTE_REQUIRED: readonly DecisionWithInput[] = ["rejected", "needs_info"];

export interface DecisionRecord {
  /** the application's id */
  id: number;
  to: DecisionWithInput;
  /** the status the decision was offered at: refused if another officer acted first */
  expected: ApplicationStatus;
  code: string;
  title: string;
  category: string | null;
  program: "local" | "national" | null;
  planYear: number;
  totalCost: string | null;
  requestedSupport: string | null;
  approvedAmount: string | null;
  acceptedAmount: string | null;
  /** needs_info: the questions flagged for the owner */
  questionIds: string[];
  amount: string | null;
  /** "" when the officer chose to add none */
  note: string | null;
}
type Patch = Partial<Pick<DecisionRecord, "amount" | "note">>;
type Context = QuestionContext<Record<string, never>>;

const SKIP = "skip";
const PICK = "amount:";
const FORCE = "force:";

/** The amount a decision would start from: the one asked, approved, accepted. */
function suggestedAmount(record: DecisionRecord): string | null {
  if (record.to === "approved") return record.requestedSupport;
  if (record.to === "accepted") return record.approvedAmount;
  if (record.to === "disbursed") return record.acceptedAmount ?? record.approvedAmount;
  return null;
}

/** Over what was asked or approved, or over the category's cap: say so, and let the officer insist. */
function amountDoubts(record: DecisionRecord, amount: bigint, { province }: Context): Message[] {
  const doubts: Message[] = [];
  const ceiling = suggestedAmount(record);
  if (ceiling !== null && amount > BigInt(ceiling)) {
    doubts.push({
      key: `decision-amount-over-${record.to}`,
      vars: { max: formatMoney(BigInt(ceiling)) },
    });
  }
  if (
    record.to === "approved" &&
    record.category &&
    isSupportCategoryId(record.category) &&
    record.totalCost
  ) {
    const excess = checkSupportCap(
      province,
      record.planYear,
      record.category,
      record.program ?? "local",
      BigInt(record.totalCost),
      amount,
    );
    if (excess)
      doubts.push({ key: "decision-amount-over-cap", vars: { max: formatMoney(excess.limit) } });
  }
  return doubts;
}

const amountQuestion: Question<DecisionRecord, Patch, Record<string, never>> = {
  id: "amount",
  promptKey: "decision-q-amount",
  label: { key: "decision-label-amount" },
  promptVars: (record) => ({ code: record.code, step: record.to }),
  applies: (record) => WITH_AMOUNT.includes(record.to),
  choices(record) {
    const suggestion = suggestedAmount(record);
    return suggestion === null
      ? []
      : [
          {
            value: `${PICK}${suggestion}`,
            label: {
              key: "decision-amount-same",
              vars: { amount: formatMoney(BigInt(suggestion)) },
            },
          },
        ];
  },
  isAnswered: (record) => record.amount !== null,
  accept(input, record, context): Accepted<Patch> {
    if (input.kind === "choice") {
      const forced = input.value.startsWith(FORCE);
      const value = input.value.slice(forced ? FORCE.length : PICK.length);
      if (!/^\d{1,16}$/.test(value) || !(forced || input.value.startsWith(PICK))) {
        return { ok: false, error: { key: "form-use-buttons" } };
      }
      return { ok: true, patch: { amount: value } };
    }
    const checked = expectText(input, 60);
    if (!checked.ok) return checked;
    const parsed = parseMoney(checked.text);
    if (!parsed.ok) return { ok: false, error: invalid(parsed, checked.text) };
    const doubts = amountDoubts(record, parsed.value, context);
    if (doubts.length > 0) {
      return {
        ok: false,
        clarify: doubts[0] as Message,
        details: doubts.slice(1),
        choices: [
          {
            value: `${FORCE}${parsed.value}`,
            label: { key: "decision-amount-keep", vars: { amount: formatMoney(parsed.value) } },
          },
        ],
      };
    }
    return { ok: true, patch: { amount: parsed.value.toString() } };
  },
  display: (record) =>
    record.amount === null
      ? null
      : `${formatMoney(BigInt(record.amount))} (${moneyInWords(BigInt(record.amount))})`,
};

const noteQuestion: Question<DecisionRecord, Patch, Record<string, never>> = {
  id: "note",
  promptKey: "decision-q-note",
  label: { key: "decision-label-note" },
  promptVars: (record) => ({ code: record.code, step: record.to }),
  choices: (record) =>
    NOTE_REQUIRED.includes(record.to)
      ? []
      : [{ value: SKIP, label: { key: "decision-note-skip" } }],
  isAnswered: (record) => record.note !== null,
  accept(input, record): Accepted<Patch> {
    if (input.kind === "choice") {
      return input.value === SKIP && !NOTE_REQUIRED.includes(record.to)
        ? { ok: true, patch: { note: "" } }
        : { ok: false, error: { key: "form-use-buttons" } };
    }
    const checked = expectLongText(input, 1000);
    return checked.ok ? { ok: true, patch: { note: checked.text } } : checked;
  },
  display: (record, _context, t) =>
    record.note === null ? null : record.note || t("form-skipped"),
};

export const decisionForm: FormDefinition<DecisionRecord, Patch, Record<string, never>> = {
  kind: KIND,
  roles: ["officer", "admin"],
  questions: [amountQuestion, noteQuestion],
  async load(db, ref) {
    const draft = await readFormDraft<DecisionRecord>(db, KIND, ref.userId);
    return draft?.id === ref.recordId ? draft : undefined;
  },
  async save(db, ref, patch) {
    const draft = await readFormDraft<DecisionRecord>(db, KIND, ref.userId);
    if (draft?.id === ref.recordId)
      await writeFormDraft(db, KIND, ref.userId, { ...draft, ...patch });
  },
  facts: async () => ({}),
  async start(deps, userId, args) {
    const [to, expected, flagged] = (args.variant ?? "").split("|");
    const details =
      args.recordId === undefined
        ? undefined
        : await getApplicationDetails(deps.db, { id: args.recordId });
    if (!details || !DECISIONS_WITH_INPUT.includes(to as DecisionWithInput)) {
      return { kind: "refused", message: { key: "decision-unavailable" } };
    }
    const a = details.application;
    const record: DecisionRecord = {
      id: a.id,
      to: to as DecisionWithInput,
      expected: (expected || a.status) as ApplicationStatus,
      code: a.code ?? "",
      title: a.title ?? "",
      category: a.category,
      program: a.program,
      planYear: a.planYear,
      totalCost: a.totalCost,
      requestedSupport: a.requestedSupport,
      approvedAmount: a.approvedAmount,
      acceptedAmount: a.acceptedAmount,
      questionIds: flagged ? flagged.split(",").filter(Boolean) : [],
      amount: null,
      note: null,
    };
    await writeFormDraft(deps.db, KIND, userId, record);
    return { kind: "open", recordId: a.id };
  },
  async submit(deps, ref, record): Promise<SubmitOutcome> {
    const result = await changeApplicationStatus(deps, {
      id: record.id,
      to: record.to,
      actor: "officer",
      actorId: ref.userId,
      expected: record.expected,
      ...(record.note ? { note: record.note } : {}),
      ...(record.amount !== null ? { amount: BigInt(record.amount) } : {}),
      ...(record.to === "needs_info" ? { supplementQuestionIds: record.questionIds } : {}),
    });
    if (result.ok)
      return {
        kind: "done",
        message: { key: `decision-done-${record.to}`, vars: { code: record.code } },
      };
    if (result.error === "changed") {
      const language = (await findUser(deps.db, ref.userId))?.language ?? "vi";
      return {
        kind: "refused",
        message: {
          key: "decision-changed",
          vars: {
            code: record.code,
            status: deps.i18n.t(language, `status-${result.status}`),
            by: result.by ?? "—",
          },
        },
      };
    }
    return {
      kind: "refused",
      message: { key: "decision-not-allowed", vars: { code: record.code } },
    };
  },
  summary: {
    title: (record) => ({
      key: `decision-summary-${record.to}`,
      vars: { code: record.code, title: record.title },
    }),
    footer: () => ({ key: "decision-summary-footer" }),
    closing: (record) =>
      record.to === "needs_info" && record.questionIds.length > 0
        ? [
            { key: "decision-flagged-title" },
            ...record.questionIds.map((id) => ({ key: `summary-label-application-${id}` })),
          ]
        : [],
    submitLabel: () => ({ key: "decision-confirm" }),
  },
};
