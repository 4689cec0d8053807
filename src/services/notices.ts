/**
 * The notices an action causes, rendered in each recipient's language and
 * queued in the outbox inside the action's own transaction: the action and
 * its notices commit or fail together, and a retry never tells anyone twice
 * (dedupe keys).
 */
import { eq } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { type Language, users } from "../db/schema/index.ts";
import type { AppDependencies } from "../dependencies.ts";
import { enqueue } from "../outbox/enqueue.ts";
import type { OutboxKindName } from "../outbox/kinds.ts";
import { listOfficers } from "./users.ts";

type Variables = Record<string, string | number>;

export interface Notice {
  kind: OutboxKindName;
  /** the locale key and its variables (string variables must be HTML-escaped by the caller) */
  key: string;
  vars?: Variables | ((language: Language) => Variables);
  /** extra lines, each a locale key, added when present */
  extra?: { key: string; vars?: Record<string, string | number> }[];
  replyMarkup?: (language: Language) => unknown;
}

function render(deps: Pick<AppDependencies, "i18n">, language: Language, notice: Notice): string {
  const vars = typeof notice.vars === "function" ? notice.vars(language) : notice.vars;
  const lines = [deps.i18n.t(language, notice.key, vars)];
  for (const line of notice.extra ?? []) lines.push(deps.i18n.t(language, line.key, line.vars));
  return lines.join("\n");
}

/** Tells the owner of an application; false when nothing was queued (blocked, or queued before). */
export async function notifyOwner(
  tx: Executor,
  deps: Pick<AppDependencies, "i18n">,
  ownerId: number,
  notice: Notice,
  dedupeKey: string,
): Promise<boolean> {
  const [owner] = await tx
    .select({ id: users.id, chatId: users.chatId, language: users.language })
    .from(users)
    .where(eq(users.id, ownerId))
    .limit(1);
  if (!owner) return false;
  const markup = notice.replyMarkup?.(owner.language);
  return enqueue(tx, {
    chatId: owner.chatId,
    userId: owner.id,
    kind: notice.kind,
    payload: {
      type: "text",
      text: render(deps, owner.language, notice),
      parseMode: "HTML",
      ...(markup ? { replyMarkup: markup } : {}),
    },
    dedupeKey,
  });
}

/** Tells every officer, each in their language; `dedupeKey` is completed with the officer's id. */
export async function notifyOfficers(
  tx: Executor,
  deps: Pick<AppDependencies, "i18n">,
  notice: Notice,
  dedupeKey: string,
): Promise<number> {
  let queued = 0;
  for (const officer of await listOfficers(tx)) {
    const markup = notice.replyMarkup?.(officer.language);
    const added = await enqueue(tx, {
      chatId: officer.chatId,
      userId: officer.id,
      kind: notice.kind,
      payload: {
        type: "text",
        text: render(deps, officer.language, notice),
        parseMode: "HTML",
        ...(markup ? { replyMarkup: markup } : {}),
      },
      dedupeKey: `${dedupeKey}:officer:${officer.id}`,
    });
    if (added) queued++;
  }
  return queued;
}
