/** The Bot API the sender talks through, and how each kind of payload is delivered. */
import { Api, InputFile } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import type { Config } from "../config.ts";
import type { OutboxRow } from "../db/schema/index.ts";
import { InvalidPayloadError } from "./failure-policy.ts";

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

/** Sends one outbox row's payload; returns Telegram's message. */
export async function deliverPayload(api: Api, row: OutboxRow): Promise<Message> {
  const payload = row.payload;
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
  throw new InvalidPayloadError(`unknown payload type ${(payload as { type: string }).type}`);
}
