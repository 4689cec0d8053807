import type { UserRole } from "../../db/schema/index.ts";

/**
 * Roles, read from the person's row loaded for this very update (never from
 * callback data, never cached across updates): a removed officer loses
 * access with their next press.
 */
interface HasUser {
  user?: { role: UserRole } | undefined;
}

export const isOfficer = (ctx: HasUser): boolean =>
  ctx.user?.role === "officer" || ctx.user?.role === "admin";

export const isAdmin = (ctx: HasUser): boolean => ctx.user?.role === "admin";
