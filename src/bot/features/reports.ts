/**
 * The officers' reports in the chat: /export (choose a plan year, a stream,
 * a status and a format with buttons; a progress message is edited while
 * the file is made; the file comes as a document) and /stats (the daily
 * digest's figures for a plan year). Officers only: the role is read from
 * the database for every command and every press.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { defineCallback, int, oneOf } from "../../callback-data.ts";
import { APPLICATION_STATUSES } from "../../domain/application-status.ts";
import { dayOf, figuresText } from "../../services/reports/digest-text.ts";
import type { ExportFilter, ExportFormat } from "../../services/reports/export.ts";
import { runExport } from "../../services/reports/export-runner.ts";
import { planYearsWithApplications, reportFigures } from "../../services/reports/figures.ts";
import { onCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isOfficer } from "../filters/roles.ts";
import { refuseNonOfficer } from "./review/actions.ts";

const ANY = "-";
const ALL_YEARS = 0;
const EXPORT_STATUSES = APPLICATION_STATUSES.filter((status) => status !== "draft");
/** How many rows between two edits of the progress message. */
export const EXPORT_PROGRESS_EVERY = 10_000;
const DAY = 86_400_000;

/** The export's choices so far ride in its buttons. */
export const exportCallback = defineCallback("rpx", {
  step: oneOf("program", "status", "format", "run"),
  year: int(9999),
  program: oneOf(ANY, "local", "national"),
  status: oneOf(ANY, ...EXPORT_STATUSES),
  format: oneOf(ANY, "xlsx", "csv"),
});
type ExportChoice = Parameters<typeof exportCallback.pack>[0];

export const statsCallback = defineCallback("rps", { year: int(9999) });

function choiceLine(ctx: BotContext, choice: ExportChoice): string {
  return ctx.t("export-choice", {
    year: choice.year === ALL_YEARS ? ctx.t("export-all-years") : String(choice.year),
    program:
      choice.program === ANY ? ctx.t("export-all-programs") : ctx.t(`program-${choice.program}`),
    status: choice.status === ANY ? ctx.t("export-all-statuses") : ctx.t(`status-${choice.status}`),
  });
}

/** The year buttons, three to a row (short labels). */
function yearKeyboard(
  ctx: BotContext,
  years: readonly number[],
  data: (year: number) => string,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  years.slice(0, 9).forEach((year, index) => {
    keyboard.text(ctx.t("report-year-button", { year: String(year) }), data(year));
    if (index % 3 === 2) keyboard.row();
  });
  return keyboard;
}

function stepView(
  ctx: BotContext,
  choice: ExportChoice,
): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  const next = (change: Partial<ExportChoice>) => exportCallback.pack({ ...choice, ...change });
  if (choice.step === "program") {
    keyboard.text(ctx.t("program-local"), next({ step: "status", program: "local" })).row();
    keyboard.text(ctx.t("program-national"), next({ step: "status", program: "national" })).row();
    keyboard.text(ctx.t("export-all-programs"), next({ step: "status", program: ANY }));
    return { text: ctx.t("export-pick-program"), keyboard };
  }
  if (choice.step === "status") {
    EXPORT_STATUSES.forEach((status, index) => {
      keyboard.text(ctx.t(`status-${status}`), next({ step: "format", status }));
      if (index % 2 === 1) keyboard.row();
    });
    keyboard.row().text(ctx.t("export-all-statuses"), next({ step: "format", status: ANY }));
    return { text: ctx.t("export-pick-status"), keyboard };
  }
  keyboard
    .text(ctx.t("export-format-xlsx"), next({ step: "run", format: "xlsx" }))
    .text(ctx.t("export-format-csv"), next({ step: "run", format: "csv" }));
  return { text: `${choiceLine(ctx, choice)}\n${ctx.t("export-pick-format")}`, keyboard };
}

function filterOf(choice: ExportChoice): ExportFilter {
  return {
    ...(choice.year !== ALL_YEARS ? { planYear: choice.year } : {}),
    ...(choice.program !== ANY ? { program: choice.program } : {}),
    ...(choice.status !== ANY ? { status: choice.status } : {}),
  };
}

