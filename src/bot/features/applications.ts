import { Composer, InlineKeyboard } from "grammy";
import { canWithdraw } from "../../domain/application-status.ts";
import { formatDate, localParts } from "../../domain/dates.ts";
import { formatMoney } from "../../domain/money.ts";
import { checkSupportCap, isSupportCategoryId } from "../../domain/support-categories.ts";
import { escapeHtml } from "../../i18n.ts";
import { ownerApplicationCallback } from "../../services/applications/buttons.ts";
import {
  type ApplicationDetails,
  getApplicationDetails,
  listOwnersApplications,
} from "../../services/applications/queries.ts";
import { startTransfer } from "../../services/applications/supplements.ts";
import { defineCallback, int, onCallback } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import { isMenuButton } from "../filters/menu-button.ts";
import { isOfficer } from "../filters/roles.ts";
import { startForm } from "../forms/flow.ts";
import { replyWithMainMenu } from "../main-menu.ts";
import { clip } from "../text-limits.ts";
import { renderApplicationDetails } from "../views/application-details.ts";
import { sendAttachments } from "../views/attachments.ts";

/**
 * "Hồ sơ của tôi": every application with its code, title, status in plain
 * words and date; one tap shows all answers, the road with dates, the
 * history, and what the owner can do now: answer a bổ sung, move a national
 * application the Ministry did not select to the local programme, ask an
 * officer, withdraw. /status <code> looks one up (an owner sees only their
 * own; officers any).
 */

const applicationListCallback = defineCallback("apps", { page: int(9999) });
const own = (action: Parameters<typeof ownerApplicationCallback.pack>[0]["action"], id: number) =>
  ownerApplicationCallback.pack({ action, id });

function canSee(ctx: BotContext, details: ApplicationDetails): boolean {
  return details.application.ownerId === ctx.user?.id || isOfficer(ctx);
}

const localDate = (ctx: BotContext, date: Date) =>
  formatDate(localParts(date, ctx.deps.config.timeZone));

function ownerKeyboard(ctx: BotContext, details: ApplicationDetails): InlineKeyboard | undefined {
  const keyboard = new InlineKeyboard();
  const a = details.application;
  if (a.ownerId !== ctx.user?.id) {
    if (details.files.length > 0) keyboard.text(ctx.t("details-show-files"), own("files", a.id));
    return keyboard.inline_keyboard.some((row) => row.length > 0) ? keyboard : undefined;
  }
  if (a.status === "needs_info" && details.openSupplement)
    keyboard.text(ctx.t("owner-button-supplement"), own("supplement", a.id)).row();
  if (a.status === "not_selected")
    keyboard.text(ctx.t("owner-button-transfer"), own("transfer", a.id)).row();
  if (a.status !== "draft") keyboard.text(ctx.t("owner-button-ask"), own("ask", a.id));
  if (details.files.length > 0) keyboard.text(ctx.t("details-show-files"), own("files", a.id));
  keyboard.row();
  if (canWithdraw(a.status)) keyboard.text(ctx.t("withdraw-button"), own("withdraw", a.id));
  return keyboard.inline_keyboard.some((row) => row.length > 0) ? keyboard : undefined;
}

