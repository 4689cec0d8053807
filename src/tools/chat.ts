/**
 * `npm run chat` — talk to the real bot in the terminal, without Telegram.
 *
 * The bot runs in this process on its own embedded database (DATA_DIR, by
 * default ./data-chat) and answers through the same fake Bot API as the
 * tests. Type a message and press Enter. Buttons are numbered: type the
 * number to press one. Special inputs: :photo, :doc, :sticker, :voice,
 * :contact (send your phone), :quit. `npm run chat -- --officer` chats as an
 * officer (an admin from the first start); `--user <id>` picks who you are.
 */
import { createInterface } from "node:readline/promises";
import type { Update, UserFromGetMe } from "grammy/types";
import { setCommandMenus } from "../bot/command-menus.ts";
import { createBot } from "../bot/index.ts";
import { systemClock } from "../clock.ts";
import { parseConfig, readDotEnv } from "../config.ts";
import { loadProvince } from "../data/load-province.ts";
import { openDatabase } from "../db/client.ts";
import { applications } from "../db/schema/index.ts";
import type { AppDependencies } from "../dependencies.ts";
import { type ApiCall, FakeBotApi } from "../fake-bot-api/fake-bot-api.ts";
import { createI18n } from "../i18n.ts";
import { createLogger } from "../logger.ts";
import { createOutboxApi } from "../outbox/api.ts";
import { OutboxSender } from "../outbox/sender.ts";
import { seedSampleApplications } from "./sample-data.ts";

interface Button {
  label: string;
  press: () => Omit<Update, "update_id">;
}

const args = process.argv.slice(2);
const officer = args.includes("--officer");
const userIndex = args.indexOf("--user");
const userId = userIndex >= 0 ? Number(args[userIndex + 1]) : officer ? 9_000_001 : 9_000_002;

const environment = { ...readDotEnv(), ...process.env };
const config = parseConfig({
  ...environment,
  BOT_TOKEN: "1:chat",
  DATABASE_URL: "",
  DATA_DIR: environment.CHAT_DATA_DIR ?? "./data-chat",
  ADMIN_IDS: officer ? String(userId) : (environment.ADMIN_IDS ?? ""),
  LOG_LEVEL: environment.LOG_LEVEL ?? "warn",
  TELEGRAM_API_ROOT: "",
});
const api = new FakeBotApi();
// Telegram numbers a chat's messages in one sequence that never goes back, and the bot relies on
// it; this chat's database outlives this process, so its numbers go on from the clock.
api.startMessageIdsAt(Math.floor(Date.now() / 1000));
const database = await openDatabase({
  kind: "pglite",
  dataDir: config.database.kind === "pglite" ? config.database.dataDir : "./data-chat",
});
const logger = createLogger(config.logLevel);
const deps: AppDependencies = {
  db: database.db,
  config,
  logger,
  clock: systemClock,
  province: loadProvince(config.province),
  i18n: createI18n(),
};
const bot = createBot(deps, {
  fetch: api.fetch as typeof fetch,
  botInfo: api.botInfo as unknown as UserFromGetMe,
});
await setCommandMenus(bot.api, deps);
if (
  officer &&
  (await database.db.select({ id: applications.id }).from(applications).limit(1)).length === 0
) {
  // An officer needs something to review: sample applications, once, in this chat's own database.
  await seedSampleApplications(deps, { count: 40, seed: 7 });
  console.log("(40 hồ sơ mẫu đã được tạo để cán bộ xem thử: gõ /inbox)");
}
const sender = new OutboxSender({
  db: database.db,
  api: createOutboxApi(config, { fetch: api.fetch as typeof fetch }),
  clock: systemClock,
  logger,
  config,
});
sender.start();

let buttons: Button[] = [];
// Update ids only grow, across sessions too: the bot skips an id it has seen (a redelivery).
let nextUpdateId = Date.now();
let nextFileId = 1;
const from = {
  id: userId,
  is_bot: false,
  first_name: officer ? "Cán bộ" : "Chủ cơ sở",
  language_code: "vi",
};
const chat = { id: userId, type: "private" as const, first_name: from.first_name };

const plain = (html: string): string =>
  html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");

const message = (extra: Record<string, unknown>) => ({
  message: {
    message_id: api.allocateMessageId(),
    date: Math.floor(Date.now() / 1000),
    chat,
    from,
    ...extra,
  },
});

