import { InlineKeyboard } from "grammy";
import { describe, expect, it } from "vitest";
import { replyWithLead, type Translating } from "../../src/bot/forms/prompt.ts";
import {
  confirmValue,
  isReservedValue,
  KEEP_VALUE,
  readReservedValue,
} from "../../src/bot/forms/reserved-values.ts";

/** A context that translates `raw` to its text and records what is sent. */
function fakeContext() {
  const sent: { text: string; markup: unknown }[] = [];
  const ctx = {
    t: (key: string, vars?: Record<string, string | number>) => String(vars?.text ?? key),
    reply: async (text: string, options: { reply_markup?: unknown }) => {
      sent.push({ text, markup: options.reply_markup });
      return { message_id: sent.length };
    },
  } as unknown as Translating;
  return { ctx, sent };
}

const raw = (text: string) => ({ key: "raw", vars: { text } });
const buttons = new InlineKeyboard().text("Có", "f:1:abc:yes");

describe("replyWithLead: what an answer caused, with the next step, in as few messages as it can", () => {
  it("folds the lead into the question", async () => {
    const { ctx, sent } = fakeContext();
    await replyWithLead(ctx, { notices: [raw("Đã ghi: 600 triệu đồng.")] }, "Câu hỏi?", buttons);
    expect(sent).toEqual([{ text: "Đã ghi: 600 triệu đồng.\n\nCâu hỏi?", markup: buttons }]);
  });

  it("takes the reply keyboard away in the same message when the question has no buttons", async () => {
    const { ctx, sent } = fakeContext();
    await replyWithLead(
      ctx,
      { notices: [raw("Mời.")], removeReplyKeyboard: true },
      "Tên?",
      undefined,
    );
    expect(sent).toEqual([{ text: "Mời.\n\nTên?", markup: { remove_keyboard: true } }]);
  });

  it("sends the lead first when it must take the reply keyboard away and the question has buttons", async () => {
    const { ctx, sent } = fakeContext();
    await replyWithLead(
      ctx,
      { notices: [raw("Đã lưu.")], removeReplyKeyboard: true },
      "Email?",
      buttons,
    );
    expect(sent).toEqual([
      { text: "Đã lưu.", markup: { remove_keyboard: true } },
      { text: "Email?", markup: buttons },
    ]);
  });

  it("sends them apart when together they would pass Telegram's 4096 characters", async () => {
    const { ctx, sent } = fakeContext();
    const summary = "x".repeat(3900);
    await replyWithLead(ctx, { notices: [raw("⚠️ ".repeat(100))] }, summary, buttons);
    expect(sent.map((message) => message.text.length)).toEqual([300, 3900]);
    expect(sent[1]?.markup).toBe(buttons);
  });

  it("sends the text alone without a lead", async () => {
    const { ctx, sent } = fakeContext();
    await replyWithLead(ctx, undefined, "Câu hỏi?", undefined);
    expect(sent).toEqual([{ text: "Câu hỏi?", markup: undefined }]);
  });
});

describe("the engine's own button values", () => {
  it("reads keep and numbered confirmations, and nothing else", () => {
    expect(readReservedValue(KEEP_VALUE)).toEqual({ kind: "keep" });
    expect(readReservedValue(confirmValue("yes", 3))).toEqual({
      kind: "confirm",
      answer: "yes",
      number: 3,
    });
    expect(readReservedValue(confirmValue("no", 12))).toMatchObject({ answer: "no", number: 12 });
    for (const value of ["yes", "~maybe:1", "~yes:", "~yes:x", "c:06211", "page:2", ""])
      expect(readReservedValue(value)).toBeUndefined();
    expect(isReservedValue(confirmValue("yes", 1))).toBe(true);
    expect(isReservedValue("skip")).toBe(false);
  });
});
