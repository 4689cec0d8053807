import fc from "fast-check";
import type { Update } from "grammy/types";
import { beforeAll, expect, it } from "vitest";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";

/**
 * Thousands of generated updates of every type, with fields missing and
 * text full of control characters, emoji and 4,096-character strings, go
 * through the real bot. Whatever comes: no error escapes, every button is
 * answered, every private message from a person gets a reply. FUZZ_RUNS
 * sets the number of updates (default 2,000; CI's full run: 20,000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const PEOPLE = [4101, 4102, 4103, 4104, 4105];
const GROUP = -100_555;

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom("\u0000", "\u0007", "\u001f", "\r", "\n", "\t", "a", "ệ", "😀", "‮"),
    maxLength: 40,
  }),
  fc.string({ unit: "grapheme-ascii", minLength: 4000, maxLength: 4096 }),
  fc.constantFrom(
    "/start",
    "/help",
    "/cancel",
    "/apply",
    "/profile",
    "/applications",
    "/status",
    "/status LS-2027-0001",
    "/inbox",
    "/find Chè",
    "/officers",
    "/join ABCDEFGHJKMN",
    "/mydata",
    "/deletedata",
    "/language",
    "/start officer-ABCDEFGHJKMN",
    "📝 Đăng ký hỗ trợ",
    "▶️ Điền tiếp hồ sơ",
    "📂 Hồ sơ của tôi",
    "🏭 Thông tin cơ sở",
    "600 triệu",
    "0912 345 678",
    "xa cao loc",
  ),
);

const callbackData = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "consent:1:yes:vi",
    "consent:1:no:en",
    "lang:1:en",
    "language:1:vi",
    "f:1:abcdefgh:local",
    "fs:1:abcdefgh:submit:",
    "fi:1:abcdefgh:delete",
    "own:1:view:1",
    "own:1:withdraw-yes:1",
    "rv:1:approve:1:reviewing",
    "rvq:1:1:received:3:99",
    "ibx:1:-:-:99:-:0:list",
    "ofc:1:invite:0",
    "data:1:delete:4101",
    "apps:1:0",
  ),
);

const person = fc.constantFrom(...PEOPLE);
const from = (id: number) => ({ id, is_bot: false, first_name: "Người dùng", language_code: "vi" });
const privateChat = (id: number) => ({ id, type: "private" as const, first_name: "Người dùng" });

const content = fc.oneof(
  text.map((t) => ({ text: t })),
  fc.record({ caption: fc.option(text, { nil: undefined }) }).map((extra) => ({
    photo: [{ file_id: "p", file_unique_id: "pu", width: 10, height: 10 }],
    ...(extra.caption === undefined ? {} : { caption: extra.caption }),
  })),
  fc.constant({ document: { file_id: "d", file_unique_id: "du", file_name: "bao-gia.pdf" } }),
  fc.constant({
    sticker: {
      file_id: "s",
      file_unique_id: "su",
      type: "regular",
      width: 1,
      height: 1,
      is_animated: false,
      is_video: false,
    },
  }),
  fc.constant({ voice: { file_id: "v", file_unique_id: "vu", duration: 2 } }),
  fc.constant({ location: { latitude: 21.85, longitude: 106.76 } }),
  fc
    .string({ maxLength: 20 })
    .map((phone) => ({ contact: { phone_number: phone, first_name: "A\u0000" } })),
  fc.constant({ dice: { emoji: "🎲", value: 3 } }),
  fc.constant({}),
);

const update: fc.Arbitrary<Omit<Update, "update_id">> = fc.oneof(
  // A person's message in their private chat (sometimes with `from` missing)
  fc.tuple(person, content, fc.boolean(), fc.boolean()).map(([id, body, dropFrom, edited]) => {
    const message = {
      message_id: 1,
      date: 0,
      chat: privateChat(id),
      ...(dropFrom ? {} : { from: from(id) }),
      ...body,
    };
    return (edited ? { edited_message: { ...message, edit_date: 1 } } : { message }) as never;
  }),
  // A button, pressed in a private chat, in a group, or on an inline message
  fc
    .tuple(
      person,
      fc.option(callbackData, { nil: undefined }),
      fc.constantFrom("private", "group", "inline", "game"),
    )
    .map(
      ([id, data, where]) =>
        ({
          callback_query: {
            id: `cb-${Math.random().toString(36).slice(2)}`,
            from: from(id),
            chat_instance: "c",
            ...(data === undefined ? {} : { data }),
            ...(where === "inline"
              ? { inline_message_id: "inline" }
              : {
                  message: {
                    message_id: 1,
                    date: 0,
                    chat:
                      where === "group"
                        ? { id: GROUP, type: "group", title: "Nhóm" }
                        : privateChat(id),
                  },
                }),
            ...(where === "game" ? { game_short_name: "g" } : {}),
          },
        }) as never,
    ),
  // A group message, a channel post, a block or unblock, an update type the bot does not ask for
  fc.tuple(person, text).map(
    ([id, t]) =>
      ({
        message: {
          message_id: 1,
          date: 0,
          chat: { id: GROUP, type: "group", title: "Nhóm" },
          from: from(id),
          text: t,
        },
      }) as never,
  ),
  text.map(
    (t) =>
      ({
        channel_post: {
          message_id: 1,
          date: 0,
          chat: { id: -100_777, type: "channel", title: "Kênh" },
          text: t,
        },
      }) as never,
  ),
  fc.tuple(person, fc.constantFrom("kicked", "member")).map(
    ([id, status]) =>
      ({
        my_chat_member: {
          chat: privateChat(id),
          from: from(id),
          date: 0,
          old_chat_member: { user: from(id), status: "member" },
          new_chat_member: { user: from(id), status },
        },
      }) as never,
  ),
  fc.constant({ poll_answer: { poll_id: "p", option_ids: [0], user: from(4101) } } as never),
);

describeWithDatabase(
  "fuzzing the bot with generated updates",
  (database) => {
    let world: ReturnType<typeof createTestWorld>;
    beforeAll(async () => {
      world = createTestWorld(database().db, { adminIds: [4105], officerChatId: GROUP });
      // Some people consented, one is in the middle of a form, one is an officer.
      for (const id of [4101, 4102, 4105]) await new TestUser(world, id).consent();
      await new TestUser(world, 4102).send("/apply");
    });

    /** Most messages are new; one in eight keeps its old id. */
    const generatedFresh = (full: Update) => full.update_id % 8 !== 0;

    it(`survives ${RUNS} updates: nothing escapes, every button and private message is answered`, async () => {
      let nextId = 1_000_000;
      await fc.assert(
        fc.asyncProperty(update, async (generated) => {
          const before = world.api.calls.length;
          const full = { update_id: nextId++, ...generated } as Update;
          // A person's messages take the chat's next message id, as Telegram numbers them (so they
          // can be answers); the generated one (1) stands for a message typed before the question.
          if (full.message && generatedFresh(full))
            full.message.message_id = world.api.allocateMessageId();
          await world.handle(full); // throws if anything escapes the bot
          const calls = world.api.calls.slice(before);
          if (full.callback_query) {
            const answered = calls.some(
              (call) =>
                call.method === "answerCallbackQuery" &&
                call.params.callback_query_id === full.callback_query?.id,
            );
            expect(answered, JSON.stringify(full).slice(0, 300)).toBe(true);
          }
          const message = full.message;
          if (message?.chat.type === "private" && message.from && !message.from.is_bot) {
            const replied = calls.some(
              (call) =>
                ["sendMessage", "editMessageText", "sendDocument", "sendPhoto"].includes(
                  call.method,
                ) && Number(call.params.chat_id) === message.chat.id,
            );
            expect(replied, JSON.stringify(full).slice(0, 300)).toBe(true);
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261129) },
      );
    }, 600_000);
  },
  ["pglite"],
);
