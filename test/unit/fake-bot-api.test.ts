import { describe, expect, it } from "vitest";
import { FakeBotApi } from "../../src/fake-bot-api/fake-bot-api.ts";
import { parseTelegramHtml } from "../../src/fake-bot-api/telegram-rules.ts";

/** The fake must refuse what Telegram refuses, or tests would pass on messages Telegram rejects. */
describe("fake Bot API", () => {
  const send = (api: FakeBotApi, params: Record<string, unknown>) =>
    api.call("sendMessage", { chat_id: 5, ...params });

  it("answers like Telegram, with increasing message ids", async () => {
    const api = new FakeBotApi();
    const first = await send(api, { text: "Xin chào" });
    const second = await send(api, { text: "Chào lại" });
    expect(first).toMatchObject({
      ok: true,
      result: { message_id: 1, chat: { id: 5 }, text: "Xin chào" },
    });
    expect(second).toMatchObject({ ok: true, result: { message_id: 2 } });
  });

  it.each([
    [{ text: "" }, "message text is empty"],
    [{ text: "   " }, "message text is empty"],
    [{ text: "a".repeat(4097) }, "message is too long"],
    [{ text: "<b>đậm", parse_mode: "HTML" }, "Can't find end tag"],
    [{ text: "Công ty <ABC> & Co", parse_mode: "HTML" }, "Unsupported start tag"],
    [{ text: "A & B", parse_mode: "HTML" }, "Character entity expected"],
    [{ text: "<b>x</i>", parse_mode: "HTML" }, "Unmatched end tag"],
    [
      {
        text: "ok",
        reply_markup: { inline_keyboard: [[{ text: "Nút", callback_data: "x".repeat(65) }]] },
      },
      "BUTTON_DATA_INVALID",
    ],
    [
      {
        text: "ok",
        reply_markup: { inline_keyboard: [[{ text: "Nút", callback_data: "đ".repeat(33) }]] },
      },
      "BUTTON_DATA_INVALID",
    ],
  ])("refuses %j with 400", async (params, description) => {
    const answer = await send(new FakeBotApi(), params);
    expect(answer.ok).toBe(false);
    expect(answer).toMatchObject({ error_code: 400 });
    expect(JSON.stringify(answer)).toContain(description);
  });

  it("accepts 4096 characters and well-formed HTML with escaped text", async () => {
    const api = new FakeBotApi();
    expect((await send(api, { text: "a".repeat(4096) })).ok).toBe(true);
    expect(
      (await send(api, { text: "<b>Công ty &lt;ABC&gt; &amp; Co</b>", parse_mode: "HTML" })).ok,
    ).toBe(true);
    expect(parseTelegramHtml('<i>x</i> &amp; <a href="https://t.me">y</a>')).toEqual({
      text: "x & y",
    });
  });

  it("answers 403 to a user who blocked the bot", async () => {
    const api = new FakeBotApi();
    api.block(5);
    expect(await send(api, { text: "Nhắc hạn" })).toMatchObject({
      ok: false,
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
  });

  it("answers 429 with retry_after past the rate limits", async () => {
    let now = 0;
    const api = new FakeBotApi({
      rateLimits: { globalPerSecond: 30, perChatPerSecond: 1 },
      now: () => now,
    });
    expect((await send(api, { text: "1" })).ok).toBe(true);
    const second = await send(api, { text: "2" });
    expect(second).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 1 } });
    now += 1000;
    expect((await send(api, { text: "3" })).ok).toBe(true);
    for (let chat = 100; chat < 129; chat++)
      expect((await api.call("sendMessage", { chat_id: chat, text: "x" })).ok).toBe(true);
    expect(await api.call("sendMessage", { chat_id: 200, text: "x" })).toMatchObject({
      error_code: 429,
    });
    expect(api.tooManyRequests).toBe(2);
  });

  it("refuses to edit a message into itself, as Telegram does", async () => {
    const api = new FakeBotApi();
    await send(api, { text: "Câu hỏi" });
    const answer = await api.call("editMessageText", {
      chat_id: 5,
      message_id: 1,
      text: "Câu hỏi",
    });
    expect(answer).toMatchObject({ ok: false, error_code: 400 });
  });
});