async function showDetails(ctx: BotContext, details: ApplicationDetails): Promise<void> {
  const keyboard = ownerKeyboard(ctx, details);
  await ctx.reply(renderApplicationDetails(ctx, details, { forOfficer: isOfficer(ctx) }), {
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
    if (item.status !== "draft") keyboard.text(code, own("view", item.id)).row();
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

/** Over the local programme's cap, the support asked must be asked again when moving there. */
function localCapExcess(province: BotDependencies["province"], details: ApplicationDetails) {
  const a = details.application;
  if (!a.category || !isSupportCategoryId(a.category) || !a.totalCost || !a.requestedSupport) {
    return undefined;
  }
  const total = BigInt(a.totalCost);
  const requested = BigInt(a.requestedSupport);
  return checkSupportCap(province, a.planYear, a.category, "local", total, requested);
}

/** Moving to the local programme: what changes (the local caps), then a confirmation. */
async function offerTransfer(ctx: BotContext, details: ApplicationDetails): Promise<void> {
  const a = details.application;
  const overCap = localCapExcess(ctx.deps.province, details);
  const lines = [ctx.t("transfer-explain", { code: a.code ?? "" })];
  if (overCap) {
    const max = overCap.limit;
    lines.push(
      ctx.t("transfer-over-cap", {
        requested: formatMoney(BigInt(a.requestedSupport ?? "0")),
        max: formatMoney(max),
      }),
    );
  }
  await ctx.reply(lines.join("\n\n"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("transfer-yes"), own("transfer-yes", a.id))
      .row()
      .text(ctx.t("transfer-no"), own("view", a.id)),
  });
}

export function applicationsFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");
  const refuse = (ctx: BotContext) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });

  privateChats.command("applications", (ctx) => listApplications(ctx));
  privateChats.filter(isMenuButton(deps.i18n, "menu-applications"), (ctx) => listApplications(ctx));
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
      // The example is the owner's own latest code when there is one, so it is one they know.
      const latest = ctx.user
        ? (await listOwnersApplications(deps.db, ctx.user.id)).find((item) => item.code)
        : undefined;
      const example =
        latest?.code ??
        `${deps.province.codePrefix}-${localParts(deps.clock.now(), deps.config.timeZone).year + 1}-0001`;
      await ctx.reply(ctx.t("status-usage", { example }));
      return;
    }
    const details = await getApplicationDetails(deps.db, { code });
    if (!details || !canSee(ctx, details)) {
      // The same answer whether the code exists or not: no one learns of others' applications.
      await ctx.reply(ctx.t("status-not-found", { code }));
      return;
    }
    await showDetails(ctx, details);
  });

  onCallback(
    privateChats,
    ownerApplicationCallback,
    async (ctx, { action, id }) => {
      const details = await getApplicationDetails(deps.db, { id });
      if (!details || !canSee(ctx, details)) {
        ctx.logger.warn(
          { action, id, userId: ctx.user?.id },
          "refused a button on someone else's application",
        );
        await refuse(ctx);
        return;
      }
      const owned = details.application.ownerId === ctx.user?.id;
      const status = details.application.status;
      if (action === "view" || action === "files") {
        await ctx.answerCallbackQuery();
        if (action === "view") await showDetails(ctx, details);
        else await sendAttachments(ctx, details.files);
        return;
      }
      if (!owned) {
        ctx.logger.warn(
          { action, id, userId: ctx.user?.id },
          "refused an owner's action to another person",
        );
        await refuse(ctx);
        return;
      }
      if (action === "withdraw" || action === "withdraw-yes") {
        if (!canWithdraw(status)) {
          await ctx.answerCallbackQuery({ text: ctx.t("withdraw-not-possible") });
          return;
        }
        await ctx.answerCallbackQuery();
        if (action === "withdraw") {
          await ctx.reply(ctx.t("withdraw-confirm", { code: details.application.code ?? "" }), {
            reply_markup: new InlineKeyboard()
              .text(ctx.t("withdraw-yes"), own("withdraw-yes", id))
              .row()
              .text(ctx.t("withdraw-no"), own("view", id)),
          });
        } else {
          await ctx.editMessageReplyMarkup().catch(() => undefined);
          await startForm(ctx, "withdrawal", { recordId: id });
        }
        return;
      }
      if (action === "ask") {
        await ctx.answerCallbackQuery();
        await startForm(ctx, "owner-question", { recordId: id });
        return;
      }
      if (action === "supplement") {
        const supplement = details.openSupplement;
        if (status !== "needs_info" || !supplement) {
          await ctx.answerCallbackQuery({ text: ctx.t("supplement-not-open") });
          return;
        }
        await ctx.answerCallbackQuery();
        await startForm(ctx, "supplement", { recordId: supplement.id });
        return;
      }
      if (status !== "not_selected") {
        await ctx.answerCallbackQuery({ text: ctx.t("transfer-not-possible") });
        return;
      }
      await ctx.answerCallbackQuery();
      if (action === "transfer") {
        await offerTransfer(ctx, details);
        return;
      }
      // transfer-yes: the local programme's questions that differ (the support asked, when over
      // the local cap) are asked again through the bổ sung form, which submits it anew.
      const overCap = localCapExcess(deps.province, details) !== undefined;
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      const started = await startTransfer(deps, {
        applicationId: id,
        ownerId: ctx.user?.id as number,
        questionIds: overCap ? ["requested", "counterpart"] : [],
      });
      if ("error" in started) {
        await ctx.reply(ctx.t("transfer-not-possible"));
        return;
      }
      await startForm(ctx, "supplement", { recordId: started.supplementId });
    },
    refuse,
  );

  return composer;
}
