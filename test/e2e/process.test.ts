import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCall, FakeBotApi } from "../../src/fake-bot-api/fake-bot-api.ts";

/**
 * The real process, started as the README says (`npm start`), talking HTTP
 * to a fake Bot API server: it answers /start in Vietnamese, and a restart
 * in the middle of a form loses nothing.
 */

const root = new URL("../..", import.meta.url).pathname;
let api: FakeBotApi;
let server: { url: string; close: () => Promise<void> };
let dataDir: string;
let updateId = 1;
const USER = 424242;
const from = { id: USER, is_bot: false, first_name: "Lan", language_code: "vi" };
const chat = { id: USER, type: "private", first_name: "Lan" };

function startBot(extraEnv: Record<string, string> = {}): {
  child: ChildProcess;
  output: () => string;
} {
  let output = "";
  const child = spawn("npm", ["start"], {
    cwd: root,
    detached: true, // its own process group, so the test can stop npm and node together
    env: {
      ...process.env,
      BOT_TOKEN: "123:e2e",
      TELEGRAM_API_ROOT: server.url,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      LOG_LEVEL: "info",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  return { child, output: () => output };
}

/** SIGTERM to npm and node (one process group); resolves when npm has gone. */
async function stopBot(bot: { child: ChildProcess; output: () => string }): Promise<void> {
  const exited = new Promise<void>((resolve) => bot.child.once("exit", () => resolve()));
  if (bot.child.pid) process.kill(-bot.child.pid, "SIGTERM");
  await exited;
  // The bot itself stopped cleanly (runner stopped, database closed), not killed.
  await waitFor(
    () => (bot.output().includes('"msg":"stopped"') ? true : undefined),
    "a clean stop",
    10_000,
  );
}

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function sentSince(index: number, includes: string): ApiCall | undefined {
  return api.calls
    .slice(index)
    .find(
      (call) =>
        call.method === "sendMessage" &&
        Number(call.params.chat_id) === USER &&
        String(call.params.text).includes(includes),
    );
}

function say(text: string): number {
  const mark = api.calls.length;
  const entities = text.startsWith("/")
    ? [{ type: "bot_command", offset: 0, length: text.length }]
    : undefined;
  api.pushUpdate({
    update_id: updateId++,
    message: {
      message_id: api.allocateMessageId(),
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
      text,
      ...(entities ? { entities } : {}),
    },
  });
  return mark;
}

function press(label: string): number {
  const mark = api.calls.length;
  const message = [...api.messages.values()]
    .reverse()
    .find((m) =>
      (m.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard
        ?.flat()
        .some((b) => b.text.startsWith(label)),
    );
  const markup = message?.reply_markup as
    | { inline_keyboard: { text: string; callback_data: string }[][] }
    | undefined;
  const button = markup?.inline_keyboard.flat().find((b) => b.text.startsWith(label));
  if (!message || !button) throw new Error(`no button ${label}`);
  api.pushUpdate({
    update_id: updateId++,
    callback_query: {
      id: String(updateId),
      from,
      chat_instance: "e2e",
      data: button.callback_data,
      message: { message_id: message.message_id, date: 0, chat, text: message.text },
    },
  });
  return mark;
}

describe("the bot as a process", () => {
  beforeAll(async () => {
    api = new FakeBotApi();
    server = await api.listen();
    dataDir = mkdtempSync(join(tmpdir(), "kc-e2e-"));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("exits 1 at once without BOT_TOKEN, naming it and @BotFather", async () => {
    const started = Date.now();
    const child = spawn("node", ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: { ...process.env, BOT_TOKEN: "", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("BOT_TOKEN");
    expect(stderr).toContain("@BotFather");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("answers /start in Vietnamese, refuses a second process on the same data, and loses nothing across a restart mid-form", async () => {
    const first = startBot();
    let mark = say("/start");
    await waitFor(() => sentSince(mark, "Nghị định 13/2023/NĐ-CP"), "the consent question");
    expect(api.callsTo("setMyCommands").length).toBeGreaterThanOrEqual(2);

    const second = startBot();
    const secondExit = await new Promise<number | null>((resolve) =>
      second.child.once("exit", resolve),
    );
    expect(secondExit).toBe(1);
    expect(second.output()).toContain("in use by another process");

    mark = press("✅ Đồng ý");
    await waitFor(() => sentSince(mark, "Cảm ơn Anh/Chị đã đồng ý"), "the main menu");
    mark = say("/profile");
    await waitFor(() => sentSince(mark, "Tên cơ sở"), "the first question");
    mark = say("Cơ sở dệt thổ cẩm Bình Gia");
    await waitFor(() => sentSince(mark, "loại hình"), "the second question");

    await stopBot(first);

    const restarted = startBot();
    mark = press("Hộ kinh doanh");
    await waitFor(
      () => sentSince(mark, "Mã số thuế"),
      "the third question after the restart",
    ).catch((error) => {
      // What the process said helps whoever reads a failure here.
      const polls = api
        .callsTo("getUpdates")
        .slice(-8)
        .map(
          (call) =>
            `offset=${String(call.params.offset)} got=${(call.result as { update_id: number }[] | undefined)?.map((u) => u.update_id).join(",")}`,
        );
      throw new Error(
        `${(error as Error).message}\n--- polls ---\n${polls.join("\n")}\n--- bot output ---\n${restarted.output().slice(-4000)}`,
      );
    });
    mark = say("0100109106");
    await waitFor(() => sentSince(mark, "được cấp ngày nào"), "the fourth question");
    await stopBot(restarted);
  }, 180_000);

  it("serves a webhook that refuses requests without the secret-token header", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const webhookDataDir = mkdtempSync(join(tmpdir(), "kc-e2e-webhook-"));
    const bot = startBot({
      DATA_DIR: webhookDataDir,
      WEBHOOK_URL: "https://bot.example.vn/telegram",
      WEBHOOK_SECRET: "e2e-secret_1",
      PORT: String(port),
    });
    try {
      const registered = await waitFor(() => api.callsTo("setWebhook").at(-1), "setWebhook");
      expect(registered.params).toMatchObject({
        url: "https://bot.example.vn/telegram",
        secret_token: "e2e-secret_1",
      });
      await waitFor(
        () => (bot.output().includes('"msg":"started"') ? true : undefined),
        "the start",
      );
      const update = {
        update_id: 999_001,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 515, type: "private", first_name: "B" },
          from: { id: 515, is_bot: false, first_name: "B" },
          text: "/start",
          entities: [{ type: "bot_command", offset: 0, length: 6 }],
        },
      };
      const post = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${port}/`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(update),
        });
      expect((await post({})).status).toBe(401);
      expect((await post({ "X-Telegram-Bot-Api-Secret-Token": "wrong" })).status).toBe(401);
      const mark = api.calls.length;
      expect((await post({ "X-Telegram-Bot-Api-Secret-Token": "e2e-secret_1" })).status).toBe(200);
      await waitFor(
        () =>
          api.calls
            .slice(mark)
            .find((call) => call.method === "sendMessage" && Number(call.params.chat_id) === 515),
        "the answer to a genuine update",
      );
    } finally {
      await stopBot(bot);
      rmSync(webhookDataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
