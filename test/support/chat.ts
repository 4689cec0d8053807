import { Api } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../../src/bot/index.ts";
import type { FakeClock } from "../../src/clock.ts";
import type { Database } from "../../src/db/client.ts";
import type { AppDependencies } from "../../src/dependencies.ts";
import { type ApiCall, FakeBotApi } from "../../src/fake-bot-api/fake-bot-api.ts";
import type { AnyFormDefinition } from "../../src/forms/types.ts";
import { silentLogger } from "../../src/logger.ts";
import { OutboxSender } from "../../src/outbox/sender.ts";
import type { SenderStats } from "../../src/outbox/sender-stats.ts";
import { testDependencies } from "./deps.ts";
import { assertButtonsFitPhone } from "./phone-fit.ts";

/**
 * A chat with the real bot: a person sends text, commands, photos and
 * contacts, or presses buttons; the bot answers through a fake Bot API
 * that records every call and refuses what Telegram would refuse.
 */

export interface BotMessage {
  method: string;
  text: string;
  buttons: string[][];
  replyKeyboard: string[][] | undefined;
  messageId: number | undefined;
  call: ApiCall;
}

export interface TestWorld {
  api: FakeBotApi;
  deps: AppDependencies;
  clock: FakeClock;
  /** starts a new bot process on the same database and Telegram (a restart, or a deploy with another conversation version) */
  restart(options?: { conversationVersion?: number }): void;
  /** restart before every update a person sends */
  restartBeforeEveryUpdate: boolean;
  handle(update: Update): Promise<void>;
  /** delivers what the outbox holds (cards, notices, reminders) through the fake Telegram, as the sender would */
  flushOutbox(): Promise<SenderStats>;
}

export function createTestWorld(
  db: Database,
  options: {
    adminIds?: number[];
    now?: string;
    extraForms?: readonly AnyFormDefinition[];
    /** the officers' group (OFFICER_CHAT_ID) */
    officerChatId?: number;
  } = {},
): TestWorld {
  const api = new FakeBotApi();
  const deps = testDependencies(db, {
    ...options,
    env:
      options.officerChatId === undefined ? {} : { OFFICER_CHAT_ID: String(options.officerChatId) },
  });
  const clock = deps.clock;
  const build = (conversationVersion?: number) =>
    createBot(deps, {
      fetch: api.fetch as typeof fetch,
      botInfo: api.botInfo as unknown as UserFromGetMe,
      autoRetry: false,
      ...(options.extraForms ? { extraForms: options.extraForms } : {}),
      ...(conversationVersion === undefined ? {} : { conversationVersion }),
    });
  let bot = build();
  const world: TestWorld = {
    api,
    deps,
    clock,
    restartBeforeEveryUpdate: false,
    restart(restartOptions = {}) {
      bot = build(restartOptions.conversationVersion);
    },
    // Every keyboard the bot sends or edits, in every flow test, fits a phone (test/support/phone-fit.ts).
    handle: async (update) => {
      if (world.restartBeforeEveryUpdate) world.restart();
      const before = api.calls.length;
      await bot.handleUpdate(update);
      assertButtonsFitPhone(api.calls.slice(before));
    },
    flushOutbox: async () => {
      const before = api.calls.length;
      const sender = new OutboxSender({
        db,
        api: new Api(deps.config.botToken, { fetch: api.fetch as typeof fetch }),
        clock,
        logger: silentLogger,
        // Pacing is the sender's own tests' business: here messages go at once, in order, and the
        // world's clock does not move.
        config: {
          ...deps.config,
          outbox: { ...deps.config.outbox, perChatIntervalMs: 0, globalRatePerSecond: 1000 },
        },
        sleep: async () => {},
        senderId: "test-world",
        safetyMarginMs: 0,
      });
      const stats = await sender.runUntilIdle();
      assertButtonsFitPhone(api.calls.slice(before));
      return stats;
    },
  };
  return world;
}

let nextUpdateId = 1;

function readMessage(call: ApiCall): BotMessage {
  const params = call.params;
  const markup = (
    typeof params.reply_markup === "string" ? JSON.parse(params.reply_markup) : params.reply_markup
  ) as
    | { inline_keyboard?: { text: string }[][]; keyboard?: ({ text: string } | string)[][] }
    | undefined;
  return {
    method: call.method,
    text: String(params.text ?? params.caption ?? ""),
    buttons: markup?.inline_keyboard?.map((row) => row.map((button) => button.text)) ?? [],
    replyKeyboard: markup?.keyboard?.map((row) =>
      row.map((button) => (typeof button === "string" ? button : button.text)),
    ),
    messageId:
      (call.result as { message_id?: number } | undefined)?.message_id ??
      (params.message_id as number | undefined),
    call,
  };
}

