import { Composer, InlineKeyboard } from "grammy";
import { type ApplicationStatus, canWithdraw } from "../../domain/application-status.ts";
import { formatDate, formatMonth, localParts } from "../../domain/dates.ts";
import { formatMoney } from "../../domain/money.ts";
import { escapeHtml } from "../../i18n.ts";
import {
  type ApplicationDetails,
  getApplicationDetails,
  listOwnersApplications,
} from "../../services/applications/queries.ts";
import { changeApplicationStatus } from "../../services/applications/review.ts";
import { defineCallback, int, onCallback, oneOf } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isMenuButton } from "../filters/menu-button.ts";
import { isOfficer } from "../filters/roles.ts";
import { replyWithMainMenu } from "../main-menu.ts";
import { clip, TELEGRAM_TEXT_LIMIT, visibleLength } from "../text-limits.ts";

/**
 * "Hồ sơ của tôi": every application with its code, title, status in plain
 * words and date; one tap shows all answers, attachments and history.
 * /status <code> looks one up (an owner sees only their own; officers any).
 */

/** An owner's buttons on their applications; `id` is checked against the presser every time. */
export const applicationCallback = defineCallback("app", {
  action: oneOf("view", "files", "withdraw", "withdraw-yes"),
  id: int(999_999_999),
});
const applicationListCallback = defineCallback("apps", { page: int(9999) });

function canSee(ctx: BotContext, details: ApplicationDetails): boolean {
  return details.application.ownerId === ctx.user?.id || isOfficer(ctx);
}

const localDate = (ctx: BotContext, date: Date) =>
  formatDate(localParts(date, ctx.deps.config.timeZone));

const month = (value: string | null) =>
  value ? formatMonth({ year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) }) : "";

export function renderApplicationDetails(ctx: BotContext, details: ApplicationDetails): string {
  const a = details.application;
  // Each typed value is shortened before escaping, so no message passes Telegram's limit.
  const value = (text: string | null | undefined, max = 300) =>
    text ? escapeHtml(clip(text, max)) : `<i>${ctx.t("summary-not-answered")}</i>`;
  const money = (amount: string | null) =>
    amount === null ? value(null) : escapeHtml(formatMoney(BigInt(amount)));
  const lines = [
    `<b>${escapeHtml(a.code ?? ctx.t("application-no-code"))}</b> · ${ctx.t(`status-${a.status}`)}`,
    `${ctx.t("details-establishment")}: ${value(details.establishmentName, 200)}`,
    `${ctx.t("details-plan-year")}: ${a.planYear}`,
    `${ctx.t("summary-label-application-program")}: ${a.program ? ctx.t(`program-${a.program}`) : value(null)}`,
    `${ctx.t("summary-label-application-category")}: ${a.category ? ctx.t(`category-${a.category}`) : value(null)}`,
    `${ctx.t("summary-label-application-title")}: ${value(a.title, 200)}`,
    `${ctx.t("summary-label-application-description")}: ${value(a.description, 1200)}`,
    `${ctx.t("summary-label-application-total-cost")}: ${money(a.totalCost)}`,
    `${ctx.t("summary-label-application-requested")}: ${money(a.requestedSupport)}`,
    `${ctx.t("summary-label-application-counterpart")}: ${money(a.counterpartFunds)}`,
    `${ctx.t("details-period")}: ${escapeHtml(month(a.periodStart))} – ${escapeHtml(month(a.periodEnd))}`,
    `${ctx.t("summary-label-application-results")}: ${value(a.expectedResults, 600)}`,
    `${ctx.t("summary-label-application-attachments")}: ${ctx.t("attachments-count", { count: details.files.length })}`,
  ];
  if (a.approvedAmount !== null)
    lines.push(`${ctx.t("details-approved-amount")}: ${money(a.approvedAmount)}`);
  if (a.decisionNote)
    lines.push(`${ctx.t("details-decision-note")}: ${value(a.decisionNote, 500)}`);
  const history = details.history.map((entry) => {
    const note = entry.note ? ` — ${value(entry.note, 150)}` : "";
    return `• ${localDate(ctx, entry.createdAt)}: ${ctx.t(`status-${entry.toStatus}`)}${note}`;
  });
  // The newest steps matter most: leave out the oldest while the message would be too long.
  while (history.length > 0) {
    const text = [...lines, "", `<b>${ctx.t("details-history")}</b>`, ...history].join("\n");
    if (visibleLength(text) <= TELEGRAM_TEXT_LIMIT - 96) return text;
    history.shift();
  }
  return lines.join("\n");
}

