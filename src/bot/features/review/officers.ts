/**
 * /officers (admins): who the officers are, a one-time invite (a link and a
 * code, valid 48 hours), and removing an officer, which takes effect at their
 * next press. Invites are redeemed with the link (/start officer-CODE) or
 * /join CODE, after consent like anyone else.
 */

import { Composer, InlineKeyboard } from "grammy";
import { defineCallback, int, oneOf } from "../../../callback-data.ts";
import { formatDate, localParts } from "../../../domain/dates.ts";
import { escapeHtml } from "../../../i18n.ts";
import {
  createInvite,
  listOfficerAccounts,
  redeemInvite,
  removeOfficer,
} from "../../../services/officers.ts";
import { onCallback } from "../../callback-data.ts";
import { setOfficerMenu } from "../../command-menus.ts";
import type { BotContext } from "../../context.ts";
import type { BotDependencies } from "../../dependencies.ts";
import { isAdmin } from "../../filters/roles.ts";

export const officersCallback = defineCallback("ofc", {
  action: oneOf("invite", "remove", "remove-yes", "keep"),
  userId: int(),
});

const INVITE_PAYLOAD = /^officer-([A-Z2-9]{12})$/i;

async function listOfficers(ctx: BotContext): Promise<void> {
  const officers = await listOfficerAccounts(ctx.deps.db);
  const keyboard = new InlineKeyboard();
  const lines = [`<b>${ctx.t("officers-title", { count: officers.length })}</b>`];
  for (const officer of officers) {
    const name =
      [officer.firstName, officer.username ? `@${officer.username}` : null]
        .filter(Boolean)
        .join(" ") || String(officer.id);
    lines.push(`• ${escapeHtml(name)} — ${ctx.t(`role-${officer.role}`)}`);
    if (officer.role === "officer") {
      keyboard
        .text(
          ctx.t("officers-remove", { name: name.slice(0, 18) }),
          officersCallback.pack({ action: "remove", userId: officer.id }),
        )
        .row();
    }
  }
  keyboard.text(ctx.t("officers-invite"), officersCallback.pack({ action: "invite", userId: 0 }));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

async function redeem(ctx: BotContext, code: string): Promise<void> {
  if (!ctx.user) return;
  const result = await redeemInvite(ctx.deps, code, ctx.user.id);
  if (result === "officer") {
    ctx.user.role = "officer";
    ctx.logger.info({ userId: ctx.user.id }, "a new officer joined with an invite");
    await setOfficerMenu(ctx.api, ctx.deps, {
      chatId: ctx.user.id,
      language: ctx.user.language,
      role: "officer",
    });
  } else if (result === "invalid") {
    ctx.logger.warn({ userId: ctx.user.id }, "an invalid or expired officer invite was used");
  }
  await ctx.reply(ctx.t(`officers-redeem-${result}`));
}

/** Before the start feature: /start officer-CODE from an invite link. */
export function officerInviteLinks(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("start", async (ctx, next) => {
    const match = INVITE_PAYLOAD.exec(ctx.match.trim());
    if (!match?.[1]) return next();
    if (!ctx.user) {
      // Consent comes first, as for everyone; the link works once they have agreed.
      await ctx.reply(ctx.t("officers-redeem-consent-first"));
      return next();
    }
    await redeem(ctx, match[1]);
  });
  return composer;
}

export function officersFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("join", async (ctx) => {
    const code = ctx.match.trim();
    if (!code) {
      await ctx.reply(ctx.t("officers-join-usage"));
      return;
    }
    await redeem(ctx, code);
  });

  privateChats.command("officers", async (ctx) => {
    if (!isAdmin(ctx)) {
      ctx.logger.warn({ userId: ctx.from.id }, "refused: /officers by a non-admin");
      await ctx.reply(ctx.t("admin-only"));
      return;
    }
    await listOfficers(ctx);
  });

  onCallback(
    privateChats,
    officersCallback,
    async (ctx, { action, userId }) => {
      if (!isAdmin(ctx)) {
        ctx.logger.warn(
          { userId: ctx.from.id, action },
          "refused: an admin's button by a non-admin",
        );
        await ctx.answerCallbackQuery({ text: ctx.t("admin-only") });
        return;
      }
      await ctx.answerCallbackQuery();
      if (action === "keep") {
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        return;
      }
      if (action === "invite") {
        const invite = await createInvite(deps, ctx.from.id);
        const expires = localParts(invite.expiresAt, deps.config.timeZone);
        await ctx.reply(
          ctx.t("officers-invite-created", {
            link: `https://t.me/${ctx.me.username}?start=officer-${invite.code}`,
            code: invite.code,
            expires: `${String(expires.hour).padStart(2, "0")}:${String(expires.minute).padStart(2, "0")} ${formatDate(expires)}`,
          }),
          { link_preview_options: { is_disabled: true } },
        );
        return;
      }
      if (action === "remove") {
        await ctx.reply(ctx.t("officers-remove-confirm"), {
          reply_markup: new InlineKeyboard()
            .text(
              ctx.t("officers-remove-yes"),
              officersCallback.pack({ action: "remove-yes", userId }),
            )
            .row()
            .text(ctx.t("officers-remove-no"), officersCallback.pack({ action: "keep", userId })),
        });
        return;
      }
      const removed = await removeOfficer(deps.db, userId);
      ctx.logger.info({ by: ctx.from.id, userId, removed }, "officer removed");
      if (removed)
        await setOfficerMenu(ctx.api, deps, { chatId: userId, language: "vi", role: "applicant" });
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t(removed ? "officers-removed" : "officers-not-removed"));
    },
    (ctx) => ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") }),
  );

  return composer;
}