export function reportsFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");
  /** Officers with a file being made in this process: one at a time each. */
  const exporting = new Set<number>();

  const officerOnly = async (ctx: BotContext, run: () => Promise<void>) => {
    if (!isOfficer(ctx)) {
      ctx.logger.warn({ userId: ctx.from?.id }, "refused: an officer's command by a non-officer");
      await ctx.reply(ctx.t("officer-only"));
      return;
    }
    await run();
  };

  privateChats.command("export", (ctx) =>
    officerOnly(ctx, async () => {
      const years = await planYearsWithApplications(deps.db);
      if (years.length === 0) {
        await ctx.reply(ctx.t("stats-none"));
        return;
      }
      const choice: ExportChoice = {
        step: "program",
        year: ALL_YEARS,
        program: ANY,
        status: ANY,
        format: ANY,
      };
      const keyboard = yearKeyboard(ctx, years, (year) => exportCallback.pack({ ...choice, year }));
      keyboard.row().text(ctx.t("export-all-years"), exportCallback.pack(choice));
      await ctx.reply(ctx.t("export-pick-year"), { reply_markup: keyboard });
    }),
  );

  async function sendExport(ctx: BotContext, choice: ExportChoice, format: ExportFormat) {
    const userId = ctx.from?.id ?? 0;
    if (exporting.has(userId)) {
      await ctx.reply(ctx.t("export-busy"));
      return;
    }
    exporting.add(userId);
    const folder = await mkdtemp(join(tmpdir(), "kc-export-"));
    try {
      const progress = await ctx.reply(ctx.t("export-working"));
      const edit = (text: string) =>
        ctx.api.editMessageText(progress.chat.id, progress.message_id, text).catch(() => undefined);
      // Edits go one after another, never holding up the file.
      let edits: Promise<unknown> = Promise.resolve();
      const fileName = `${ctx.t("export-file-name")}-${choice.year === ALL_YEARS ? "all" : choice.year}.${format}`;
      const path = join(folder, fileName);
      const outcome = await runExport({
        db: deps.db,
        config: deps.config,
        province: deps.province,
        i18n: deps.i18n,
        language: ctx.user?.language ?? "vi",
        filter: filterOf(choice),
        format,
        path,
        progressEvery: EXPORT_PROGRESS_EVERY,
        onProgress: (count) => {
          // the last count (not a whole step) is told by "done" instead
          if (count === 0 || count % EXPORT_PROGRESS_EVERY !== 0) return;
          edits = edits.then(() => edit(ctx.t("export-progress", { count })));
        },
      });
      await edits;
      if (outcome.rowsWritten === 0) {
        await edit(ctx.t("export-empty"));
        return;
      }
      await edit(ctx.t("export-done", { count: outcome.rowsWritten }));
      await ctx.replyWithDocument(new InputFile(path, fileName), {
        caption: ctx.t("export-caption", {
          count: outcome.rowsWritten,
          choice: choiceLine(ctx, choice),
        }),
      });
    } catch (error) {
      ctx.logger.error({ err: error }, "the export failed");
      await ctx.reply(ctx.t("export-failed"));
    } finally {
      exporting.delete(userId);
      await rm(folder, { recursive: true, force: true });
    }
  }

  onCallback(
    privateChats,
    exportCallback,
    async (ctx, choice) => {
      if (await refuseNonOfficer(ctx, "export")) return;
      await ctx.answerCallbackQuery();
      if (choice.step === "run" && choice.format !== ANY) {
        await ctx.editMessageText(choiceLine(ctx, choice)).catch(() => undefined);
        await sendExport(ctx, choice, choice.format);
        return;
      }
      const { text, keyboard } = stepView(ctx, choice);
      await ctx.editMessageText(text, { reply_markup: keyboard }).catch(() => undefined);
    },
    (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") }),
  );

  async function statsText(ctx: BotContext, year: number): Promise<string> {
    const now = deps.clock.now();
    const { reports, timeZone } = deps.config;
    const figures = await reportFigures(deps.db, {
      planYear: year,
      since: new Date(now.getTime() - DAY),
      until: now,
      now,
      decisionWaitDays: reports.decisionWaitDays,
      supplementWaitDays: reports.supplementWaitDays,
    });
    return figuresText((key, variables) => ctx.t(key, variables), figures, {
      title: ctx.t("report-stats-title", { year: String(year), date: dayOf(now, timeZone) }),
      newLine: ctx.t("report-stats-new", { count: figures.newCount }),
      now,
      timeZone,
      decisionWaitDays: reports.decisionWaitDays,
      supplementWaitDays: reports.supplementWaitDays,
    });
  }

  privateChats.command("stats", (ctx) =>
    officerOnly(ctx, async () => {
      const years = await planYearsWithApplications(deps.db);
      const typed = Number(ctx.match.trim());
      if (years.includes(typed)) {
        await ctx.reply(await statsText(ctx, typed), { parse_mode: "HTML" });
        return;
      }
      if (years.length === 0) {
        await ctx.reply(ctx.t("stats-none"));
        return;
      }
      await ctx.reply(ctx.t("stats-pick-year"), {
        reply_markup: yearKeyboard(ctx, years, (year) => statsCallback.pack({ year })),
      });
    }),
  );

  onCallback(
    privateChats,
    statsCallback,
    async (ctx, { year }) => {
      if (await refuseNonOfficer(ctx, "stats")) return;
      await ctx.answerCallbackQuery();
      const years = await planYearsWithApplications(deps.db);
      await ctx
        .editMessageText(await statsText(ctx, year), {
          parse_mode: "HTML",
          reply_markup: yearKeyboard(ctx, years, (other) => statsCallback.pack({ year: other })),
        })
        .catch(() => undefined);
    },
    (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") }),
  );

  return composer;
}