function show(call: ApiCall): void {
  if (!["sendMessage", "editMessageText", "sendPhoto", "sendDocument"].includes(call.method))
    return;
  if (Number(call.params.chat_id) !== userId) return;
  const edited = call.method === "editMessageText" ? " (sửa tin nhắn trước)" : "";
  const body =
    call.method === "sendMessage" || call.method === "editMessageText"
      ? String(call.params.text)
      : `[${call.method === "sendPhoto" ? "ảnh" : "tệp"}] ${String(call.params.caption ?? "")}`;
  console.log(`\n\x1b[36m🤖 Bot${edited}:\x1b[0m ${plain(body)}`);
  const markup = call.params.reply_markup as
    | {
        inline_keyboard?: { text: string; callback_data?: string }[][];
        keyboard?: ({ text: string; request_contact?: boolean } | string)[][];
      }
    | undefined;
  const messageId =
    (call.result as { message_id?: number } | undefined)?.message_id ??
    Number(call.params.message_id);
  const fresh: Button[] = [];
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) {
      const data = button.callback_data;
      if (!data) continue;
      fresh.push({
        label: button.text,
        press: () => ({
          callback_query: {
            id: String(nextUpdateId),
            from,
            chat_instance: "chat",
            data,
            message: {
              message_id: messageId,
              date: 0,
              chat,
              text: plain(String(call.params.text ?? "")),
            },
          },
        }),
      });
    }
  }
  for (const row of markup?.keyboard ?? []) {
    for (const button of row) {
      const text = typeof button === "string" ? button : button.text;
      const contact = typeof button !== "string" && button.request_contact;
      fresh.push({
        label: text,
        press: () =>
          contact
            ? message({
                contact: {
                  phone_number: "+84912345678",
                  first_name: from.first_name,
                  user_id: userId,
                },
              })
            : message({ text }),
      });
    }
  }
  if (fresh.length > 0) {
    buttons = fresh;
    console.log(
      buttons.map((button, index) => `  \x1b[33m[${index + 1}]\x1b[0m ${button.label}`).join("\n"),
    );
  }
}
api.onCall(show);

async function deliver(update: Omit<Update, "update_id">): Promise<void> {
  await bot.handleUpdate({ update_id: nextUpdateId++, ...update } as Update);
}

console.log(
  `Trò chuyện với bot (${officer ? "cán bộ" : "chủ cơ sở"}, id ${userId}). Gõ /start để bắt đầu, số để bấm nút, :quit để thoát.`,
);
const input = createInterface({
  input: process.stdin,
  output: process.stdout,
  terminal: process.stdin.isTTY,
});
input.setPrompt("\n👤 Bạn: ");
input.prompt();
for await (const line of input) {
  const text = line.trim();
  try {
    if (text === ":quit") break;
    const pressed = /^\d{1,2}$/.test(text) ? buttons[Number(text) - 1] : undefined;
    if (pressed) await deliver(pressed.press());
    else if (text === ":photo")
      await deliver(
        message({
          photo: [
            {
              file_id: `photo-${nextFileId}`,
              file_unique_id: `u-${nextFileId++}`,
              width: 800,
              height: 600,
            },
          ],
        }),
      );
    else if (text === ":doc")
      await deliver(
        message({
          document: {
            file_id: `doc-${nextFileId}`,
            file_unique_id: `ud-${nextFileId++}`,
            file_name: "bao-gia.pdf",
          },
        }),
      );
    else if (text === ":sticker")
      await deliver(
        message({
          sticker: {
            file_id: "s",
            file_unique_id: "s",
            type: "regular",
            width: 1,
            height: 1,
            is_animated: false,
            is_video: false,
          },
        }),
      );
    else if (text === ":voice")
      await deliver(message({ voice: { file_id: "v", file_unique_id: "v", duration: 2 } }));
    else if (text === ":contact")
      await deliver(
        message({
          contact: { phone_number: "+84912345678", first_name: from.first_name, user_id: userId },
        }),
      );
    else {
      const command = text.startsWith("/")
        ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]?.length ?? 0 }]
        : undefined;
      await deliver(message({ text: line, ...(command ? { entities: command } : {}) }));
    }
    // Proactive messages (officers' notices, reminders) go through the outbox: give the sender a moment.
    sender.wake();
    await new Promise((resolve) => setTimeout(resolve, 150));
  } catch (error) {
    console.error("error:", error);
  }
  input.prompt();
}
input.close();
await sender.stop();
await database.close();
process.exit(0);
