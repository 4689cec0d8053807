import type { Update } from "grammy/types";

/** A private-chat text message from user `chatId`, as Telegram sends it (a leading /command marked as one). */
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
      ...(text.startsWith("/")
        ? {
            entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 0 }],
          }
        : {}),
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

/** What postgres.js throws when the server is down (errors.js: `connection()`). */
export function connectionRefused(): Error {
  return Object.assign(new Error("write ECONNREFUSED 127.0.0.1:5432"), {
    code: "ECONNREFUSED",
    errno: "ECONNREFUSED",
  });
}

/**
 * The database, with a switch that makes every query fail as if the server
 * were down (postgres.js's ECONNREFUSED), and back.
 */
export function switchableDatabase<T extends object>(db: T): { db: T; down(value: boolean): void } {
  let isDown = false;
  const failing = new Set(["insert", "select", "update", "delete", "execute", "transaction"]);
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      if (isDown && typeof property === "string" && failing.has(property)) {
        return () => {
          throw connectionRefused();
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return {
    db: proxy,
    down(value) {
      isDown = value;
    },
  };
}

/** A promise with its resolve function, for waiting on an event without sleeping. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
