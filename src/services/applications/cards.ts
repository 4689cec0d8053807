/**
 * The card of an application in every officer's chat and in the officers'
 * group: what it is, where it stands, who did what last, and the actions
 * its status allows. Queued through the outbox when it is submitted, and
 * rewritten in place (an edit) each time it moves on.
 */
import { and, eq, inArray, like } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { type Language, officerCards, outbox, users } from "../../db/schema/index.ts";
import type { AppDependencies } from "../../dependencies.ts";
import { nextStatuses } from "../../domain/application-status.ts";
import { communeLabel } from "../../domain/commune-labels.ts";
import { communeByCode } from "../../domain/communes.ts";
import { formatMoney } from "../../domain/money.ts";
import { escapeHtml } from "../../i18n.ts";
import { enqueue } from "../../outbox/enqueue.ts";
import { listOfficers } from "../users.ts";
import { type ReviewAction, reviewCallback } from "./buttons.ts";
import { type ApplicationDetails, getApplicationDetails } from "./queries.ts";

/** The officer action that leads to each status (the card's buttons follow the status machine). */
const ACTION_FOR: Partial<Record<string, ReviewAction>> = {
  received: "receive",
  reviewing: "review",
  needs_info: "need-info",
  rejected: "reject",
  approved: "approve",
  forwarded: "forward",
  not_selected: "not-selected",
  implementing: "implement",
  accepted: "accept",
  disbursed: "disburse",
};

type Translate = (key: string, vars?: Record<string, string | number>) => string;

const money = (value: string | null) => (value === null ? "—" : formatMoney(BigInt(value)));

/** The card's text, in one officer's language. */
export function cardText(
  deps: Pick<AppDependencies, "province" | "config">,
  t: Translate,
  details: ApplicationDetails,
): string {
  const a = details.application;
  const commune = details.establishment?.communeCode
    ? communeByCode(deps.province, details.establishment.communeCode)
    : undefined;
  const last = details.history.filter((entry) => entry.kind === "status").at(-1);
  const lines = [
    t("card-title", { code: escapeHtml(a.code ?? ""), status: t(`status-${a.status}`) }),
    t("card-establishment", {
      name: escapeHtml(details.establishmentName ?? ""),
      commune: commune ? communeLabel(commune) : "—",
    }),
    t("card-category", {
      category: a.category ? t(`category-${a.category}`) : "—",
      program: a.program ? t(`program-${a.program}`) : "—",
    }),
    t("card-project", { title: escapeHtml(a.title ?? "") }),
    t("card-amounts", {
      total: money(a.totalCost),
      requested: money(a.requestedSupport),
      counterpart: money(a.counterpartFunds),
    }),
  ];
  if (a.approvedAmount !== null)
    lines.push(t("card-approved", { amount: money(a.approvedAmount) }));
  if (last && last.fromStatus !== null && last.fromStatus !== "draft") {
    lines.push(
      t("card-last-action", {
        status: t(`status-${last.toStatus}`),
        who: escapeHtml(last.actorName ?? "—"),
      }),
    );
  }
  return lines.join("\n");
}

/** The card's buttons: details, and the officer's next steps from this status. */
export function cardKeyboard(t: Translate, details: ApplicationDetails): unknown {
  const a = details.application;
  const actions = nextStatuses(a.status, "officer", a.program)
    .map((status) => ACTION_FOR[status])
    .filter((action): action is ReviewAction => action !== undefined);
  const button = (action: ReviewAction) => ({
    text: t(`card-button-${action}`),
    callback_data: reviewCallback.pack({ action, id: a.id, at: a.status }),
  });
  const rows: { text: string; callback_data: string }[][] = [[button("view")]];
  for (let index = 0; index < actions.length; index += 2) {
    rows.push(actions.slice(index, index + 2).map(button));
  }
  return { inline_keyboard: rows };
}

interface CardChat {
  chatId: number;
  userId: number | null;
  language: Language;
}

/** Every officer's chat, and the officers' group (in Vietnamese). */
async function cardChats(db: Executor, deps: Pick<AppDependencies, "config">): Promise<CardChat[]> {
  const chats: CardChat[] = (await listOfficers(db)).map((officer) => ({
    chatId: officer.chatId,
    userId: officer.id,
    language: officer.language,
  }));
  if (deps.config.officerChatId !== undefined) {
    chats.push({ chatId: deps.config.officerChatId, userId: null, language: "vi" });
  }
  return chats;
}

const translator =
  (deps: Pick<AppDependencies, "i18n">, language: Language): Translate =>
  (key, vars) =>
    deps.i18n.t(language, key, vars);

/** Queues the card of a newly submitted (or transferred) application to every officer and the group. */
export async function queueCards(
  tx: Executor,
  deps: Pick<AppDependencies, "i18n" | "province" | "config">,
  applicationId: number,
  occasion: string,
): Promise<void> {
  const details = await getApplicationDetails(tx, { id: applicationId });
  if (!details) return;
  for (const chat of await cardChats(tx, deps)) {
    const t = translator(deps, chat.language);
    await enqueue(tx, {
      chatId: chat.chatId,
      userId: chat.userId,
      kind: "officer-new-application",
      payload: {
        type: "text",
        text: cardText(deps, t, details),
        parseMode: "HTML",
        replyMarkup: cardKeyboard(t, details),
        meta: { card: { applicationId } },
      },
      dedupeKey: `card:${applicationId}:${occasion}:chat:${chat.chatId}`,
    });
  }
}

/**
 * Rewrites the application's cards after a change: a card already sent is
 * edited in place (through the outbox, in the caller's transaction); one
 * still waiting to be sent (the night, the pacing) has its text replaced.
 */
export async function refreshCards(
  tx: Executor,
  deps: Pick<AppDependencies, "i18n" | "province" | "config">,
  applicationId: number,
  version: string,
): Promise<void> {
  const details = await getApplicationDetails(tx, { id: applicationId });
  if (!details) return;
  const languages = new Map<number, Language>(
    (await cardChats(tx, deps)).map((chat) => [chat.chatId, chat.language]),
  );
  const languageOf = (chatId: number): Language => languages.get(chatId) ?? "vi";
  const pending = await tx
    .select({ id: outbox.id, chatId: outbox.chatId, payload: outbox.payload })
    .from(outbox)
    .where(
      and(
        like(outbox.dedupeKey, `card:${applicationId}:%`),
        inArray(outbox.status, ["pending", "failed"]),
      ),
    );
  for (const row of pending) {
    if (row.payload.type !== "text") continue;
    const t = translator(deps, languageOf(row.chatId));
    await tx
      .update(outbox)
      .set({
        payload: {
          ...row.payload,
          text: cardText(deps, t, details),
          replyMarkup: cardKeyboard(t, details),
        },
      })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, "pending")));
  }
  const sent = await tx
    .select({ chatId: officerCards.chatId, userId: users.id })
    .from(officerCards)
    .leftJoin(users, eq(users.chatId, officerCards.chatId))
    .where(eq(officerCards.applicationId, applicationId));
  for (const card of sent) {
    const t = translator(deps, languageOf(card.chatId));
    await enqueue(tx, {
      chatId: card.chatId,
      userId: card.userId,
      kind: "officer-card-update",
      payload: {
        type: "edit-card",
        applicationId,
        text: cardText(deps, t, details),
        parseMode: "HTML",
        replyMarkup: cardKeyboard(t, details),
      },
      dedupeKey: `card-edit:${applicationId}:${version}:chat:${card.chatId}`,
    });
  }
}
