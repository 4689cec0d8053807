/**
 * Changing an application's status: checked by the status machine, written
 * with its history entry, and told to whoever must know (the owner of an
 * officer's decision, the officers of an owner's withdrawal), all in one
 * transaction.
 */
import { eq } from "drizzle-orm";
import { applicationHistory, applications } from "../../db/schema/index.ts";
import type { AppDependencies } from "../../dependencies.ts";
import {
  type Actor,
  type ApplicationStatus,
  checkTransition,
} from "../../domain/application-status.ts";
import { escapeHtml } from "../../i18n.ts";
import { notifyOfficers, notifyOwner } from "../notices.ts";

export interface StatusChange {
  id: number;
  to: ApplicationStatus;
  actor: Actor;
  actorId: number;
  note?: string;
  /** the owner acting: refused unless the application is theirs */
  ownerId?: number;
}

type TransitionError = Extract<ReturnType<typeof checkTransition>, { ok: false }>["error"];

export type StatusChangeResult =
  | { ok: true; from: ApplicationStatus; code: string | null }
  | { ok: false; error: "not-found" | TransitionError };

export async function changeApplicationStatus(
  deps: AppDependencies,
  input: StatusChange,
): Promise<StatusChangeResult> {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(applications)
      .where(eq(applications.id, input.id))
      .for("update")
      .limit(1);
    if (!current || (input.ownerId !== undefined && current.ownerId !== input.ownerId)) {
      return { ok: false as const, error: "not-found" as const };
    }
    const check = checkTransition(current.status, input.to, input.actor, current.program);
    if (!check.ok) return { ok: false as const, error: check.error };
    const decided = input.to === "approved" || input.to === "rejected";
    await tx
      .update(applications)
      .set({ status: input.to, ...(decided ? { decidedAt: at } : {}) })
      .where(eq(applications.id, current.id));
    const [entry] = await tx
      .insert(applicationHistory)
      .values({
        applicationId: current.id,
        fromStatus: current.status,
        toStatus: input.to,
        actorId: input.actorId,
        note: input.note ?? null,
        createdAt: at,
      })
      .returning({ id: applicationHistory.id });
    const code = current.code ?? "";
    const note = input.note ? [{ key: "notice-note", vars: { note: escapeHtml(input.note) } }] : [];
    if (input.actor === "owner") {
      await notifyOfficers(
        tx,
        deps,
        {
          kind: "officer-notice",
          key: `officer-owner-${input.to}`,
          vars: { code, title: escapeHtml(current.title ?? "") },
          extra: note,
        },
        `application:${current.id}:history:${entry?.id}`,
      );
    } else {
      await notifyOwner(
        tx,
        deps,
        current.ownerId,
        {
          kind: "owner-status-change",
          key: "owner-status-changed",
          vars: (language) => ({
            code,
            title: escapeHtml(current.title ?? ""),
            status: deps.i18n.t(language, `status-${input.to}`),
          }),
          extra: note,
        },
        `application:${current.id}:history:${entry?.id}`,
      );
    }
    return { ok: true as const, from: current.status, code: current.code };
  });
}