function detailsKeyboard(ctx: BotContext, details: ApplicationDetails): InlineKeyboard | undefined {
  const keyboard = new InlineKeyboard();
  const a = details.application;
  if (details.files.length > 0)
    keyboard
      .text(ctx.t("details-show-files"), applicationCallback.pack({ action: "files", id: a.id }))
      .row();
  if (a.ownerId === ctx.user?.id && canWithdraw(a.status as ApplicationStatus)) {
    keyboard.text(
      ctx.t("withdraw-button"),
      applicationCallback.pack({ action: "withdraw", id: a.id }),
    );
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

export const APPLICATIONS_PER_PAGE = 8;

/** A page of the owner's applications, newest first; buttons open one, arrows turn the page. */
async function listApplications(ctx: BotContext, page = 0): Promise<void> {
  if (!ctx.user) return;
  const items = await listOwnersApplications(ctx.deps.db, ctx.user.id);
  if (items.length === 0) {
    await replyWithMainMenu(ctx, ctx.t("applications-none"));
    return;
  }
  const pages = Math.ceil(items.length / APPLICATIONS_PER_PAGE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const shown = items.slice(current * APPLICATIONS_PER_PAGE, (current + 1) * APPLICATIONS_PER_PAGE);
  const keyboard = new InlineKeyboard();
  const lines = [
    `<b>${ctx.t("applications-title")}</b>${pages > 1 ? ` (${current + 1}/${pages})` : ""}`,
  ];
  for (const item of shown) {
    const date = localDate(ctx, item.submittedAt ?? item.updatedAt);
    const code = item.code ?? ctx.t("application-no-code");
    const title = clip(item.title ?? ctx.t("application-untitled"), 80);
    lines.push(
      `• <b>${escapeHtml(code)}</b> — ${escapeHtml(title)}\n   ${ctx.t(`status-${item.status}`)} · ${date}`,
    );
    if (item.status !== "draft")
      keyboard.text(code, applicationCallback.pack({ action: "view", id: item.id })).row();
  }
  if (current > 0)
    keyboard.text(ctx.t("list-previous"), applicationListCallback.pack({ page: current - 1 }));
  if (current < pages - 1)
    keyboard.text(ctx.t("list-next"), applicationListCallback.pack({ page: current + 1 }));
  if (items.some((item) => item.status === "draft"))
    lines.push("", ctx.t("applications-draft-hint"));
  const hasButtons = keyboard.inline_keyboard.some((row) => row.length > 0);
  await ctx.reply(lines.join("\n"), {
    parse_mode: "HTML",
    ...(hasButtons ? { reply_markup: keyboard } : {}),
  });
}

export function applicationsFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("applications", (ctx) => listApplications(ctx));
  privateChats.filter(isMenuButton(deps.i18n, "menu-applications"), (ctx) => listApplications(ctx));
  const refuse = (ctx: BotContext) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });
  onCallback(
    privateChats,
    applicationListCallback,
    async (ctx, { page }) => {
      await ctx.answerCallbackQuery();
      await listApplications(ctx, page);
    },
    refuse,
  );

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

  onCallback(
    privateChats,
    applicationCallback,
    async (ctx, { action, id }) => {
      const details = await getApplicationDetails(deps.db, { id });
      const owned = details?.application.ownerId === ctx.user?.id;
      if (action === "view" || action === "files") {
        if (!details || !canSee(ctx, details)) {
          await refuse(ctx);
          return;
        }
        await ctx.answerCallbackQuery();
        if (action === "view") await showDetails(ctx, details);
        else await sendFiles(ctx, details);
        return;
      }
      if (!details || !owned || !canWithdraw(details.application.status as ApplicationStatus)) {
        await ctx.answerCallbackQuery({ text: ctx.t("withdraw-not-possible") });
        return;
      }
      if (action === "withdraw") {
        await ctx.answerCallbackQuery();
        await ctx.reply(tSafe(ctx, "withdraw-confirm", { code: details.application.code ?? "" }), {
          reply_markup: new InlineKeyboard()
            .text(ctx.t("withdraw-yes"), applicationCallback.pack({ action: "withdraw-yes", id }))
            .row()
            .text(ctx.t("withdraw-no"), applicationCallback.pack({ action: "view", id })),
        });
        return;
      }
      const userId = ctx.user?.id as number;
      const result = await changeApplicationStatus(deps, {
        id,
        to: "withdrawn",
        actor: "owner",
        actorId: userId,
        ownerId: userId,
      });
      if (!result.ok) {
        await ctx.answerCallbackQuery({ text: ctx.t("withdraw-not-possible") });
        return;
      }
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await replyWithMainMenu(ctx, ctx.t("withdraw-done"));
    },
    refuse,
  );

  return composer;
}

async function sendFiles(ctx: BotContext, details: ApplicationDetails): Promise<void> {
  for (const file of details.files) {
    if (file.kind === "photo") await ctx.replyWithPhoto(file.telegramFileId);
    else await ctx.replyWithDocument(file.telegramFileId);
  }
}

/** Plain-text message with a variable that may hold what a person typed (no parse mode: nothing to escape). */
const tSafe = (ctx: BotContext, key: string, vars: Record<string, string>) => ctx.t(key, vars);
