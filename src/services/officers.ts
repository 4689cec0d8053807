/**
 * Who the officers are. Admins come from ADMIN_IDS; an admin makes someone
 * an officer with a one-time invite code that expires after 48 hours, and
 * can take the role away, which applies at that person's next update.
 */
import { randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { officerInvites, users } from "../db/schema/index.ts";
import type { AppDependencies } from "../dependencies.ts";

export const INVITE_LIFETIME_MS = 48 * 60 * 60 * 1000;

/** 12 letters and digits without look-alikes (no 0/O, 1/l/I): read aloud or typed from paper. */
export function newInviteCode(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  return [...randomBytes(12)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

export async function createInvite(
  deps: AppDependencies,
  adminId: number,
): Promise<{ code: string; expiresAt: Date }> {
  const code = newInviteCode();
  const expiresAt = new Date(deps.clock.now().getTime() + INVITE_LIFETIME_MS);
  await deps.db
    .insert(officerInvites)
    .values({ code, createdBy: adminId, expiresAt, createdAt: deps.clock.now() });
  return { code, expiresAt };
}

export type RedeemResult = "officer" | "already" | "invalid";

/** Uses an invite: once, before it expires, by a person who has consented. */
export async function redeemInvite(
  deps: AppDependencies,
  code: string,
  userId: number,
): Promise<RedeemResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!user) return "invalid" as const;
    if (user.role === "officer" || user.role === "admin") return "already" as const;
    const [used] = await tx
      .update(officerInvites)
      .set({ usedBy: userId, usedAt: now })
      .where(
        and(
          eq(officerInvites.code, code.trim().toUpperCase()),
          isNull(officerInvites.usedAt),
          isNull(officerInvites.revokedAt),
          gt(officerInvites.expiresAt, now),
        ),
      )
      .returning({ code: officerInvites.code });
    if (!used) return "invalid" as const;
    await tx.update(users).set({ role: "officer" }).where(eq(users.id, userId));
    return "officer" as const;
  });
}

export interface OfficerListItem {
  id: number;
  firstName: string | null;
  username: string | null;
  role: "officer" | "admin";
  language: "vi" | "en";
}

export async function listOfficerAccounts(db: Executor): Promise<OfficerListItem[]> {
  const rows = await db
    .select({
      id: users.id,
      firstName: users.firstName,
      username: users.username,
      role: users.role,
      language: users.language,
    })
    .from(users)
    .where(inArray(users.role, ["officer", "admin"]))
    .orderBy(users.role, users.id);
  return rows as OfficerListItem[];
}

/** Takes the officer role away (admins from ADMIN_IDS cannot be removed here). */
export async function removeOfficer(db: Executor, userId: number): Promise<boolean> {
  const removed = await db
    .update(users)
    .set({ role: "applicant" })
    .where(and(eq(users.id, userId), eq(users.role, "officer")))
    .returning({ id: users.id });
  return removed.length > 0;
}
