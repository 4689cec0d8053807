import { Composer, InlineKeyboard } from "grammy";
import { type ApplicationStatus, canWithdraw } from "../../domain/application-status.ts";
import { formatDate, formatMonth, localParts } from "../../domain/dates.ts";
import { formatMoney } from "../../domain/money.ts";
import { escapeHtml } from "../../i18n.ts";
import {
  type ApplicationDetails,
  changeApplicationStatus,
  getApplicationDetails,
  listOwnersApplications,
} from "../../services/applications.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isMenuButton } from "../filters/menu-button.ts";
import { replyWithMainMenu } from "../main-menu.ts";

/**
 * "Hồ sơ của tôi": every application with its code, title, status in plain
 * words and date; one tap shows all answers, attachments and history.
 * /status <code> looks one up (an owner sees only their own; officers any).
 */

const VIEW = /^app:view:(\d{1,9})$/;
const WITHDRAW = /^app:withdraw:(\d{1,9})$/;
const WITHDRAW_CONFIRM = /^app:withdraw-yes:(\d{1,9})$/;
const FILES = /^app:files:(\d{1,9})$/;

const isOfficer = (ctx: BotContext) => ctx.user?.role === "officer" || ctx.user?.role === "admin";

function canSee(ctx: BotContext, details: ApplicationDetails): boolean {
  return details.application.ownerId === ctx.user?.id || isOfficer(ctx);
}

const localDate = (ctx: BotContext, date: Date) =>
  formatDate(localParts(date, ctx.deps.config.timeZone));

const month = (value: string | null) =>
  value ? formatMonth({ year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) }) : "";

export function renderApplicationDetails(ctx: BotContext, details: ApplicationDetails): string {
  const a = details.application;
  const value = (text: string | null | undefined) =>
    text ? escapeHtml(text) : `<i>${ctx.t("summary-not-answered")}</i>`;
  const money = (amount: string | null) =>
    amount === null ? value(null) : escapeHtml(formatMoney(BigInt(amount)));
  const lines = [
    `<b>${escapeHtml(a.code ?? ctx.t("application-no-code"))}</b> · ${ctx.t(`status-${a.status}`)}`,
    `${ctx.t("details-establishment")}: ${value(details.establishmentName)}`,
    `${ctx.t("details-plan-year")}: ${a.planYear}`,
    `${ctx.t("summary-label-application-program")}: ${a.program ? ctx.t(`program-${a.program}`) : value(null)}`,
    `${ctx.t("summary-label-application-category")}: ${a.category ? ctx.t(`category-${a.category}`) : value(null)}`,
    `${ctx.t("summary-label-application-title")}: ${value(a.title)}`,
    `${ctx.t("summary-label-application-description")}: ${value(a.description)}`,
    `${ctx.t("summary-label-application-total-cost")}: ${money(a.totalCost)}`,
    `${ctx.t("summary-label-application-requested")}: ${money(a.requestedSupport)}`,
    `${ctx.t("summary-label-application-counterpart")}: ${money(a.counterpartFunds)}`,
    `${ctx.t("details-period")}: ${escapeHtml(month(a.periodStart))} – ${escapeHtml(month(a.periodEnd))}`,
    `${ctx.t("summary-label-application-results")}: ${value(a.expectedResults)}`,
    `${ctx.t("summary-label-application-attachments")}: ${ctx.t("attachments-count", { count: details.files.length })}`,
  ];
  if (a.approvedAmount !== null)
    lines.push(`${ctx.t("details-approved-amount")}: ${money(a.approvedAmount)}`);
  if (a.decisionNote) lines.push(`${ctx.t("details-decision-note")}: ${value(a.decisionNote)}`);
  if (details.history.length > 0) {
    lines.push("", `<b>${ctx.t("details-history")}</b>`);
    for (const entry of details.history) {
      const note = entry.note ? ` — ${escapeHtml(entry.note)}` : "";
      lines.push(
        `• ${localDate(ctx, entry.createdAt)}: ${ctx.t(`status-${entry.toStatus}`)}${note}`,
      );
    }
  }
  const text = lines.join("\n");
  // Long answers could push past Telegram's 4096 characters: the summary above each is enough here.
  return text.length > 4000 ? `${text.slice(0, 3990)}…` : text;
}

function detailsKeyboard(ctx: BotContext, details: ApplicationDetails): InlineKeyboard | undefined {
  const keyboard = new InlineKeyboard();
  const a = details.application;
  if (details.files.length > 0)
    keyboard.text(ctx.t("details-show-files"), `app:files:${a.id}`).row();
  if (a.ownerId === ctx.user?.id && canWithdraw(a.status as ApplicationStatus)) {
    keyboard.text(ctx.t("withdraw-button"), `app:withdraw:${a.id}`);
  }
  return keyboard.inline_keyboard.some((row) => row.length > 0) ? keyboard : undefined;
}

