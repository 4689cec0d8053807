/**
 * The application's amounts: total cost, support requested, counterpart
 * funds (vốn đối ứng). An amount typed as plain figures ("600 triệu",
 * "850.000.000") is read back in the next question's message; one the
 * parser had to interpret (words, "2 tỷ 5") is read back in figures and in
 * words and saved only once the owner confirms. A request above its cap is
 * warned about in the same words when given and in the summary.
 */
import { isPlainAmount } from "../../domain/answer-shape.ts";
import { formatMoney, moneyInWords, parseMoney } from "../../domain/money.ts";
import {
  type AppliedCap,
  capFor,
  checkSupportCap,
  isSupportCategoryId,
  supportLimit,
} from "../../domain/support-categories.ts";
import type { ApplicationDraft, ApplicationPatch } from "../../services/applications/drafts.ts";
import { expectText, invalid } from "../answer-kit.ts";
import type { Accepted, AnswerInput, Message } from "../types.ts";
import type { ApplicationContext, ApplicationQuestion } from "./application-facts.ts";

export const ACCEPT_VALUE = "accept";

type Amount = { ok: true; amount: bigint; typed: string } | { ok: false; error: Message };

function readAmount(input: AnswerInput): Amount {
  const checked = expectText(input, 60);
  if (!checked.ok) return { ok: false, error: checked.error };
  const parsed = parseMoney(checked.text);
  if (!parsed.ok) return { ok: false, error: invalid(parsed, checked.text) };
  return { ok: true, amount: parsed.value, typed: checked.text };
}

/** "Đã ghi: 600 triệu đồng (Sáu trăm triệu đồng)": the amount as understood, in figures and words. */
const amountSaved = (amount: bigint): Message => ({
  key: "amount-saved",
  vars: { amount: formatMoney(amount), words: moneyInWords(amount) },
});

/** Plain figures: saved, read back with the next question. Interpreted: read back, saved once confirmed. */
function acceptAmount(
  read: Extract<Amount, { ok: true }>,
  patch: ApplicationPatch,
  notices: Message[],
): Accepted<ApplicationPatch> {
  if (isPlainAmount(read.typed))
    return { ok: true, patch, notices: [amountSaved(read.amount), ...notices] };
  const amount = formatMoney(read.amount);
  return {
    ok: "confirm",
    patch,
    message: {
      key: "amount-read-back",
      vars: {
        input: read.typed.slice(0, 60),
        amount,
        words: moneyInWords(read.amount),
      },
    },
    confirmLabel: { key: "amount-confirm", vars: { amount } },
    notices,
  };
}

const amountDisplay = (value: string | null): string | null =>
  value === null ? null : formatMoney(BigInt(value));

/** The cap's numbers as the texts take them: every figure comes from the province file. */
function capVars(cap: AppliedCap): Record<string, string | number> {
  const shape =
    cap.maxPercent !== undefined && cap.maxAmount !== undefined
      ? "both"
      : cap.maxPercent !== undefined
        ? "percent"
        : "amount";
  return {
    basis: cap.basis,
    shape,
    percent: cap.maxPercent ?? 0,
    amount: cap.maxAmount === undefined ? "" : formatMoney(cap.maxAmount),
    line: cap.lineMaxAmount === undefined ? "no" : "yes",
    lineAmount: cap.lineMaxAmount === undefined ? "" : formatMoney(cap.lineMaxAmount),
  };
}

/** The cap of this draft's category and stream, once both are chosen. */
function capOf(record: ApplicationDraft, { province, facts }: ApplicationContext) {
  if (!record.category || !isSupportCategoryId(record.category) || !record.program) return;
  return capFor(province, facts.planYear, record.category, record.program);
}

/** The warning of a request above its cap: the same words when given and in the summary. */
export function capWarning(
  record: ApplicationDraft,
  context: ApplicationContext,
  requested = record.requestedSupport,
): Message[] {
  if (!record.category || !isSupportCategoryId(record.category) || !record.program) return [];
  if (record.totalCost === null || requested === null) return [];
  const excess = checkSupportCap(
    context.province,
    context.facts.planYear,
    record.category,
    record.program,
    BigInt(record.totalCost),
    BigInt(requested),
  );
  return excess
    ? [{ key: "cap-over", vars: { ...capVars(excess), limit: formatMoney(excess.limit) } }]
    : [];
}

