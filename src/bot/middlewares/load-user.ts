import type { NextFunction } from "grammy";
import type { Language } from "../../db/schema/index.ts";
import { claimUpdate, ensureRole, findUser } from "../../services/users.ts";
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

export function loadUser(registry: LanguageRegistry) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const from = ctx.from;
    // One query on the hot path: claiming the update returns the person's row.
    ctx.user =
      from && !from.is_bot
        ? await claimUpdate(ctx.deps.db, from.id, ctx.update.update_id)
        : undefined;
    if (from && !from.is_bot && !ctx.user && (await findUser(ctx.deps.db, from.id))) {
      ctx.logger.info({ update_id: ctx.update.update_id }, "update already handled: skipped");
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
      }
    }
    await next();
  };
}