async function showDetails(ctx: BotContext, details: ApplicationDetails): Promise<void> {
  const keyboard = detailsKeyboard(ctx, details);
  await ctx.reply(renderApplicationDetails(ctx, details), {
    parse_mode: "HTML",
    ...(keyboard ? { reply_markup: keyboard } : {}),
  });
}

async function listApplications(ctx: BotContext): Promise<void> {
  if (!ctx.user) return;
  const items = await listOwnersApplications(ctx.deps.db, ctx.user.id);
  const submitted = items.filter((item) => item.status !== "draft");
  if (items.length === 0) {
    await replyWithMainMenu(ctx, ctx.t("applications-none"));
    return;
  }
  const keyboard = new InlineKeyboard();
  const lines = [`<b>${ctx.t("applications-title")}</b>`];
  for (const item of items) {
    const date = localDate(ctx, item.submittedAt ?? item.updatedAt);
    const code = item.code ?? ctx.t("application-no-code");
    lines.push(
      `• <b>${escapeHtml(code)}</b> — ${escapeHtml(item.title ?? ctx.t("application-untitled"))}\n   ${ctx.t(`status-${item.status}`)} · ${date}`,
    );
    if (item.status !== "draft") keyboard.text(code, `app:view:${item.id}`).row();
  }
  if (items.length > submitted.length) lines.push("", ctx.t("applications-draft-hint"));
  await ctx.reply(lines.join("\n"), {
    parse_mode: "HTML",
    ...(submitted.length > 0 ? { reply_markup: keyboard } : {}),
  });
}

export function applicationsFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("applications", listApplications);
  privateChats.filter(isMenuButton(deps.i18n, "menu-applications"), listApplications);

  privateChats.command("status", async (ctx) => {
    const code = ctx.match.trim().toUpperCase();
    if (!/^[A-Z]{1,5}-\d{4}-\d{4,6}$/.test(code)) {
      await ctx.reply(ctx.t("status-usage", { example: `${deps.province.codePrefix}-2027-0001` }));
      return;
    }
    const details = await getApplicationDetails(deps.db, { code });
    if (!details || !canSee(ctx, details)) {
      // The same answer whether the code exists or not: no one learns of others' applications.
      await ctx.reply(tSafe(ctx, "status-not-found", { code }));
      return;
    }
    await showDetails(ctx, details);
  });

  privateChats.callbackQuery(VIEW, async (ctx) => {
    const details = await getApplicationDetails(deps.db, { id: Number(ctx.match[1]) });
    if (!details || !canSee(ctx, details)) {
      await ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });
      return;
    }
    await ctx.answerCallbackQuery();
    await showDetails(ctx, details);
  });

  privateChats.callbackQuery(FILES, async (ctx) => {
    const details = await getApplicationDetails(deps.db, { id: Number(ctx.match[1]) });
    if (!details || !canSee(ctx, details)) {
      await ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });
      return;
    }
    await ctx.answerCallbackQuery();
    for (const file of details.files) {
      if (file.kind === "photo") await ctx.replyWithPhoto(file.telegramFileId);
      else await ctx.replyWithDocument(file.telegramFileId);
    }
  });

  privateChats.callbackQuery(WITHDRAW, async (ctx) => {
    const details = await getApplicationDetails(deps.db, { id: Number(ctx.match[1]) });
    if (
      !details ||
      details.application.ownerId !== ctx.user?.id ||
      !canWithdraw(details.application.status as ApplicationStatus)
    ) {
      await ctx.answerCallbackQuery({ text: ctx.t("withdraw-not-possible") });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.reply(tSafe(ctx, "withdraw-confirm", { code: details.application.code ?? "" }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("withdraw-yes"), `app:withdraw-yes:${details.application.id}`)
        .row()
        .text(ctx.t("withdraw-no"), `app:view:${details.application.id}`),
    });
  });

  privateChats.callbackQuery(WITHDRAW_CONFIRM, async (ctx) => {
    const userId = ctx.user?.id;
    if (userId === undefined) return;
    const result = await changeApplicationStatus(deps.db, {
      id: Number(ctx.match[1]),
      to: "withdrawn",
      actor: "owner",
      actorId: userId,
      ownerId: userId,
      at: deps.clock.now(),
    });
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: ctx.t("withdraw-not-possible") });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await replyWithMainMenu(ctx, ctx.t("withdraw-done"));
  });

  return composer;
}

/** Plain-text message with a variable that may hold what a person typed (no parse mode: nothing to escape). */
const tSafe = (ctx: BotContext, key: string, vars: Record<string, string>) => ctx.t(key, vars);
