/**
 * The officers' inbox: applications waiting for an officer, oldest first,
 * filtered by status, stream, category and commune with buttons, a page at
 * a time; and /find by code, tax code or name.
 */
import { Composer, InlineKeyboard } from "grammy";
import { defineCallback, int, oneOf, text } from "../../../callback-data.ts";
import { APPLICATION_STATUSES, WAITING_FOR_OFFICER } from "../../../domain/application-status.ts";
import { communeLabel } from "../../../domain/commune-labels.ts";
import { communeByCode } from "../../../domain/communes.ts";
import { formatMoney } from "../../../domain/money.ts";
import { SUPPORT_CATEGORY_IDS } from "../../../domain/support-categories.ts";
import { escapeHtml } from "../../../i18n.ts";
import { reviewCallback } from "../../../services/applications/buttons.ts";
import {
  type InboxFilter,
  type InboxItem,
  listInbox,
  searchApplications,
} from "../../../services/applications/queries.ts";
import { onCallback } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import type { BotDependencies } from "../../dependencies.ts";
import { isOfficer } from "../../filters/roles.ts";
import { clip } from "../../text-limits.ts";
import { refuseNonOfficer } from "./actions.ts";

export const INBOX_PAGE_SIZE = 8;
const ANY = "-";
const FILTER_STATUSES = [...WAITING_FOR_OFFICER, "needs_info"] as const;

/** The inbox's state rides in its buttons: filters, page, and what is shown. */
export const inboxCallback = defineCallback("ibx", {
  status: oneOf(ANY, ...APPLICATION_STATUSES),
  program: oneOf(ANY, "local", "national"),
  category: int(99),
  /** a commune code, or "-" */
  commune: text(5),
  page: int(9999),
  view: oneOf("list", "status", "program", "category", "commune"),
});
type InboxState = Parameters<typeof inboxCallback.pack>[0];

const NO_CATEGORY = 99;

const initial: InboxState = {
  status: ANY,
  program: ANY,
  category: NO_CATEGORY,
  commune: ANY,
  page: 0,
  view: "list",
};

function filterOf(state: InboxState): InboxFilter {
  const category = SUPPORT_CATEGORY_IDS[state.category];
  return {
    ...(state.status !== ANY ? { status: state.status } : {}),
    ...(state.program !== ANY ? { program: state.program } : {}),
    ...(category ? { category } : {}),
    ...(state.commune !== ANY ? { communeCode: state.commune } : {}),
  };
}

function daysWaiting(ctx: BotContext, since: Date | null): number {
  return since
    ? Math.max(0, Math.floor((ctx.deps.clock.now().getTime() - since.getTime()) / 86_400_000))
    : 0;
}

function itemLines(ctx: BotContext, item: InboxItem, number: number): string {
  const commune = item.communeCode ? communeByCode(ctx.deps.province, item.communeCode) : undefined;
  const requested = item.requestedSupport ? formatMoney(BigInt(item.requestedSupport)) : "—";
  return [
    `${number}. <b>${escapeHtml(item.code ?? "")}</b> · ${ctx.t(`status-${item.status}`)} · ${ctx.t("inbox-days", { days: daysWaiting(ctx, item.waitingSince) })}`,
    `   ${escapeHtml(clip(item.establishmentName ?? "", 60))} · ${commune ? escapeHtml(communeLabel(commune)) : "—"}`,
    `   ${item.category ? ctx.t(`category-${item.category}-short`) : "—"} · ${item.program ? ctx.t(`program-${item.program}`) : "—"} · ${escapeHtml(requested)}`,
  ].join("\n");
}

function filterLine(ctx: BotContext, state: InboxState): string {
  const parts = [
    state.status !== ANY ? ctx.t(`status-${state.status}`) : null,
    state.program !== ANY ? ctx.t(`program-${state.program}`) : null,
    SUPPORT_CATEGORY_IDS[state.category]
      ? ctx.t(`category-${SUPPORT_CATEGORY_IDS[state.category]}-short`)
      : null,
    state.commune !== ANY
      ? communeLabel(
          communeByCode(ctx.deps.province, state.commune) ?? {
            code: state.commune,
            name: state.commune,
            kind: "xa",
            formerUnits: [],
          },
        )
      : null,
  ].filter(Boolean);
  return ctx.t("inbox-filter", {
    filter: parts.length > 0 ? parts.join(" · ") : ctx.t("inbox-filter-none"),
  });
}

const pack = (state: InboxState, change: Partial<InboxState>) =>
  inboxCallback.pack({ ...state, ...change });

