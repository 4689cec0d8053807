import { connect } from "node:net";
import { Writable } from "node:stream";
import { Api } from "grammy";
import pino from "pino";
import { afterEach, expect, it } from "vitest";
import { FakeClock } from "../../src/clock.ts";
import { updates } from "../../src/db/schema/index.ts";
import { FakeBotApi } from "../../src/fake-bot-api/fake-bot-api.ts";
import { createI18n } from "../../src/i18n.ts";
import { BusyNotice } from "../../src/updates/busy-notice.ts";
import { type RunningWebhookServer, startWebhookServer } from "../../src/updates/webhook-server.ts";
import { describeWithDatabase } from "../support/database.ts";
import { switchableDatabase, textUpdate } from "./support.ts";

const T0 = new Date("2026-11-24T03:00:00Z");
const SECRET = "s3cr3t-Token_42";
const i18n = createI18n();

describeWithDatabase("webhook server", (database) => {
  let running: RunningWebhookServer | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  async function setup(options: { bodyTimeoutMs?: number } = {}) {
    const fake = new FakeBotApi();
    const api = new Api("123456:test-token", { fetch: fake.fetch as typeof fetch });
    const switchable = switchableDatabase(database().db);
    const logLines: { level: number; msg: string }[] = [];
    const logger = pino(
      { level: "warn" },
      new Writable({
        write(chunk, _encoding, done) {
          logLines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const stored: number[] = [];
    running = await startWebhookServer({
      db: switchable.db,
      clock: new FakeClock(T0),
      logger,
      notice: new BusyNotice(api, i18n, logger),
      secret: SECRET,
      port: 0,
      host: "127.0.0.1",
      onStored: (count) => stored.push(count),
      ...options,
    });
    const url = `http://127.0.0.1:${running.port}/telegram`;
    const post = (
      body: string,
      headers: Record<string, string> = {
        "x-telegram-bot-api-secret-token": SECRET,
        "content-type": "application/json",
      },
    ) => fetch(url, { method: "POST", body, headers });
    return { fake, switchable, logLines, stored, url, post };
  }

  const rows = () => database().db.select().from(updates);

  it("stores a valid update and answers 200, once even when it is posted twice", async () => {
    const { post, stored } = await setup();
    const body = JSON.stringify(textUpdate(700, 1, "Xin chào"));
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    expect(stored).toEqual([1, 0]);
    const [row, ...more] = await rows();
    expect(more).toEqual([]);
    expect(row).toMatchObject({ updateId: 700, chatKey: 1, status: "pending" });
  });

  it.each([
    ["an empty body", ""],
    ["half a JSON object", '{"update_id": 701, "message": {"text": "Xin'],
    ["null", "null"],
    ["an array", "[]"],
    ["a string", '"update"'],
    ["a number", "701"],
    ["an object without update_id", '{"message": {"text": "hi"}}'],
    ["a string update_id", '{"update_id": "701"}'],
    ["a fractional update_id", '{"update_id": 701.5}'],
  ])("answers 400 to %s, with the right secret, and logs one warning", async (_, body) => {
    const { post, logLines } = await setup();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(logLines.filter((line) => line.level === 40)).toHaveLength(1);
    expect(await rows()).toEqual([]);
  });

  it("answers 400 to a form-encoded body", async () => {
    const { post } = await setup();
    const headers = {
      "x-telegram-bot-api-secret-token": SECRET,
      "content-type": "application/x-www-form-urlencoded",
    };
    expect((await post("update_id=702&message=hi", headers)).status).toBe(400);
    // even when what it carries would parse as JSON
    expect((await post('{"update_id": 702}', headers)).status).toBe(400);
    expect(await rows()).toEqual([]);
  });

  it("answers 413 to a body over the limit", async () => {
    const { post } = await setup();
    const huge = JSON.stringify({ update_id: 703, padding: "x".repeat(1024 * 1024) });
    expect((await post(huge)).status).toBe(413);
    expect(await rows()).toEqual([]);
  });

  it("answers 408 when the body does not arrive in time", async () => {
    const { url } = await setup({ bodyTimeoutMs: 50 });
    const { port } = new URL(url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(
          `POST /telegram HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-telegram-bot-api-secret-token: ${SECRET}\r\ncontent-length: 100\r\n\r\n{"update_id":`,
        );
      });
      let text = "";
      socket.on("data", (chunk) => {
        text += String(chunk);
      });
      socket.on("close", () => resolve(text));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it("answers 401 without the secret or with a wrong one, and 405 to anything but POST", async () => {
    const { post, url } = await setup();
    const body = JSON.stringify(textUpdate(704, 1, "hi"));
    expect((await post(body, { "content-type": "application/json" })).status).toBe(401);
    for (const wrong of ["s3cr3t-Token_43", "s3cr3t", `${SECRET}x`, ""]) {
      const response = await post(body, {
        "content-type": "application/json",
        "x-telegram-bot-api-secret-token": wrong,
      });
      expect(response.status).toBe(401);
    }
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(url, { method: "PUT", body })).status).toBe(405);
    expect(await rows()).toEqual([]);
  });

  it("answers 503 while the database is down, telling the chat once per outage", async () => {
    const { post, switchable, fake, url } = await setup();
    const healthz = new URL("/healthz", url).href;
    expect((await fetch(healthz)).status).toBe(200);
    switchable.down(true);
    expect((await post(JSON.stringify(textUpdate(705, 1, "Xin chào")))).status).toBe(503);
    expect((await post(JSON.stringify(textUpdate(705, 1, "Xin chào")))).status).toBe(503);
    expect((await post(JSON.stringify(textUpdate(706, 1, "Còn đó không?")))).status).toBe(503);
    expect((await fetch(healthz)).status).toBe(503);
    expect(fake.callsTo("sendMessage").map((call) => call.params)).toEqual([
      { chat_id: 1, text: i18n.t("vi", "inbox-busy") },
    ]);
    switchable.down(false);
    expect((await post(JSON.stringify(textUpdate(705, 1, "Xin chào")))).status).toBe(200);
    expect((await fetch(healthz)).status).toBe(200);
    switchable.down(true);
    expect((await post(JSON.stringify(textUpdate(707, 1, "Alo")))).status).toBe(503);
    expect(fake.callsTo("sendMessage")).toHaveLength(2);
    switchable.down(false);
    expect((await rows()).map((row) => row.updateId)).toEqual([705]);
  });
});
