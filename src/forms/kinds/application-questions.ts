import { compareMonths, formatMonth, parseMonth } from "../../domain/dates.ts";
import { formatMoney, moneyInWords, parseMoney } from "../../domain/money.ts";
import {
  checkSupportCaps,
  isSupportCategoryId,
  SUPPORT_CATEGORIES,
} from "../../domain/support-categories.ts";
import type { ApplicationDraft, ApplicationPatch } from "../../services/applications/drafts.ts";
import { expectChoice, expectText, invalid, wrongKind } from "../answer-kit.ts";
import type { Accepted, AnswerInput, Message, Question, QuestionContext } from "../types.ts";

/** The questions of the application (phiếu đăng ký hỗ trợ khuyến công) and their helpers. */

export interface ApplicationFacts {
  planYear: number;
  /** the owner has not answered the eligibility questions yet (asked before a first application) */
  needsEligibility: boolean;
}

type ApplicationQuestion = Question<ApplicationDraft, ApplicationPatch, ApplicationFacts>;
type Context = QuestionContext<ApplicationFacts>;

export const MAX_ATTACHMENTS = 10;
export const DONE_VALUE = "done";
export const ACCEPT_VALUE = "accept";

const YES = "yes";
const NO = "no";
const yesNoAliases = {
  [YES]: ["có", "co", "yes", "c", "đúng", "dung", "ok"],
  [NO]: ["không", "khong", "no", "k", "ko"],
};

/** Eligibility pre-check (before the owner's first application); a "no" explains, it does not stop. */
export function eligibilityQuestion(id: string): ApplicationQuestion {
  return {
    id: `eligibility-${id}`,
    section: "eligibility",
    hiddenInSummary: true,
    promptKey: `eligibility-q-${id}`,
    promptVars: (_record, { province }) => ({ province: province.name }),
    columns: 2,
    choices: () => [
      { value: YES, label: { key: "answer-yes" } },
      { value: NO, label: { key: "answer-no" } },
    ],
    applies: (record, { facts }) => facts.needsEligibility || record.eligibility !== null,
    isAnswered: (record) => record.eligibility?.[id] !== undefined,
    accept(input, record, { province }) {
      const chosen = expectChoice(input, [YES, NO], yesNoAliases);
      if (!chosen.ok) return { ok: false, error: chosen.error };
      const answer = chosen.value === YES;
      return {
        ok: true,
        patch: { eligibility: { ...(record.eligibility ?? {}), [id]: answer } },
        notices: answer
          ? []
          : [{ key: `eligibility-warning-${id}`, vars: { province: province.name } }],
      };
    },
    display: (record, _context, t) => {
      const answer = record.eligibility?.[id];
      return answer === undefined ? null : t(answer ? "answer-yes" : "answer-no");
    },
  };
}

function expectMoney(
  input: AnswerInput,
): { ok: true; amount: bigint } | { ok: false; error: Message } {
  const checked = expectText(input, 60);
  if (!checked.ok) return { ok: false, error: checked.error };
  const parsed = parseMoney(checked.text);
  if (!parsed.ok) return { ok: false, error: invalid(parsed, checked.text) };
  return { ok: true, amount: parsed.value };
}

/** "Đã ghi: 600 triệu đồng (Sáu trăm triệu đồng)": the amount as understood, in figures and words. */
const amountSaved = (amount: bigint): Message => ({
  key: "amount-saved",
  vars: { amount: formatMoney(amount), words: moneyInWords(amount) },
});

const amountDisplay = (value: string | null): string | null =>
  value === null ? null : formatMoney(BigInt(value));

function capNotices(
  record: ApplicationDraft,
  total: bigint,
  requested: bigint,
  { province, facts }: Context,
): Message[] {
  if (!record.category || !isSupportCategoryId(record.category)) return [];
  const warnings = checkSupportCaps(province, facts.planYear, record.category, total, requested);
  // One warning, with the lower of the two limits: the percentage already takes the amount cap into account.
  const percent = warnings.find((warning) => warning.kind === "over-percent");
  if (percent?.kind === "over-percent") {
    return [
      {
        key: "cap-warning-percent",
        vars: { percent: percent.maxPercent, max: formatMoney(percent.maxAllowed) },
      },
    ];
  }
  const amount = warnings.find((warning) => warning.kind === "over-amount");
  return amount?.kind === "over-amount"
    ? [{ key: "cap-warning-amount", vars: { max: formatMoney(amount.maxAmount) } }]
    : [];
}

const MONTH_PREFIX = "m:";