/** The list itself, or one of the filter pickers. */
async function render(
  ctx: BotContext,
  state: InboxState,
): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const keyboard = new InlineKeyboard();
  const back = () => keyboard.row().text(ctx.t("inbox-back"), pack(state, { view: "list" }));
  if (state.view === "status") {
    for (const status of FILTER_STATUSES)
      keyboard
        .text(ctx.t(`status-${status}`), pack(state, { status, page: 0, view: "list" }))
        .row();
    keyboard.text(ctx.t("inbox-any"), pack(state, { status: ANY, page: 0, view: "list" }));
    return { text: ctx.t("inbox-pick-status"), keyboard };
  }
  if (state.view === "program") {
    keyboard
      .text(ctx.t("program-local"), pack(state, { program: "local", page: 0, view: "list" }))
      .row();
    keyboard
      .text(ctx.t("program-national"), pack(state, { program: "national", page: 0, view: "list" }))
      .row();
    keyboard.text(ctx.t("inbox-any"), pack(state, { program: ANY, page: 0, view: "list" }));
    return { text: ctx.t("inbox-pick-program"), keyboard };
  }
  if (state.view === "category") {
    SUPPORT_CATEGORY_IDS.forEach((id, index) => {
      keyboard.text(
        `${index + 1}. ${ctx.t(`category-${id}-short`)}`,
        pack(state, { category: index, page: 0, view: "list" }),
      );
      if (index % 2 === 1) keyboard.row();
    });
    keyboard
      .row()
      .text(ctx.t("inbox-any"), pack(state, { category: NO_CATEGORY, page: 0, view: "list" }));
    return { text: ctx.t("inbox-pick-category"), keyboard };
  }
  if (state.view === "commune") {
    // Only the communes that have something waiting (with the other filters): a short list.
    const { items } = await listInbox(
      ctx.deps.db,
      { ...filterOf(state), communeCode: undefined } as InboxFilter,
      { offset: 0, limit: 500 },
    );
    const codes = [
      ...new Set(items.map((item) => item.communeCode).filter((code): code is string => !!code)),
    ];
    const communes = codes
      .map((code) => communeByCode(ctx.deps.province, code))
      .filter((commune) => commune !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name, "vi"))
      .slice(0, 30);
    communes.forEach((commune, index) => {
      keyboard.text(
        communeLabel(commune),
        pack(state, { commune: commune.code, page: 0, view: "list" }),
      );
      if (index % 2 === 1) keyboard.row();
    });
    keyboard.row().text(ctx.t("inbox-any"), pack(state, { commune: ANY, page: 0, view: "list" }));
    back();
    return {
      text: ctx.t(communes.length > 0 ? "inbox-pick-commune" : "inbox-pick-commune-none"),
      keyboard,
    };
  }
  const { items, total } = await listInbox(ctx.deps.db, filterOf(state), {
    offset: state.page * INBOX_PAGE_SIZE,
    limit: INBOX_PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const lines = [
    `<b>${ctx.t("inbox-title", { total })}</b>${pages > 1 ? ` · ${ctx.t("inbox-page", { page: state.page + 1, pages })}` : ""}`,
    filterLine(ctx, state),
    "",
  ];
  if (items.length === 0) lines.push(ctx.t("inbox-empty"));
  items.forEach((item, index) => {
    lines.push(itemLines(ctx, item, state.page * INBOX_PAGE_SIZE + index + 1));
    keyboard.text(
      item.code ?? "…",
      reviewCallback.pack({ action: "view", id: item.id, at: item.status }),
    );
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row();
  keyboard
    .text(ctx.t("inbox-by-status"), pack(state, { view: "status" }))
    .text(ctx.t("inbox-by-program"), pack(state, { view: "program" }))
    .row();
  keyboard
    .text(ctx.t("inbox-by-category"), pack(state, { view: "category" }))
    .text(ctx.t("inbox-by-commune"), pack(state, { view: "commune" }))
    .row();
  if (state.page > 0) keyboard.text(ctx.t("list-previous"), pack(state, { page: state.page - 1 }));
  if (state.page < pages - 1)
    keyboard.text(ctx.t("list-next"), pack(state, { page: state.page + 1 }));
  return { text: lines.join("\n"), keyboard };
}

export function inboxFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");
  const officerOnly = async (ctx: BotContext, run: () => Promise<void>) => {
    if (!isOfficer(ctx)) {
      ctx.logger.warn({ userId: ctx.from?.id }, "refused: an officer's command by a non-officer");
      await ctx.reply(ctx.t("officer-only"));
      return;
    }
    await run();
  };

  privateChats.command("inbox", (ctx) =>
    officerOnly(ctx, async () => {
      const { text, keyboard } = await render(ctx, initial);
      await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
    }),
  );

  onCallback(
    privateChats,
    inboxCallback,
    async (ctx, state) => {
      if (await refuseNonOfficer(ctx, "inbox")) return;
      await ctx.answerCallbackQuery();
      const { text, keyboard } = await render(ctx, state);
      await ctx
        .editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard })
        .catch(() => undefined);
    },
    (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") }),
  );

  privateChats.command("find", (ctx) =>
    officerOnly(ctx, async () => {
      const query = ctx.match.trim();
      if (query.length < 2) {
        await ctx.reply(ctx.t("find-usage", { example: `${deps.province.codePrefix}-2027-0012` }));
        return;
      }
      const items = await searchApplications(deps.db, query.slice(0, 100));
      if (items.length === 0) {
        await ctx.reply(ctx.t("find-none", { query: clip(query, 60) }));
        return;
      }
      const keyboard = new InlineKeyboard();
      items.forEach((item, index) => {
        keyboard.text(
          item.code ?? "…",
          reviewCallback.pack({ action: "view", id: item.id, at: item.status }),
        );
        if (index % 2 === 1) keyboard.row();
      });
      await ctx.reply(
        [
          `<b>${ctx.t("find-title", { count: items.length })}</b>`,
          "",
          ...items.map((item, index) => itemLines(ctx, item, index + 1)),
        ].join("\n"),
        { parse_mode: "HTML", reply_markup: keyboard },
      );
    }),
  );

  return composer;
}
