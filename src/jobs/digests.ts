/**
 * The officers' digests, queued through the outbox to every officer (and
 * admin) who has not blocked the bot, in their language:
 *
 * - daily, from DIGEST_TIME (default 07:30) each day: what came in since
 *   the previous digest, what waits in each status, the oldest waiting,
 *   amounts requested by what waits (by stream and category), bổ sung
 *   unanswered for more than SUPPLEMENT_WAIT_DAYS, decisions awaited for
 *   more than DECISION_WAIT_DAYS. Nothing when nothing came in and nothing
 *   waits.
 * - weekly, from DIGEST_TIME on Mondays: the week's decisions and totals,
 *   and a PNG chart of requested vs approved amounts by category.
 *
 * Guarantee: one digest per officer per day (per week), however often and
 * on however many servers the job runs: the dedupe key names the officer
 * and the day. The job runs every 15 minutes and does nothing before the
 * digest time, so a missed run is made up by the next; once every officer's
 * digest of the day is queued it stops after one cheap look at the outbox.
 * The digests are "daytime" messages: with a digest time inside quiet hours
 * they wait for the morning; an officer who turned a digest off in
 * /settings ("daily-digest", "weekly-digest") gets none (enqueue checks).
 */
import { inArray } from "drizzle-orm";
import { outbox } from "../db/schema/index.ts";
import { nextAllowedInstant } from "../domain/quiet-hours.ts";
import {
  dailyDigestPeriod,
  type ReportPeriod,
  weeklyDigestPeriod,
} from "../domain/report-periods.ts";
import { enqueueMany, type OutgoingMessage } from "../outbox/enqueue.ts";
import { type CategoryAmounts, renderCategoryChart } from "../services/export/chart.ts";
import {
  categoryName,
  dayOf,
  figuresText,
  type Translate,
  weekText,
} from "../services/reports/digest-text.ts";
import { nothingToReport, reportFigures, weekFigures } from "../services/reports/figures.ts";
import { listOfficers, type Recipient } from "../services/users.ts";
import type { Job, JobDependencies } from "./job.ts";

export interface DigestResult {
  /** the period's day (YYYY-MM-DD), or null when no digest is due now */
  period: string | null;
  /** dedupe keys newly queued by this run */
  queued: string[];
  /** nothing came in and nothing waits: nothing to send */
  nothingToReport: boolean;
}

const DAY = 86_400_000;

const NOT_DUE: DigestResult = { period: null, queued: [], nothingToReport: false };

const dailyKey = (period: ReportPeriod, officer: Recipient) =>
  `daily-digest:${period.key}:user:${officer.id}`;
const weeklyKey = (period: ReportPeriod, officer: Recipient) =>
  `weekly-digest:${period.key}:user:${officer.id}`;
const chartKey = (period: ReportPeriod, officer: Recipient) =>
  `weekly-digest:${period.key}:user:${officer.id}:chart`;

/** The officers whose digest of this period is not queued yet. */
async function officersToTell(
  deps: JobDependencies,
  period: ReportPeriod,
  key: (period: ReportPeriod, officer: Recipient) => string,
): Promise<Recipient[]> {
  const officers = await listOfficers(deps.db);
  if (officers.length === 0) return [];
  const queued = await deps.db
    .select({ dedupeKey: outbox.dedupeKey })
    .from(outbox)
    .where(
      inArray(
        outbox.dedupeKey,
        officers.map((officer) => key(period, officer)),
      ),
    );
  const done = new Set(queued.map((row) => row.dedupeKey));
  return officers.filter((officer) => !done.has(key(period, officer)));
}

const translate =
  (deps: JobDependencies, officer: Recipient): Translate =>
  (key, variables) =>
    deps.i18n.t(officer.language, key, variables);

/** Held through quiet hours by the outbox; also told when to go, so it never goes earlier. */
const sendAt = (deps: JobDependencies, period: ReportPeriod) =>
  nextAllowedInstant(period.until, deps.config.timeZone, deps.config.quietHours);

/** The digest's figures over a period, with the waiting limits from the configuration. */
const figuresOf = (deps: JobDependencies, period: ReportPeriod) =>
  reportFigures(deps.db, {
    since: period.since,
    until: period.until,
    now: period.until,
    decisionWaitDays: deps.config.reports.decisionWaitDays,
    supplementWaitDays: deps.config.reports.supplementWaitDays,
  });

