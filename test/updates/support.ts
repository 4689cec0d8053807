import type { Update } from "grammy/types";

/** A private-chat text message from user `chatId`, as Telegram sends it. */
export function textUpdate(
  updateId: number,
  chatId: number,
  text: string,
  languageCode = "vi",
): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_795_000_000,
      chat: { id: chatId, type: "private", first_name: "Lan" },
      from: { id: chatId, is_bot: false, first_name: "Lan", language_code: languageCode },
      text,
    },
  } as Update;
}

/** A tap on a button under a bot message in the user's private chat. */
export function callbackUpdate(updateId: number, chatId: number, data: string): Update {
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      chat_instance: "ci",
      data,
      from: { id: chatId, is_bot: false, first_name: "Lan", language_code: "en" },
      message: {
        message_id: 1,
        date: 1_795_000_000,
        chat: { id: chatId, type: "private", first_name: "Lan" },
        text: "?",
      },
    },
  } as Update;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