export function monthQuestion(id: "start" | "end"): ApplicationQuestion {
  const field = id === "start" ? "periodStart" : "periodEnd";
  return {
    id: `period-${id}`,
    promptKey: `application-q-period-${id}`,
    promptVars: (record, { facts }) => ({
      year: String(facts.planYear),
      start: record.periodStart ? formatMonth(toMonth(record.periodStart)) : "",
    }),
    // Twelve buttons (the months of the plan year; for the end, from the start on): typing is optional.
    columns: 4,
    choices: (record, { facts }) => {
      const first = id === "end" && record.periodStart ? toMonth(record.periodStart).month : 1;
      return Array.from({ length: 13 - first }, (_, i) => first + i).map((month) => ({
        value: `${MONTH_PREFIX}${month}`,
        label: { key: "raw", vars: { text: `${month}/${facts.planYear}` } },
      }));
    },
    isAnswered: (record) => record[field] !== null,
    accept(input, record, { facts }) {
      let typed: string;
      if (input.kind === "choice") {
        const month = Number(input.value.slice(MONTH_PREFIX.length));
        if (
          !input.value.startsWith(MONTH_PREFIX) ||
          !Number.isInteger(month) ||
          month < 1 ||
          month > 12
        ) {
          return { ok: false, error: { key: "form-use-buttons" } };
        }
        typed = `${month}/${facts.planYear}`;
      } else {
        const checked = expectText(input, 30);
        if (!checked.ok) return { ok: false, error: checked.error };
        typed = checked.text;
      }
      const parsed = parseMonth(typed);
      if (!parsed.ok) return { ok: false, error: invalid(parsed, typed) };
      const month = parsed.value;
      if (month.year !== facts.planYear) {
        return {
          ok: false,
          error: {
            key: "period-outside-plan-year",
            vars: { year: String(facts.planYear), input: formatMonth(month) },
          },
        };
      }
      if (
        id === "end" &&
        record.periodStart &&
        compareMonths(month, toMonth(record.periodStart)) < 0
      ) {
        return {
          ok: false,
          error: {
            key: "period-end-before-start",
            vars: { start: formatMonth(toMonth(record.periodStart)) },
          },
        };
      }
      const value = `${month.year}-${String(month.month).padStart(2, "0")}`;
      const patch: ApplicationPatch = { [field]: value };
      // A new start after the saved end makes the end a question again.
      if (id === "start" && record.periodEnd && record.periodEnd < value) patch.periodEnd = null;
      return { ok: true, patch };
    },
    display: (record) => (record[field] ? formatMonth(toMonth(record[field] as string)) : null),
  };
}

const toMonth = (value: string) => ({
  year: Number(value.slice(0, 4)),
  month: Number(value.slice(5, 7)),
});

export const programQuestion: ApplicationQuestion = {
  id: "program",
  promptKey: "application-q-program",
  choices: () => [
    { value: "local", label: { key: "program-local" } },
    { value: "national", label: { key: "program-national" } },
  ],
  isAnswered: (record) => record.program !== null,
  accept(input) {
    const chosen = expectChoice(input, ["local", "national"]);
    if (!chosen.ok) return { ok: false, error: chosen.error };
    return { ok: true, patch: { program: chosen.value as "local" | "national" } };
  },
  display: (record, _context, t) => (record.program ? t(`program-${record.program}`) : null),
};

export const categoryQuestion: ApplicationQuestion = {
  id: "category",
  promptKey: "application-q-category",
  columns: 1,
  choices: () =>
    SUPPORT_CATEGORIES.map((category) => ({
      value: category.id,
      label: { key: `category-${category.id}` },
      prefix: `${category.number}. `,
    })),
  isAnswered: (record) => record.category !== null,
  accept(input) {
    const chosen = expectChoice(
      input,
      SUPPORT_CATEGORIES.map((c) => c.id),
      Object.fromEntries(SUPPORT_CATEGORIES.map((c) => [c.id, [String(c.number)]])),
    );
    if (!chosen.ok) return { ok: false, error: chosen.error };
    return { ok: true, patch: { category: chosen.value } };
  },
  display: (record, _context, t) => (record.category ? t(`category-${record.category}`) : null),
};

export const totalCostQuestion: ApplicationQuestion = {
  id: "total-cost",
  promptKey: "application-q-total-cost",
  isAnswered: (record) => record.totalCost !== null,
  accept(input, record): Accepted<ApplicationPatch> {
    const money = expectMoney(input);
    if (!money.ok) return money;
    const patch: ApplicationPatch = {
      totalCost: money.amount.toString(),
      counterpartFunds: null,
    };
    // A smaller total than the support already asked for makes that a question again.
    if (record.requestedSupport !== null && BigInt(record.requestedSupport) > money.amount)
      patch.requestedSupport = null;
    return {
      ok: true,
      patch,
      notices: [amountSaved(money.amount)],
    };
  },
  display: (record) => amountDisplay(record.totalCost),
};

