import { describe, expect, it } from "vitest";
import { retryingFetch } from "../../src/bot/retrying-fetch.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("retrying fetch", () => {
  it("waits retry_after on 429, then succeeds", async () => {
    const slept: number[] = [];
    const answers = [
      json(429, { ok: false, error_code: 429, parameters: { retry_after: 2 } }),
      json(200, { ok: true, result: 1 }),
    ];
    const fetch = retryingFetch(async () => answers.shift() ?? json(500, {}), {
      sleep: async (ms) => void slept.push(ms),
    });
    const response = await fetch("http://api/bot1:x/sendMessage", { method: "POST", body: "{}" });
    expect(response.status).toBe(200);
    expect(slept).toEqual([2000]);
  });

  it("backs off on 5xx and network errors, and gives up after the last attempt", async () => {
    const slept: number[] = [];
    let calls = 0;
    const fetch = retryingFetch(
      async () => {
        calls++;
        if (calls === 1) throw new TypeError("fetch failed");
        return json(502, { ok: false, error_code: 502, description: "Bad Gateway" });
      },
      { sleep: async (ms) => void slept.push(ms), maxRetries: 3, backoffMs: 100 },
    );
    const response = await fetch("http://api/x", { body: "{}" });
    expect(response.status).toBe(502);
    expect(calls).toBe(4);
    expect(slept).toEqual([100, 200, 400]);
  });

  it("gives a long 429 back at once instead of holding the update", async () => {
    const fetch = retryingFetch(
      async () => json(429, { ok: false, parameters: { retry_after: 300 } }),
      { sleep: async () => {} },
    );
    expect((await fetch("http://api/x")).status).toBe(429);
  });

  it("does not retry 4xx answers", async () => {
    let calls = 0;
    const fetch = retryingFetch(async () => {
      calls++;
      return json(400, { ok: false, description: "Bad Request: message is too long" });
    });
    expect((await fetch("http://api/x")).status).toBe(400);
    expect(calls).toBe(1);
  });
});