export class TestUser {
  private messageId = 1000;
  readonly chatId: number;

  constructor(
    readonly world: TestWorld,
    readonly id: number,
    readonly profile: {
      firstName?: string;
      languageCode?: string;
      username?: string;
      /** a group chat this person writes and presses in (default: their private chat) */
      group?: number;
    } = {},
  ) {
    this.chatId = profile.group ?? id;
  }

  /** The same person, in a group chat. */
  inGroup(chatId: number): TestUser {
    return new TestUser(this.world, this.id, { ...this.profile, group: chatId });
  }

  private get from() {
    return {
      id: this.id,
      is_bot: false,
      first_name: this.profile.firstName ?? "Nguyễn",
      language_code: this.profile.languageCode ?? "vi",
      ...(this.profile.username ? { username: this.profile.username } : {}),
    };
  }

  private get chat() {
    return this.profile.group === undefined
      ? {
          id: this.chatId,
          type: "private" as const,
          first_name: this.profile.firstName ?? "Nguyễn",
        }
      : { id: this.chatId, type: "supergroup" as const, title: "Cán bộ khuyến công" };
  }

  private async deliver(update: Omit<Update, "update_id">): Promise<BotMessage[]> {
    const before = this.world.api.calls.length;
    await this.world.handle({ update_id: nextUpdateId++, ...update } as Update);
    // "message is not modified" is expected when a button is pressed twice: the bot ignores it on purpose.
    const failed = this.world.api.calls
      .slice(before)
      .filter((call) => !call.ok && !call.description?.includes("message is not modified"));
    if (failed.length > 0) {
      throw new Error(
        `Telegram refused: ${failed.map((call) => `${call.method}: ${call.description}`).join("; ")}`,
      );
    }
    return this.world.api.calls
      .slice(before)
      .filter((call) =>
        ["sendMessage", "editMessageText", "sendPhoto", "sendDocument"].includes(call.method),
      )
      .map(readMessage);
  }

  private message(extra: Record<string, unknown>) {
    this.messageId++; // names this person's files
    return {
      message: {
        // In the chat's one sequence of message ids, as Telegram numbers them (the bot relies on it).
        message_id: this.world.api.allocateMessageId(),
        date: Math.floor(this.world.clock.now().getTime() / 1000),
        chat: this.chat,
        from: this.from,
        ...extra,
      },
    } as unknown as Omit<Update, "update_id">;
  }

  /**
   * A message that was sent before the bot's last messages appeared (typed again while the bot
   * was slow, and delivered late): its id is older than theirs.
   */
  sendLate(text: string): Promise<BotMessage[]> {
    const message = this.message({ text }) as { message: { message_id: number } };
    message.message.message_id = 1;
    return this.deliver(message as unknown as Omit<Update, "update_id">);
  }

