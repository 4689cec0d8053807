import type { I18n } from "@grammyjs/i18n";
import { and, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { escapeHtml } from "../i18n.ts";
import { enqueue } from "./outbox.ts";

/**
 * Tells every officer of a new application, through the outbox (so a
 * restart, a retry or a second server never tells them twice), in each
 * officer's own language. Called inside the submitting transaction.
 */
export async function notifyOfficersOfSubmission(
  executor: Executor,
  i18n: Pick<I18n, "t">,
  application: { id: number; code: string; title: string | null; establishmentName: string },
): Promise<number> {
  const officers = await executor
    .select({ id: users.id, chatId: users.chatId, language: users.language })
    .from(users)
    .where(and(inArray(users.role, ["officer", "admin"]), isNull(users.blockedAt)));
  let queued = 0;
  for (const officer of officers) {
    const text = i18n.t(officer.language, "officer-new-application", {
      code: application.code,
      title: escapeHtml(application.title ?? ""),
      establishment: escapeHtml(application.establishmentName),
    });
    const added = await enqueue(executor, {
      chatId: officer.chatId,
      userId: officer.id,
      kind: "new-application",
      payload: { type: "text", text, parseMode: "HTML" },
      dedupeKey: `application:${application.id}:submitted:officer:${officer.id}`,
      urgency: "daytime",
    });
    if (added) queued++;
  }
  return queued;
}