export const requestedQuestion: ApplicationQuestion = {
  id: "requested",
  promptKey: "application-q-requested",
  promptVars: (record) => ({
    total: record.totalCost ? formatMoney(BigInt(record.totalCost)) : "",
  }),
  isAnswered: (record) => record.requestedSupport !== null,
  accept(input, record, context): Accepted<ApplicationPatch> {
    const money = expectMoney(input);
    if (!money.ok) return money;
    const total = BigInt(record.totalCost ?? "0");
    if (money.amount > total) {
      return {
        ok: false,
        error: {
          key: "requested-over-total",
          vars: { requested: formatMoney(money.amount), total: formatMoney(total) },
        },
      };
    }
    return {
      ok: true,
      patch: { requestedSupport: money.amount.toString(), counterpartFunds: null },
      notices: [amountSaved(money.amount), ...capNotices(record, total, money.amount, context)],
    };
  },
  display: (record) => amountDisplay(record.requestedSupport),
};

export const counterpartQuestion: ApplicationQuestion = {
  id: "counterpart",
  promptKey: "application-q-counterpart",
  promptVars: (record) => ({ amount: formatMoney(computedCounterpart(record)) }),
  choices: (record) => [
    {
      value: ACCEPT_VALUE,
      label: {
        key: "counterpart-accept",
        vars: { amount: formatMoney(computedCounterpart(record)) },
      },
    },
  ],
  isAnswered: (record) => record.counterpartFunds !== null,
  accept(input, record): Accepted<ApplicationPatch> {
    if (input.kind === "choice") {
      if (input.value !== ACCEPT_VALUE) return { ok: false, error: { key: "form-use-buttons" } };
      return { ok: true, patch: { counterpartFunds: computedCounterpart(record).toString() } };
    }
    const money = expectMoney(input);
    if (!money.ok) return money;
    const total = BigInt(record.totalCost ?? "0");
    if (money.amount > total) {
      return {
        ok: false,
        error: { key: "counterpart-over-total", vars: { total: formatMoney(total) } },
      };
    }
    const notices: Message[] =
      money.amount + BigInt(record.requestedSupport ?? "0") !== total
        ? [
            {
              key: "counterpart-mismatch",
              vars: {
                total: formatMoney(total),
                sum: formatMoney(money.amount + BigInt(record.requestedSupport ?? "0")),
              },
            },
          ]
        : [];
    return { ok: true, patch: { counterpartFunds: money.amount.toString() }, notices };
  },
  display: (record) => amountDisplay(record.counterpartFunds),
};

export const attachmentsQuestion: ApplicationQuestion = {
  id: "attachments",
  promptKey: "application-q-attachments",
  promptVars: (record) => ({ count: record.fileCount, max: MAX_ATTACHMENTS }),
  choices: (record) => [
    {
      value: DONE_VALUE,
      label: { key: record.fileCount > 0 ? "attachments-done" : "attachments-skip" },
    },
  ],
  multiple: true,
  keepAskingMessage: (record) => ({
    key: "attachments-received",
    vars: { count: record.fileCount, max: MAX_ATTACHMENTS },
  }),
  isAnswered: (record) => record.attachmentsDone,
  accept(input, record): Accepted<ApplicationPatch> {
    if (input.kind === "choice") {
      if (input.value !== DONE_VALUE) return { ok: false, error: { key: "form-use-buttons" } };
      return { ok: true, patch: { attachmentsDone: true } };
    }
    if (input.kind === "text" && /^(xong|done|bỏ qua|bo qua|skip)$/i.test(input.text.trim())) {
      return { ok: true, patch: { attachmentsDone: true } };
    }
    if (input.kind !== "file")
      return {
        ok: false,
        error: input.kind === "text" ? { key: "attachments-expected-file" } : wrongKind(input),
      };
    if (record.fileCount >= MAX_ATTACHMENTS)
      return { ok: false, error: { key: "attachments-full", vars: { max: MAX_ATTACHMENTS } } };
    return { ok: true, patch: { addFile: input.file }, keepAsking: true };
  },
  display: (record, _context, t) =>
    record.attachmentsDone ? t("attachments-count", { count: record.fileCount }) : null,
};

export function computedCounterpart(record: ApplicationDraft): bigint {
  const total = BigInt(record.totalCost ?? "0");
  const requested = BigInt(record.requestedSupport ?? "0");
  return total > requested ? total - requested : 0n;
}

/** For the summary: amounts are also written in words, as official documents do. */
export function amountInWords(value: string | null): string | null {
  return value === null ? null : moneyInWords(BigInt(value));
}
