/**
 * The digests and /stats as text, in the reader's language: every word
 * from the locales (reports.ftl), figures from figures.ts. HTML.
 */

import { formatDate, localParts } from "../../domain/dates.ts";
import { formatMoney } from "../../domain/money.ts";
import { daysBetween } from "../../domain/report-periods.ts";
import type { AmountGroup, Overdue, ReportFigures, WeekFigures } from "./figures.ts";

/** Renders a locale key: `ctx.t`, or `i18n.t` bound to a language. */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;

export const dayOf = (instant: Date, timeZone: string): string =>
  formatDate(localParts(instant, timeZone));

export const categoryName = (t: Translate, category: string | null): string =>
  category ? t(`category-${category}-short`) : t("report-unknown");

const streamName = (t: Translate, program: string | null): string =>
  program ? t(`program-${program}`) : t("report-unknown");

function amountLines<Key>(
  t: Translate,
  groups: readonly AmountGroup<Key>[],
  name: (key: Key) => string,
): string[] {
  return groups.map((group) =>
    t("report-amount-line", {
      name: name(group.key),
      amount: formatMoney(group.requested),
      count: group.count,
    }),
  );
}

function overdueLine(t: Translate, key: string, overdue: Overdue, days: number): string[] {
  if (overdue.count === 0) return [];
  const more = overdue.count - overdue.codes.length;
  const codes =
    overdue.codes.join(", ") + (more > 0 ? `, ${t("report-and-more", { count: more })}` : "");
  return [t(key, { days, count: overdue.count, codes })];
}

export interface FiguresText {
  /** the first line (bold) */
  title: string;
  /** the line about what is new */
  newLine: string;
  now: Date;
  timeZone: string;
  decisionWaitDays: number;
  supplementWaitDays: number;
}

/** The body shared by the daily digest and /stats. */
export function figuresText(t: Translate, figures: ReportFigures, text: FiguresText): string {
  const lines = [`<b>${text.title}</b>`, "", text.newLine];
  lines.push(t("report-waiting", { count: figures.waitingTotal }));
  for (const entry of figures.waiting) {
    if (entry.count > 0)
      lines.push(
        t("report-waiting-line", { status: t(`status-${entry.status}`), count: entry.count }),
      );
  }
  if (figures.oldestWaiting) {
    lines.push(
      t("report-oldest", {
        code: figures.oldestWaiting.code,
        status: t(`status-${figures.oldestWaiting.status}`),
        days: daysBetween(figures.oldestWaiting.since, text.now),
      }),
    );
  }
  if (figures.requestedByStream.length > 0) {
    lines.push("", t("report-requested-by-stream"));
    lines.push(...amountLines(t, figures.requestedByStream, (key) => streamName(t, key)));
    lines.push(t("report-requested-by-category"));
    lines.push(...amountLines(t, figures.requestedByCategory, (key) => categoryName(t, key)));
  }
  const overdue = [
    ...overdueLine(
      t,
      "report-supplement-overdue",
      figures.supplementOverdue,
      text.supplementWaitDays,
    ),
    ...overdueLine(t, "report-decision-overdue", figures.decisionOverdue, text.decisionWaitDays),
  ];
  if (overdue.length > 0) lines.push("", ...overdue);
  return lines.join("\n");
}

/** The weekly summary's text: the week's decisions, then what waits. */
export function weekText(
  t: Translate,
  week: WeekFigures,
  figures: ReportFigures,
  period: { from: string; to: string },
): string {
  const lines = [
    `<b>${t("report-weekly-title", period)}</b>`,
    "",
    t("report-weekly-new", { count: figures.newCount }),
    t("report-weekly-decisions", {
      approved: week.approved,
      rejected: week.rejected,
      notSelected: week.notSelected,
    }),
    t("report-weekly-approved-amount", { amount: formatMoney(week.approvedAmount) }),
    t("report-waiting", { count: figures.waitingTotal }),
  ];
  return lines.join("\n");
}
