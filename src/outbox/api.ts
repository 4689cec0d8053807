/** The Bot API the sender talks through, and how each kind of payload is delivered. */
import { and, eq } from "drizzle-orm";
import { Api, GrammyError, InputFile } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { type OutboxRow, officerCards } from "../db/schema/index.ts";
import { InvalidPayloadError } from "./failure-policy.ts";

/** What the sender needs back from Telegram: the id of the message sent (or edited). */
export interface Delivered {
  message_id: number;
}

/** The timeout stays well under the sender's lease (see sender.ts). */
export function createOutboxApi(
  config: Pick<Config, "botToken" | "telegramApiRoot">,
  options: { fetch?: typeof fetch; timeoutSeconds?: number } = {},
): Api {
  return new Api(config.botToken, {
    apiRoot: config.telegramApiRoot,
    fetch: options.fetch,
    timeoutSeconds: options.timeoutSeconds ?? 20,
  });
}

/** Sends one outbox row's payload; returns the message's id. */
export async function deliverPayload(api: Api, db: Database, row: OutboxRow): Promise<Delivered> {
  const payload = row.payload;
  if (payload.type === "edit-card") {
    const [card] = await db
      .select({ messageId: officerCards.messageId })
      .from(officerCards)
      .where(
        and(
          eq(officerCards.applicationId, payload.applicationId),
          eq(officerCards.chatId, row.chatId),
        ),
      )
      .limit(1);
    if (!card) throw new InvalidPayloadError("no card of this application in this chat to edit");
    try {
      await api.editMessageText(row.chatId, card.messageId, payload.text, {
        ...(payload.parseMode ? { parse_mode: payload.parseMode } : {}),
        ...(payload.replyMarkup
          ? { reply_markup: payload.replyMarkup as InlineKeyboardMarkup }
          : {}),
      });
    } catch (error) {
      // The card already reads so (a second edit, or a retry after a lost answer): done.
      if (!(error instanceof GrammyError && /message is not modified/i.test(error.description)))
        throw error;
    }
    return { message_id: card.messageId };
  }
  if (payload.type === "text") {
    return api.sendMessage(row.chatId, payload.text, {
      ...(payload.parseMode ? { parse_mode: payload.parseMode } : {}),
      // any of Telegram's reply markups, stored as Telegram takes it
      ...(payload.replyMarkup ? { reply_markup: payload.replyMarkup as InlineKeyboardMarkup } : {}),
    });
  }
  if (payload.type === "document") {
    const document = payload.fileId
      ? payload.fileId
      : payload.contentBase64 !== undefined
        ? new InputFile(Buffer.from(payload.contentBase64, "base64"), payload.fileName)
        : undefined;
    if (document === undefined) {
      throw new InvalidPayloadError("a document payload needs fileId or contentBase64");
    }
    return api.sendDocument(row.chatId, document, {
      ...(payload.caption ? { caption: payload.caption } : {}),
      ...(payload.parseMode ? { parse_mode: payload.parseMode } : {}),
    });
  }
  if (payload.type === "photo") {
    const photo = new InputFile(Buffer.from(payload.contentBase64, "base64"), payload.fileName);
    return api.sendPhoto(row.chatId, photo, {
      ...(payload.caption ? { caption: payload.caption } : {}),
      ...(payload.parseMode ? { parse_mode: payload.parseMode } : {}),
    });
  }
  throw new InvalidPayloadError(`unknown payload type ${(payload as { type: string }).type}`);
}

/** After a card was sent: remember its message, so later changes edit it in place. */
export async function recordCard(db: Database, row: OutboxRow, messageId: number): Promise<void> {
  if (row.payload.type !== "text" || !row.payload.meta?.card) return;
  const values = {
    applicationId: row.payload.meta.card.applicationId,
    chatId: row.chatId,
    messageId,
  };
  await db
    .insert(officerCards)
    .values(values)
    .onConflictDoUpdate({
      target: [officerCards.applicationId, officerCards.chatId],
      set: { messageId, updatedAt: new Date() },
    });
}
