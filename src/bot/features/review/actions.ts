/**
 * An officer's buttons on a card or a detail: look, decide with one tap, or
 * open the short form a decision needs (an amount, a reason, the answers to
 * fix). The role is read from the database for every press; callback data
 * only names the application, the action and the status it was offered at.
 * Pressed in the officers' group, a step that needs typing continues in the
 * officer's private chat.
 */
import { Composer, InlineKeyboard } from "grammy";
import { defineCallback, int, oneOf } from "../../../callback-data.ts";
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
} from "../../../domain/application-status.ts";
import { formatDate, localParts } from "../../../domain/dates.ts";
import { FLAGGABLE_QUESTIONS } from "../../../forms/kinds/supplement.ts";
import { reviewCallback } from "../../../services/applications/buttons.ts";
import { cardKeyboard, cardText } from "../../../services/applications/cards.ts";
import { getApplicationDetails } from "../../../services/applications/queries.ts";
import { questionRepliedTo, replyToOwner } from "../../../services/applications/questions.ts";
import { changeApplicationStatus } from "../../../services/applications/review.ts";
import { onCallback } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import type { BotDependencies } from "../../dependencies.ts";
import { isOfficer } from "../../filters/roles.ts";
import { startForm } from "../../forms/flow.ts";
import { ACTION_TO_STATUS, showOfficerDetails } from "./officer-view.ts";

const ONE_TAP = new Set(["receive", "review", "forward", "implement"]);

/** Choosing the answers a bổ sung asks for: the choice so far rides in the data (a bit per question). */
export const supplementPickCallback = defineCallback("rvq", {
  id: int(999_999_999),
  at: oneOf(...APPLICATION_STATUSES),
  chosen: int(65_535),
  /** a question's index to toggle, or 99: done */
  pick: int(99),
});
const DONE = 99;

/** Refuses (and logs) a press by someone who is not an officer (any more). */
export async function refuseNonOfficer(ctx: BotContext, what: string): Promise<boolean> {
  if (isOfficer(ctx)) return false;
  ctx.logger.warn({ userId: ctx.from?.id, chatId: ctx.chat?.id, what }, "refused: not an officer");
  await ctx.answerCallbackQuery({ text: ctx.t("officer-only") }).catch(() => undefined);
  return true;
}

const inGroup = (ctx: BotContext) => ctx.chat?.type !== "private";

/** Continues a step in the officer's private chat (a form cannot run in a group). */
async function continuePrivately(
  ctx: BotContext,
  text: string,
  keyboard: InlineKeyboard,
): Promise<void> {
  const userId = ctx.from?.id as number;
  try {
    await ctx.api.sendMessage(userId, text, { reply_markup: keyboard });
    await ctx.answerCallbackQuery({ text: ctx.t("officer-continue-privately") });
  } catch {
    await ctx.answerCallbackQuery({ text: ctx.t("officer-open-private-chat"), show_alert: true });
  }
}

function pickerKeyboard(
  ctx: BotContext,
  id: number,
  at: ApplicationStatus,
  chosen: number,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  FLAGGABLE_QUESTIONS.forEach((question, index) => {
    const on = (chosen & (1 << index)) !== 0;
    keyboard
      .text(
        `${on ? "✅" : "▫️"} ${index + 1}. ${ctx.t(`summary-label-application-${question.id}`)}`,
        supplementPickCallback.pack({ id, at, chosen: chosen ^ (1 << index), pick: index }),
      )
      .row();
  });
  keyboard.text(
    ctx.t("supplement-pick-done"),
    supplementPickCallback.pack({ id, at, chosen, pick: DONE }),
  );
  return keyboard;
}

