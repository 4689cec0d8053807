/**
 * "Hỏi cán bộ": an owner writes to the officers about an application; an
 * officer's answer reaches the owner. The thread is kept in the history.
 */
import { and, eq } from "drizzle-orm";
import { applicationHistory, applications, outbox } from "../../db/schema/index.ts";
import type { AppDependencies } from "../../dependencies.ts";
import { escapeHtml } from "../../i18n.ts";
import { enqueue } from "../../outbox/enqueue.ts";
import { notifyOwner } from "../notices.ts";
import { listOfficers } from "../users.ts";
import { ownerApplicationCallback, reviewCallback } from "./buttons.ts";

/** The owner's question: recorded, and sent to every officer and the officers' group. */
export async function askOfficers(
  deps: AppDependencies,
  input: { applicationId: number; ownerId: number; text: string },
): Promise<{ ok: true; code: string | null } | { ok: false }> {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [application] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.id, input.applicationId), eq(applications.ownerId, input.ownerId)))
      .limit(1);
    if (!application) return { ok: false as const };
    const [entry] = await tx
      .insert(applicationHistory)
      .values({
        applicationId: application.id,
        kind: "question",
        toStatus: application.status,
        actorId: input.ownerId,
        note: input.text,
        createdAt: at,
      })
      .returning({ id: applicationHistory.id });
    const historyId = entry?.id ?? 0;
    const chats = (await listOfficers(tx)).map((officer) => ({
      chatId: officer.chatId,
      userId: officer.id as number | null,
      language: officer.language,
    }));
    if (deps.config.officerChatId !== undefined) {
      chats.push({ chatId: deps.config.officerChatId, userId: null, language: "vi" });
    }
    for (const chat of chats) {
      const t = (key: string, vars?: Record<string, string | number>) =>
        deps.i18n.t(chat.language, key, vars);
      await enqueue(tx, {
        chatId: chat.chatId,
        userId: chat.userId,
        kind: "officer-question",
        payload: {
          type: "text",
          parseMode: "HTML",
          text: t("officer-question", {
            code: application.code ?? "",
            title: escapeHtml(application.title ?? ""),
            text: escapeHtml(input.text),
          }),
          replyMarkup: {
            inline_keyboard: [
              [
                {
                  text: t("card-button-reply"),
                  callback_data: reviewCallback.pack({
                    action: "reply",
                    id: application.id,
                    at: application.status,
                  }),
                },
                {
                  text: t("card-button-view"),
                  callback_data: reviewCallback.pack({
                    action: "view",
                    id: application.id,
                    at: application.status,
                  }),
                },
              ],
            ],
          },
          meta: { question: { applicationId: application.id, historyId } },
        },
        dedupeKey: `question:${historyId}:chat:${chat.chatId}`,
      });
    }
    return { ok: true as const, code: application.code };
  });
}

/** An officer's answer: recorded, and sent to the owner at once. */
export async function replyToOwner(
  deps: AppDependencies,
  input: { applicationId: number; officerId: number; text: string },
): Promise<{ ok: true; code: string | null } | { ok: false }> {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [application] = await tx
      .select()
      .from(applications)
      .where(eq(applications.id, input.applicationId))
      .limit(1);
    if (!application) return { ok: false as const };
    const [entry] = await tx
      .insert(applicationHistory)
      .values({
        applicationId: application.id,
        kind: "reply",
        toStatus: application.status,
        actorId: input.officerId,
        note: input.text,
        createdAt: at,
      })
      .returning({ id: applicationHistory.id });
    await notifyOwner(
      tx,
      deps,
      application.ownerId,
      {
        kind: "owner-reply",
        key: "owner-reply",
        vars: {
          code: application.code ?? "",
          title: escapeHtml(application.title ?? ""),
          text: escapeHtml(input.text),
        },
        replyMarkup: (language) => ({
          inline_keyboard: [
            [
              {
                text: deps.i18n.t(language, "owner-button-ask-again"),
                callback_data: ownerApplicationCallback.pack({ action: "ask", id: application.id }),
              },
            ],
          ],
        }),
      },
      `application:${application.id}:history:${entry?.id}`,
    );
    return { ok: true as const, code: application.code };
  });
}

/** The owner's question an officer replied to with Telegram's "reply", if that message was one. */
export async function questionRepliedTo(
  deps: Pick<AppDependencies, "db">,
  chatId: number,
  messageId: number,
): Promise<{ applicationId: number } | undefined> {
  const [row] = await deps.db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(
      and(
        eq(outbox.chatId, chatId),
        eq(outbox.telegramMessageId, messageId),
        eq(outbox.kind, "officer-question"),
      ),
    )
    .limit(1);
  const question = row?.payload.type === "text" ? row.payload.meta?.question : undefined;
  return question ? { applicationId: question.applicationId } : undefined;
}