/** The warning when support and counterpart funds do not add up to the total. */
export function counterpartWarning(record: ApplicationDraft): Message[] {
  if (record.counterpartFunds === null || record.totalCost === null) return [];
  const total = BigInt(record.totalCost);
  const sum = BigInt(record.counterpartFunds) + BigInt(record.requestedSupport ?? "0");
  return sum === total
    ? []
    : [{ key: "counterpart-mismatch", vars: { total: formatMoney(total), sum: formatMoney(sum) } }];
}

export const totalCostQuestion: ApplicationQuestion = {
  id: "total-cost",
  promptKey: "application-q-total-cost",
  isAnswered: (record) => record.totalCost !== null,
  accept(input, record) {
    const read = readAmount(input);
    if (!read.ok) return read;
    const patch: ApplicationPatch = { totalCost: read.amount.toString(), counterpartFunds: null };
    const notices: Message[] = [];
    // A smaller total than the support already asked for makes that a question again.
    if (record.requestedSupport !== null && BigInt(record.requestedSupport) > read.amount) {
      patch.requestedSupport = null;
      notices.push({ key: "requested-cleared" });
    }
    return acceptAmount(read, patch, notices);
  },
  display: (record) => amountDisplay(record.totalCost),
};

export const requestedQuestion: ApplicationQuestion = {
  id: "requested",
  promptKey: "application-q-requested",
  promptVars: (record) => ({
    total: record.totalCost ? formatMoney(BigInt(record.totalCost)) : "",
  }),
  // The cap that applies, with its figures from the province file.
  promptNotes(record, context) {
    const cap = capOf(record, context);
    if (!cap || record.totalCost === null) return [];
    const limit = supportLimit(cap, BigInt(record.totalCost));
    return [
      {
        key: "cap-rule-note",
        vars: { ...capVars(cap), limit: limit === undefined ? "" : formatMoney(limit) },
      },
    ];
  },
  isAnswered: (record) => record.requestedSupport !== null,
  accept(input, record, context) {
    const read = readAmount(input);
    if (!read.ok) return read;
    const total = BigInt(record.totalCost ?? "0");
    if (read.amount > total) {
      return {
        ok: false,
        error: {
          key: "requested-over-total",
          vars: { requested: formatMoney(read.amount), total: formatMoney(total) },
        },
      };
    }
    const requested = read.amount.toString();
    return acceptAmount(
      read,
      { requestedSupport: requested, counterpartFunds: null },
      capWarning(record, context, requested),
    );
  },
  display: (record) => amountDisplay(record.requestedSupport),
};

export function computedCounterpart(record: ApplicationDraft): bigint {
  const total = BigInt(record.totalCost ?? "0");
  const requested = BigInt(record.requestedSupport ?? "0");
  return total > requested ? total - requested : 0n;
}

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
  accept(input, record) {
    if (input.kind === "choice") {
      if (input.value !== ACCEPT_VALUE) return { ok: false, error: { key: "form-use-buttons" } };
      return { ok: true, patch: { counterpartFunds: computedCounterpart(record).toString() } };
    }
    const read = readAmount(input);
    if (!read.ok) return read;
    const total = BigInt(record.totalCost ?? "0");
    if (read.amount > total) {
      return {
        ok: false,
        error: { key: "counterpart-over-total", vars: { total: formatMoney(total) } },
      };
    }
    const counterpartFunds = read.amount.toString();
    return acceptAmount(
      read,
      { counterpartFunds },
      counterpartWarning({ ...record, counterpartFunds }),
    );
  },
  display: (record) => amountDisplay(record.counterpartFunds),
};

/** For the summary: amounts are also written in words, as official documents do. */
export function amountInWords(value: string | null): string | null {
  return value === null ? null : moneyInWords(BigInt(value));
}
