import type { NextFunction } from "grammy";
import type { Language } from "../../db/schema/index.ts";
import { ensureRole, findUser, recordHandledUpdate, wasHandled } from "../../services/users.ts";
import { setOfficerMenu } from "../command-menus.ts";
import type { BotContext } from "../context.ts";

/**
 * The language each person chose, for the i18n negotiator: conversations
 * build a fresh context per update and cannot see `ctx.user`, so the choice
 * is looked up here by user id. It is refreshed on every update, before any
 * conversation runs, so a switch of language applies inside a form at once.
 */
export class LanguageRegistry {
  private readonly byUser = new Map<number, Language>();

  set(userId: number, language: Language): void {
    this.byUser.delete(userId); // keep insertion order = recency
    this.byUser.set(userId, language);
    if (this.byUser.size > 50_000) {
      const oldest = this.byUser.keys().next().value;
      if (oldest !== undefined) this.byUser.delete(oldest);
    }
  }

  get(userId: number | undefined): Language | undefined {
    return userId === undefined ? undefined : this.byUser.get(userId);
  }
}

/**
 * Loads the person's row for this update (undefined before consent: nothing
 * is stored before), skips an update already handled for them, and records
 * the update as handled once every middleware after it succeeded.
 */
export function loadUser(registry: LanguageRegistry) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const from = ctx.from;
    const updateId = ctx.update.update_id;
    ctx.user = from && !from.is_bot ? await findUser(ctx.deps.db, from.id) : undefined;
    if (ctx.user && wasHandled(ctx.user, updateId)) {
      ctx.logger.info({ update_id: updateId }, "update already handled: skipped");
      return;
    }
    if (ctx.user) {
      registry.set(ctx.user.id, ctx.user.language);
      // ADMIN_IDS is the source of truth for admins: added ids gain the role, removed ids lose it.
      const listed = ctx.deps.config.adminIds.includes(ctx.user.id);
      const role = listed ? "admin" : ctx.user.role === "admin" ? "applicant" : ctx.user.role;
      if (role !== ctx.user.role) {
        await ensureRole(ctx.deps.db, ctx.user.id, role);
        ctx.user.role = role;
        await setOfficerMenu(ctx.api, ctx.deps, {
          chatId: ctx.user.id,
          language: ctx.user.language,
          role,
        });
      }
    }
    await next();
    // Whoever consented or was deleted during this update has (or no longer has) a row.
    if (from && !from.is_bot && ctx.user) await recordHandledUpdate(ctx.deps.db, from.id, updateId);
  };
}
