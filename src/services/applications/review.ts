/**
 * Changing an application's status: checked by the status machine, written
 * with its history entry, told to whoever must know (the owner of an
 * officer's decision, the officers of an owner's step) and mirrored on the
 * officers' cards, all in one transaction. Two officers acting on one
 * application at once: each action names the status it was offered at, and
 * the second finds it changed and is told who acted.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import {
  applicationHistory,
  applicationSupplements,
  applications,
  users,
} from "../../db/schema/index.ts";
import type { AppDependencies } from "../../dependencies.ts";
import {
  type Actor,
  type ApplicationStatus,
  checkTransition,
} from "../../domain/application-status.ts";
import { formatMoney, moneyInWords } from "../../domain/money.ts";
import { escapeHtml } from "../../i18n.ts";
import { notifyOfficers, notifyOwner } from "../notices.ts";
import { ownerApplicationCallback } from "./buttons.ts";
import { refreshCards } from "./cards.ts";

type TransitionError = Extract<ReturnType<typeof checkTransition>, { ok: false }>["error"];

export type StatusChangeResult =
  | { ok: true; from: ApplicationStatus; code: string | null; historyId: number }
  | { ok: false; error: "not-found" | TransitionError }
  /** someone acted first: the application is no longer at the status the action was offered at */
  | { ok: false; error: "changed"; status: ApplicationStatus; by: string | null; at: Date | null };

export interface StatusChange {
  id: number;
  to: ApplicationStatus;
  actor: Actor;
  actorId: number;
  note?: string;
  /** the owner acting: refused unless the application is theirs */
  ownerId?: number;
  /** the status the action was offered at (a button on a card): refused if it changed since */
  expected?: ApplicationStatus;
  /** approved, accepted (nghiệm thu) or disbursed (giải ngân): the amount, integer đồng */
  amount?: bigint;
  /** needs_info: the questions the owner must answer again */
  supplementQuestionIds?: string[];
}

const AMOUNT_COLUMN = {
  approved: "approvedAmount",
  accepted: "acceptedAmount",
  disbursed: "disbursedAmount",
} as const;

const DECISIONS: readonly ApplicationStatus[] = ["approved", "rejected", "not_selected"];

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
    if (input.expected !== undefined && current.status !== input.expected) {
      const last = await lastStatusChange(tx, current.id);
      return { ok: false as const, error: "changed" as const, status: current.status, ...last };
    }
    const check = checkTransition(current.status, input.to, input.actor, current.program);
    if (!check.ok) return { ok: false as const, error: check.error };
    const amountColumn = AMOUNT_COLUMN[input.to as keyof typeof AMOUNT_COLUMN];
    const decided = DECISIONS.includes(input.to);
    await tx
      .update(applications)
      .set({
        status: input.to,
        statusChangedAt: at,
        ...(decided ? { decidedAt: at, decidedBy: input.actorId } : {}),
        ...(decided || input.to === "needs_info" ? { decisionNote: input.note ?? null } : {}),
        ...(amountColumn && input.amount !== undefined ? { [amountColumn]: input.amount } : {}),
      })
      .where(eq(applications.id, current.id));
    const [entry] = await tx
      .insert(applicationHistory)
      .values({
        applicationId: current.id,
        kind: "status",
        fromStatus: current.status,
        toStatus: input.to,
        actorId: input.actorId,
        note: input.note ?? null,
        details: {
          ...(input.amount !== undefined ? { amount: input.amount.toString() } : {}),
          ...(input.supplementQuestionIds ? { questionIds: input.supplementQuestionIds } : {}),
        },
        createdAt: at,
      })
      .returning({ id: applicationHistory.id });
    const historyId = entry?.id ?? 0;
    if (input.to === "needs_info") {
      await tx
        .update(applicationSupplements)
        .set({ status: "cancelled" })
        .where(
          and(
            eq(applicationSupplements.applicationId, current.id),
            eq(applicationSupplements.status, "open"),
          ),
        );
      await tx.insert(applicationSupplements).values({
        applicationId: current.id,
        requestedBy: input.actorId,
        purpose: "supplement",
        note: input.note ?? null,
        questionIds: input.supplementQuestionIds ?? [],
      });
    }
    const about = {
      code: current.code ?? "",
      title: escapeHtml(current.title ?? ""),
    };
    const note = input.note ? [{ key: "notice-note", vars: { note: escapeHtml(input.note) } }] : [];
    const dedupeKey = `application:${current.id}:history:${historyId}`;
    if (input.actor === "owner") {
      await notifyOfficers(
        tx,
        deps,
        { kind: "officer-notice", key: `officer-owner-${input.to}`, vars: about, extra: note },
        dedupeKey,
      );
    } else {
      await notifyOwner(
        tx,
        deps,
        current.ownerId,
        {
          kind: "owner-status-change",
          key: `owner-notice-${input.to}`,
          vars: {
            ...about,
            agency: deps.province.agencyName,
            ...(input.amount !== undefined
              ? { amount: formatMoney(input.amount), words: moneyInWords(input.amount) }
              : {}),
          },
          extra: note,
          replyMarkup: (language) => ownerNoticeButtons(deps, language, current.id, input.to),
        },
        dedupeKey,
      );
    }
    await refreshCards(tx, deps, current.id, `h${historyId}`);
    return { ok: true as const, from: current.status, code: current.code, historyId };
  });
}

/** What the owner can do straight from a notice: answer a bổ sung, move to the local programme, ask. */
function ownerNoticeButtons(
  deps: Pick<AppDependencies, "i18n">,
  language: "vi" | "en",
  id: number,
  status: ApplicationStatus,
): unknown {
  const button = (action: "supplement" | "transfer" | "ask" | "view", key: string) => ({
    text: deps.i18n.t(language, key),
    callback_data: ownerApplicationCallback.pack({ action, id }),
  });
  const rows = [];
  if (status === "needs_info") rows.push([button("supplement", "owner-button-supplement")]);
  if (status === "not_selected") rows.push([button("transfer", "owner-button-transfer")]);
  rows.push([button("view", "owner-button-view"), button("ask", "owner-button-ask")]);
  return { inline_keyboard: rows };
}

/** Who made the last status change, and when (to tell an officer who acted first). */
async function lastStatusChange(
  tx: Executor,
  applicationId: number,
): Promise<{ by: string | null; at: Date | null }> {
  const [last] = await tx
    .select({
      at: applicationHistory.createdAt,
      firstName: users.firstName,
      username: users.username,
    })
    .from(applicationHistory)
    .leftJoin(users, eq(users.id, applicationHistory.actorId))
    .where(
      and(
        eq(applicationHistory.applicationId, applicationId),
        eq(applicationHistory.kind, "status"),
      ),
    )
    .orderBy(desc(applicationHistory.createdAt), desc(applicationHistory.id))
    .limit(1);
  if (!last) return { by: null, at: null };
  const name = [last.firstName, last.username ? `@${last.username}` : null]
    .filter(Boolean)
    .join(" ");
  return { by: name || null, at: last.at };
}
