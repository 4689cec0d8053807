/** What an officer sees of one application: every answer, the establishment, the road, the history, and the actions its status allows. */
import { InlineKeyboard } from "grammy";
import { nextStatuses } from "../../../domain/application-status.ts";
import {
  ownerApplicationCallback,
  type ReviewAction,
  reviewCallback,
} from "../../../services/applications/buttons.ts";
import type { ApplicationDetails } from "../../../services/applications/queries.ts";
import type { BotContext } from "../../context.ts";
import { renderApplicationDetails } from "../../views/application-details.ts";

/** The officer action that leads to each status. */
export const ACTION_TO_STATUS = {
  receive: "received",
  review: "reviewing",
  "need-info": "needs_info",
  reject: "rejected",
  approve: "approved",
  forward: "forwarded",
  "not-selected": "not_selected",
  implement: "implementing",
  accept: "accepted",
  disburse: "disbursed",
} as const;

const STATUS_TO_ACTION = Object.fromEntries(
  Object.entries(ACTION_TO_STATUS).map(([action, status]) => [status, action]),
) as Record<string, ReviewAction>;

/** The buttons of an officer's next steps from the application's status (two a row). */
export function actionKeyboard(
  ctx: BotContext,
  details: ApplicationDetails,
  keyboard = new InlineKeyboard(),
): InlineKeyboard {
  const a = details.application;
  const actions = nextStatuses(a.status, "officer", a.program)
    .map((status) => STATUS_TO_ACTION[status])
    .filter((action): action is ReviewAction => action !== undefined);
  actions.forEach((action, index) => {
    keyboard.text(
      ctx.t(`card-button-${action}`),
      reviewCallback.pack({ action, id: a.id, at: a.status }),
    );
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard.row();
}

export async function showOfficerDetails(
  ctx: BotContext,
  details: ApplicationDetails,
): Promise<void> {
  const a = details.application;
  const keyboard = actionKeyboard(ctx, details);
  if (details.files.length > 0)
    keyboard.text(
      ctx.t("details-show-files"),
      ownerApplicationCallback.pack({ action: "files", id: a.id }),
    );
  keyboard.text(
    ctx.t("card-button-reply"),
    reviewCallback.pack({ action: "reply", id: a.id, at: a.status }),
  );
  await ctx.reply(renderApplicationDetails(ctx, details, { forOfficer: true }), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
}