export async function queueDailyDigests(now: Date, deps: JobDependencies): Promise<DigestResult> {
  const { timeZone, reports } = deps.config;
  const period = dailyDigestPeriod(now, timeZone, reports.digestTime);
  if (period === undefined) return NOT_DUE;
  const officers = await officersToTell(deps, period, dailyKey);
  if (officers.length === 0) return { period: period.key, queued: [], nothingToReport: false };
  const figures = await figuresOf(deps, period);
  if (nothingToReport(figures)) return { period: period.key, queued: [], nothingToReport: true };
  const messages: OutgoingMessage[] = officers.map((officer) => {
    const t = translate(deps, officer);
    return {
      chatId: officer.chatId,
      userId: officer.id,
      kind: "daily-digest",
      payload: {
        type: "text",
        parseMode: "HTML",
        text: figuresText(t, figures, {
          title: t("report-daily-title", { date: dayOf(period.until, timeZone) }),
          newLine: t("report-new", { count: figures.newCount }),
          now: period.until,
          timeZone,
          decisionWaitDays: reports.decisionWaitDays,
          supplementWaitDays: reports.supplementWaitDays,
        }),
      },
      dedupeKey: dailyKey(period, officer),
      notBefore: sendAt(deps, period),
    };
  });
  const queued = await enqueueMany(deps.db, messages);
  if (queued.length > 0)
    deps.logger.info({ job: "daily-digest", queued: queued.length }, "daily digests queued");
  return { period: period.key, queued, nothingToReport: false };
}

export async function queueWeeklyDigests(now: Date, deps: JobDependencies): Promise<DigestResult> {
  const { timeZone, reports } = deps.config;
  const period = weeklyDigestPeriod(now, timeZone, reports.digestTime);
  if (period === undefined) return NOT_DUE;
  const officers = await officersToTell(deps, period, weeklyKey);
  if (officers.length === 0) return { period: period.key, queued: [], nothingToReport: false };
  const figures = await figuresOf(deps, period);
  const week = await weekFigures(deps.db, period);
  const decisions = week.approved + week.rejected + week.notSelected;
  if (nothingToReport(figures) && decisions === 0)
    return { period: period.key, queued: [], nothingToReport: true };
  const dates = {
    from: dayOf(period.since, timeZone),
    // the week read as Monday to Sunday (it ends on Monday at the digest time)
    to: dayOf(new Date(period.until.getTime() - DAY), timeZone),
  };
  // One picture per language, shared by its officers.
  const charts = new Map<string, string>();
  const messages: OutgoingMessage[] = [];
  for (const officer of officers) {
    const t = translate(deps, officer);
    let chart = charts.get(officer.language);
    if (chart === undefined) {
      const categories: CategoryAmounts[] = week.byCategory.map((row) => ({
        label: categoryName(t, row.category),
        requested: row.requested,
        approved: row.approved,
      }));
      const png = await renderCategoryChart(categories, {
        title: t("report-chart-title", dates),
        requested: t("report-chart-requested"),
        approved: t("report-chart-approved"),
        amountAxis: t("report-chart-axis"),
        noData: t("report-chart-empty"),
        numberLocale: officer.language === "vi" ? "vi-VN" : "en-GB",
      });
      chart = png.toString("base64");
      charts.set(officer.language, chart);
    }
    const common = {
      chatId: officer.chatId,
      userId: officer.id,
      kind: "weekly-digest" as const,
      notBefore: sendAt(deps, period),
    };
    messages.push({
      ...common,
      payload: { type: "text", parseMode: "HTML", text: weekText(t, week, figures, dates) },
      dedupeKey: weeklyKey(period, officer),
    });
    messages.push({
      ...common,
      payload: {
        type: "photo",
        contentBase64: chart,
        fileName: `tong-ket-tuan-${period.key}.png`,
        caption: t("report-chart-caption", dates),
      },
      dedupeKey: chartKey(period, officer),
    });
  }
  const queued = await enqueueMany(deps.db, messages);
  if (queued.length > 0)
    deps.logger.info({ job: "weekly-digest", queued: queued.length }, "weekly digests queued");
  return { period: period.key, queued, nothingToReport: false };
}

export const dailyDigestJob: Job<DigestResult> = {
  name: "daily-digest",
  // every 15 minutes: nothing before DIGEST_TIME, then once per officer per day (dedupe keys)
  schedule: "*/15 * * * *",
  description: "queues each officer's morning digest (from DIGEST_TIME)",
  run: queueDailyDigests,
};

export const weeklyDigestJob: Job<DigestResult> = {
  name: "weekly-digest",
  schedule: "*/15 * * * 1",
  description: "queues each officer's weekly summary with its chart (Mondays, from DIGEST_TIME)",
  run: queueWeeklyDigests,
};
