/**
 * An application as a person reads it: its answers, the establishment
 * (phone and tax code only for its owner and officers), the road from
 * submission to payment with dates, and the history with who and when.
 * Always within Telegram's 4096 characters: long answers are shortened,
 * and the oldest history entries go first.
 */

import { communeLabel, formerDistrictLabel } from "../../domain/commune-labels.ts";
import { communeByCode } from "../../domain/communes.ts";
import { formatDate, formatMonth, localParts } from "../../domain/dates.ts";
import { formatMoney } from "../../domain/money.ts";
import { formatPhone } from "../../domain/phone.ts";
import { escapeHtml } from "../../i18n.ts";
import type { ApplicationDetails, HistoryEntry } from "../../services/applications/queries.ts";
import type { BotContext } from "../context.ts";
import { clip, TELEGRAM_TEXT_LIMIT, visibleLength } from "../text-limits.ts";

const localDate = (ctx: BotContext, date: Date) =>
  formatDate(localParts(date, ctx.deps.config.timeZone));

const localDateTime = (ctx: BotContext, date: Date) => {
  const p = localParts(date, ctx.deps.config.timeZone);
  return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")} ${formatDate(p)}`;
};

const month = (value: string | null) =>
  value ? formatMonth({ year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) }) : "";

const money = (amount: string | null): string | null =>
  amount === null ? null : formatMoney(BigInt(amount));

/** The stages of the road, in order, and the statuses that reach each. */
const ROAD: { key: string; statuses: string[] }[] = [
  { key: "road-submitted", statuses: ["submitted"] },
  { key: "road-received", statuses: ["received"] },
  { key: "road-reviewing", statuses: ["reviewing", "needs_info"] },
  { key: "road-forwarded", statuses: ["forwarded"] },
  { key: "road-decided", statuses: ["approved", "rejected", "not_selected"] },
  { key: "road-implementing", statuses: ["implementing"] },
  { key: "road-accepted", statuses: ["accepted"] },
  { key: "road-disbursed", statuses: ["disbursed"] },
];

/** "✅ Đã nộp — 24/11/2026", "⏳ Xem xét", "· Giải ngân": where the application stands, with dates. */
export function renderRoad(ctx: BotContext, details: ApplicationDetails): string[] {
  const a = details.application;
  if (a.status === "draft" || a.status === "withdrawn") return [];
  const reached = new Map<string, Date>();
  for (const entry of details.history) {
    if (entry.kind !== "status") continue;
    const stage = ROAD.find((step) => step.statuses.includes(entry.toStatus));
    if (stage && !reached.has(stage.key)) reached.set(stage.key, entry.createdAt);
    if (stage?.key === "road-decided") reached.set(stage.key, entry.createdAt);
  }
  const stages = ROAD.filter((stage) => stage.key !== "road-forwarded" || a.program === "national");
  const currentIndex = stages.findIndex((stage) => stage.statuses.includes(a.status));
  const ended = a.status === "rejected" || a.status === "not_selected";
  const lines: string[] = [];
  stages.forEach((stage, index) => {
    if (ended && index > currentIndex) return;
    const at = reached.get(stage.key);
    let label = ctx.t(stage.key);
    if (stage.key === "road-decided" && index <= currentIndex)
      label = ctx.t(`status-${decisionOf(details)}`);
    const amount =
      stage.key === "road-decided" && a.approvedAmount !== null
        ? money(a.approvedAmount)
        : stage.key === "road-accepted"
          ? money(a.acceptedAmount)
          : stage.key === "road-disbursed"
            ? money(a.disbursedAmount)
            : null;
    const detail = [at ? localDate(ctx, at) : null, amount].filter(Boolean).join(" · ");
    const mark =
      index < currentIndex || (index === currentIndex && at)
        ? "✅"
        : index === currentIndex + 1 && !ended
          ? "⏳"
          : "▫️";
    lines.push(`${mark} ${label}${detail ? ` — ${escapeHtml(detail)}` : ""}`);
  });
  return lines;
}

function decisionOf(details: ApplicationDetails): string {
  const decided = [...details.history]
    .reverse()
    .find(
      (entry) =>
        entry.kind === "status" &&
        ["approved", "rejected", "not_selected"].includes(entry.toStatus),
    );
  return decided?.toStatus ?? details.application.status;
}

const FIELD_LABEL: Record<string, string> = {
  program: "summary-label-application-program",
  category: "summary-label-application-category",
  title: "summary-label-application-title",
  description: "summary-label-application-description",
  totalCost: "summary-label-application-total-cost",
  requestedSupport: "summary-label-application-requested",
  counterpartFunds: "summary-label-application-counterpart",
  periodStart: "summary-label-application-period-start",
  periodEnd: "summary-label-application-period-end",
  expectedResults: "summary-label-application-results",
};

const MONEY_FIELDS = new Set(["totalCost", "requestedSupport", "counterpartFunds"]);

function shownValue(ctx: BotContext, field: string, value: string | null): string {
  if (value === null || value === "") return ctx.t("summary-not-answered");
  if (MONEY_FIELDS.has(field)) return formatMoney(BigInt(value));
  if (field === "program") return ctx.t(`program-${value}`);
  if (field === "category") return ctx.t(`category-${value}`);
  if (field === "periodStart" || field === "periodEnd") return month(value);
  return clip(value, 120);
}