export function reviewActionsFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const refuse = (ctx: BotContext) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") });

  onCallback(
    composer,
    reviewCallback,
    async (ctx, { action, id, at }) => {
      if (await refuseNonOfficer(ctx, `review:${action}`)) return;
      const details = await getApplicationDetails(deps.db, { id });
      if (!details) {
        await refuse(ctx);
        return;
      }
      const a = details.application;
      const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
      if (action === "view") {
        if (inGroup(ctx)) {
          await continuePrivately(
            ctx,
            ctx.t("officer-open-details", { code: a.code ?? "" }),
            new InlineKeyboard().text(
              a.code ?? "…",
              reviewCallback.pack({ action: "view", id, at: a.status }),
            ),
          );
          return;
        }
        await ctx.answerCallbackQuery();
        await showOfficerDetails(ctx, details);
        return;
      }
      if (action === "reply") {
        if (inGroup(ctx)) {
          await continuePrivately(
            ctx,
            ctx.t("officer-open-reply", { code: a.code ?? "" }),
            new InlineKeyboard().text(
              ctx.t("card-button-reply"),
              reviewCallback.pack({ action: "reply", id, at: a.status }),
            ),
          );
          return;
        }
        await ctx.answerCallbackQuery();
        await startForm(ctx, "officer-reply", { recordId: id });
        return;
      }
      const to = ACTION_TO_STATUS[action];
      if (a.status !== at) {
        // Someone acted first: say who, and show where it stands now.
        const last = [...details.history].reverse().find((entry) => entry.kind === "status");
        await ctx.answerCallbackQuery({ text: ctx.t("officer-already-changed-toast") });
        await ctx.reply(
          ctx.t("officer-already-changed", {
            code: a.code ?? "",
            status: ctx.t(`status-${a.status}`),
            by: last?.actorName ?? "—",
            date: last ? formatDate(localParts(last.createdAt, deps.config.timeZone)) : "",
          }),
        );
        await ctx
          .editMessageText(cardText(deps, t, details), {
            parse_mode: "HTML",
            reply_markup: cardKeyboard(t, details) as InlineKeyboard,
          })
          .catch(() => undefined);
        return;
      }
      if (ONE_TAP.has(action)) {
        const result = await changeApplicationStatus(deps, {
          id,
          to,
          actor: "officer",
          actorId: ctx.from?.id as number,
          expected: at,
        });
        if (!result.ok) {
          await ctx.answerCallbackQuery({ text: ctx.t("officer-action-refused") });
          return;
        }
        await ctx.answerCallbackQuery({
          text: ctx.t("officer-action-done", { status: ctx.t(`status-${to}`) }),
        });
        const fresh = await getApplicationDetails(deps.db, { id });
        if (fresh) {
          // The card pressed shows the new state at once; the outbox rewrites the others.
          await ctx
            .editMessageText(cardText(deps, t, fresh), {
              parse_mode: "HTML",
              reply_markup: cardKeyboard(t, fresh) as InlineKeyboard,
            })
            .catch(() => undefined);
        }
        return;
      }
      const privateButton = () =>
        new InlineKeyboard().text(
          ctx.t(`card-button-${action}`),
          reviewCallback.pack({ action, id, at }),
        );
      if (inGroup(ctx)) {
        await continuePrivately(
          ctx,
          ctx.t("officer-open-decision", { code: a.code ?? "" }),
          privateButton(),
        );
        return;
      }
      await ctx.answerCallbackQuery();
      if (action === "need-info") {
        await ctx.reply(ctx.t("supplement-pick", { code: a.code ?? "" }), {
          reply_markup: pickerKeyboard(ctx, id, at, 0),
        });
        return;
      }
      await startForm(ctx, "decision", { recordId: id, variant: `${to}|${at}` });
    },
    refuse,
  );

  onCallback(
    composer.chatType("private"),
    supplementPickCallback,
    async (ctx, { id, at, chosen, pick }) => {
      if (await refuseNonOfficer(ctx, "review:supplement-pick")) return;
      if (pick !== DONE) {
        await ctx.answerCallbackQuery();
        await ctx
          .editMessageReplyMarkup({ reply_markup: pickerKeyboard(ctx, id, at, chosen) })
          .catch(() => undefined);
        return;
      }
      const questionIds = FLAGGABLE_QUESTIONS.filter(
        (_, index) => (chosen & (1 << index)) !== 0,
      ).map((q) => q.id);
      if (questionIds.length === 0) {
        await ctx.answerCallbackQuery({ text: ctx.t("supplement-pick-none") });
        return;
      }
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await startForm(ctx, "decision", {
        recordId: id,
        variant: `needs_info|${at}|${questionIds.join(",")}`,
      });
    },
    refuse,
  );

  return composer;
}

/**
 * An officer answering an owner's question with Telegram's own "reply" to
 * the question's message: the text goes to the owner. Runs before forms, so
 * a form left open does not take it as an answer.
 */
export function replyByQuoteFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("message:text", async (ctx, next) => {
    const quoted = ctx.message.reply_to_message;
    if (!quoted || quoted.from?.id !== ctx.me.id || !isOfficer(ctx)) return next();
    const question = await questionRepliedTo(deps, ctx.chat.id, quoted.message_id);
    if (!question) return next();
    const sent = await replyToOwner(deps, {
      applicationId: question.applicationId,
      officerId: ctx.from.id,
      text: ctx.message.text.slice(0, 1500),
    });
    await ctx.reply(
      ctx.t(sent.ok ? "message-reply-sent" : "message-not-possible", {
        code: sent.ok ? (sent.code ?? "") : "",
      }),
      {
        reply_parameters: { message_id: ctx.message.message_id },
      },
    );
  });
  return composer;
}