  send(text: string): Promise<BotMessage[]> {
    const entities = text.startsWith("/")
      ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]?.length ?? text.length }]
      : undefined;
    return this.deliver(this.message({ text, ...(entities ? { entities } : {}) }));
  }

  /** Answers a message of the bot's with Telegram's "reply" (the message is quoted). */
  sendReplyTo(messageId: number, text: string): Promise<BotMessage[]> {
    const quoted = this.world.api.messages.get(messageId);
    return this.deliver(
      this.message({
        text,
        reply_to_message: {
          message_id: messageId,
          date: 0,
          chat: this.chat,
          from: { id: this.world.api.botInfo.id, is_bot: true, first_name: "bot" },
          text: quoted?.text ?? "",
        },
      }),
    );
  }

  sendPhoto(
    fileId = `photo-${this.messageId}`,
    caption?: string,
    mediaGroupId?: string,
  ): Promise<BotMessage[]> {
    return this.deliver(
      this.message({
        ...(caption ? { caption } : {}),
        ...(mediaGroupId ? { media_group_id: mediaGroupId } : {}),
        photo: [
          {
            file_id: `${fileId}-small`,
            file_unique_id: `${fileId}-u-small`,
            width: 90,
            height: 90,
          },
          {
            file_id: fileId,
            file_unique_id: `${fileId}-u`,
            width: 1280,
            height: 960,
            file_size: 120_000,
          },
        ],
      }),
    );
  }

  sendDocument(fileName = "bao-gia.pdf"): Promise<BotMessage[]> {
    const id = `doc-${this.messageId}`;
    return this.deliver(
      this.message({
        document: {
          file_id: id,
          file_unique_id: `${id}-u`,
          file_name: fileName,
          mime_type: "application/pdf",
          file_size: 50_000,
        },
      }),
    );
  }

  sendSticker(): Promise<BotMessage[]> {
    return this.deliver(
      this.message({
        sticker: {
          file_id: "sticker",
          file_unique_id: "sticker-u",
          type: "regular",
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      }),
    );
  }

  /** The person edits an earlier message of theirs. */
  editMessage(text: string): Promise<BotMessage[]> {
    const message = this.message({ text, edit_date: 1 }) as { message: unknown };
    return this.deliver({ edited_message: message.message } as unknown as Omit<
      Update,
      "update_id"
    >);
  }

  sendVoice(): Promise<BotMessage[]> {
    return this.deliver(
      this.message({ voice: { file_id: "voice", file_unique_id: "voice-u", duration: 3 } }),
    );
  }

  sendContact(phone: string, own = true): Promise<BotMessage[]> {
    return this.deliver(
      this.message({
        contact: {
          phone_number: phone,
          first_name: "Nguyễn",
          ...(own ? { user_id: this.id } : {}),
        },
      }),
    );
  }

  /** Presses the button with this label (or label prefix) on the newest bot message that has it. */
  press(label: string | RegExp): Promise<BotMessage[]> {
    const { data, messageId } = this.findButton(label);
    return this.pressData(data, messageId);
  }

  /** Sends raw callback data, as a forged or outdated button would. */
  pressData(data: string, messageId?: number): Promise<BotMessage[]> {
    const stored = messageId === undefined ? undefined : this.world.api.messages.get(messageId);
    return this.deliver({
      callback_query: {
        id: String(nextUpdateId * 7),
        from: this.from,
        chat_instance: "ci",
        data,
        message: {
          message_id: messageId ?? 1,
          date: 0,
          chat: this.chat,
          text: stored?.text ?? "",
          from: { id: this.world.api.botInfo.id, is_bot: true, first_name: "bot" },
          // Telegram sends the pressed message's inline keyboard with the callback
          ...((stored?.reply_markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard
            ? { reply_markup: stored?.reply_markup }
            : {}),
        },
      },
    } as unknown as Omit<Update, "update_id">);
  }

  findButton(label: string | RegExp): { data: string; messageId: number } {
    const messages = [...this.world.api.messages.values()]
      .filter((m) => m.chat_id === this.chatId)
      .reverse();
    for (const message of messages) {
      const rows =
        (
          message.reply_markup as
            | { inline_keyboard?: { text: string; callback_data?: string }[][] }
            | undefined
        )?.inline_keyboard ?? [];
      for (const row of rows) {
        for (const button of row) {
          const matches =
            typeof label === "string"
              ? button.text === label || button.text.startsWith(label)
              : label.test(button.text);
          if (matches && button.callback_data)
            return { data: button.callback_data, messageId: message.message_id };
        }
      }
    }
    throw new Error(`No button ${String(label)} in chat ${this.chatId}. Last: ${this.lastText()}`);
  }

  /** Every text the bot sent to this person, oldest first. */
  texts(): string[] {
    return this.world.api.calls
      .filter(
        (call) =>
          call.ok && call.method === "sendMessage" && Number(call.params.chat_id) === this.chatId,
      )
      .map((call) => String(call.params.text));
  }

  lastText(): string {
    return this.texts().at(-1) ?? "";
  }

  lastReplyKeyboard(): string[][] | undefined {
    const calls = this.world.api.calls.filter(
      (call) =>
        call.ok &&
        call.method === "sendMessage" &&
        Number(call.params.chat_id) === this.chatId &&
        call.params.reply_markup,
    );
    for (const call of calls.reverse()) {
      const keyboard = readMessage(call).replyKeyboard;
      if (keyboard) return keyboard;
    }
    return undefined;
  }

  /** /start and "Đồng ý": a person who has agreed to the processing of their data. */
  async consent(): Promise<void> {
    await this.send("/start");
    await this.press("✅ Đồng ý");
  }
}

export const joined = (messages: BotMessage[]): string =>
  messages.map((message) => message.text).join("\n---\n");