/** One history entry: when, who, what (a status, a bổ sung with each answer before and after, a question). */
function historyLines(ctx: BotContext, entry: HistoryEntry, withActors: boolean): string[] {
  const when = withActors ? localDateTime(ctx, entry.createdAt) : localDate(ctx, entry.createdAt);
  const who = withActors && entry.actorName ? ` (${escapeHtml(entry.actorName)})` : "";
  const note = entry.note ? ` — ${escapeHtml(clip(entry.note, 200))}` : "";
  const details = (entry.details ?? {}) as {
    amount?: string;
    questionIds?: string[];
    changes?: { field: string; before: string | null; after: string | null }[];
  };
  if (entry.kind === "supplement") {
    const lines = [
      `• ${when}${who}: ${ctx.t("history-supplement", { count: details.changes?.length ?? 0 })}`,
    ];
    for (const change of details.changes ?? []) {
      const label = FIELD_LABEL[change.field];
      lines.push(
        `   ${label ? ctx.t(label) : change.field}: <s>${escapeHtml(shownValue(ctx, change.field, change.before))}</s> → ${escapeHtml(shownValue(ctx, change.field, change.after))}`,
      );
    }
    return lines;
  }
  if (entry.kind === "question" || entry.kind === "reply") {
    return [`• ${when}${who}: ${ctx.t(`history-${entry.kind}`)}${note}`];
  }
  const amount = details.amount ? ` · ${escapeHtml(formatMoney(BigInt(details.amount)))}` : "";
  return [`• ${when}${who}: ${ctx.t(`status-${entry.toStatus}`)}${amount}${note}`];
}

export function renderApplicationDetails(
  ctx: BotContext,
  details: ApplicationDetails,
  options: { forOfficer?: boolean } = {},
): string {
  const a = details.application;
  const e = details.establishment;
  // Each typed value is shortened before escaping, so no message passes Telegram's limit.
  const value = (text: string | null | undefined, max = 300) =>
    text ? escapeHtml(clip(text, max)) : `<i>${ctx.t("summary-not-answered")}</i>`;
  const amount = (text: string | null) => value(money(text));
  const lines = [
    `<b>${escapeHtml(a.code ?? ctx.t("application-no-code"))}</b> · ${ctx.t(`status-${a.status}`)}`,
    `${ctx.t("details-establishment")}: ${value(details.establishmentName, 200)}`,
  ];
  if (options.forOfficer && e) {
    const commune = e.communeCode ? communeByCode(ctx.deps.province, e.communeCode) : undefined;
    const district = commune
      ? ctx.deps.province.formerDistricts.find((d) => d.communeCodes.includes(commune.code))
      : undefined;
    lines.push(
      `${ctx.t("summary-label-profile-legal-form")}: ${e.legalForm ? ctx.t(`legal-form-${e.legalForm}`) : value(null)}`,
      `${ctx.t("summary-label-profile-tax-code")}: ${value(e.taxCode)}`,
      `${ctx.t("summary-label-profile-commune")}: ${commune ? escapeHtml(communeLabel(commune)) : value(null)}${district ? ` (${escapeHtml(formerDistrictLabel(district))} ${ctx.t("details-former")})` : ""}`,
      `${ctx.t("summary-label-profile-address")}: ${value(e.address, 200)}`,
      `${ctx.t("summary-label-profile-representative")}: ${value(e.representativeName, 100)}${e.representativePosition ? `, ${escapeHtml(clip(e.representativePosition, 60))}` : ""}`,
      `${ctx.t("summary-label-profile-phone")}: ${e.phone ? escapeHtml(formatPhone(e.phone)) : value(null)}`,
      `${ctx.t("summary-label-profile-sector")}: ${value(e.sector, 150)} · ${ctx.t("summary-label-profile-workers")}: ${e.workers ?? "—"}`,
      "",
    );
  }
  lines.push(
    `${ctx.t("details-plan-year")}: ${a.planYear}`,
    `${ctx.t("summary-label-application-program")}: ${a.program ? ctx.t(`program-${a.program}`) : value(null)}`,
    `${ctx.t("summary-label-application-category")}: ${a.category ? ctx.t(`category-${a.category}`) : value(null)}`,
    `${ctx.t("summary-label-application-title")}: ${value(a.title, 200)}`,
    `${ctx.t("summary-label-application-description")}: ${value(a.description, 1000)}`,
    `${ctx.t("summary-label-application-total-cost")}: ${amount(a.totalCost)}`,
    `${ctx.t("summary-label-application-requested")}: ${amount(a.requestedSupport)}`,
    `${ctx.t("summary-label-application-counterpart")}: ${amount(a.counterpartFunds)}`,
    `${ctx.t("details-period")}: ${escapeHtml(month(a.periodStart))} – ${escapeHtml(month(a.periodEnd))}`,
    `${ctx.t("summary-label-application-results")}: ${value(a.expectedResults, 500)}`,
    `${ctx.t("summary-label-application-attachments")}: ${ctx.t("attachments-count", { count: details.files.length })}`,
  );
  if (a.decisionNote)
    lines.push(`${ctx.t("details-decision-note")}: ${value(a.decisionNote, 400)}`);
  const road = renderRoad(ctx, details);
  if (road.length > 0) lines.push("", `<b>${ctx.t("details-road")}</b>`, ...road);
  const history = details.history.flatMap((entry) =>
    historyLines(ctx, entry, options.forOfficer === true),
  );
  // The newest steps matter most: leave out the oldest while the message would be too long.
  while (history.length > 0) {
    const text = [...lines, "", `<b>${ctx.t("details-history")}</b>`, ...history].join("\n");
    if (visibleLength(text) <= TELEGRAM_TEXT_LIMIT - 96) return text;
    history.shift();
  }
  return lines.join("\n");
}
