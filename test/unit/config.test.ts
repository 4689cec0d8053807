import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, readDotEnv } from "../../src/config.ts";

const valid = { BOT_TOKEN: "123456:ABC-def_ghi" };

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("has defaults that start the bot on the embedded database with long polling", () => {
    const config = parseConfig(valid);
    expect(config.database).toEqual({ kind: "pglite", dataDir: "./data" });
    expect(config.delivery).toEqual({ mode: "polling" });
    expect(config.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(config.province).toBe("lang-son");
    expect(config.quietHours).toEqual({ start: "21:00", end: "07:00" });
    expect(config.adminIds).toEqual([]);
  });

  it("names BOT_TOKEN and says where to get one", () => {
    const [problem] = problems({});
    expect(problem).toContain("BOT_TOKEN");
    expect(problem).toContain("@BotFather");
  });

  it("reports every bad variable by name at once", () => {
    const found = problems({
      BOT_TOKEN: "not a token",
      DATABASE_URL: "mysql://x",
      TELEGRAM_API_ROOT: "nope",
      PORT: "99999",
      ADMIN_IDS: "12,abc",
      TIMEZONE: "Mars/Olympus",
      LOG_LEVEL: "loud",
      QUIET_HOURS_START: "25:00",
    });
    const names = found.map((line) => line.split(" ")[0]);
    expect(names.sort()).toEqual(
      [
        "ADMIN_IDS",
        "BOT_TOKEN",
        "DATABASE_URL",
        "LOG_LEVEL",
        "PORT",
        "QUIET_HOURS_START",
        "TELEGRAM_API_ROOT",
        "TIMEZONE",
      ].sort(),
    );
  });

  it("switches to PostgreSQL with DATABASE_URL and to a webhook with WEBHOOK_URL and its secret", () => {
    const config = parseConfig({
      ...valid,
      DATABASE_URL: "postgres://bot@db:5432/khuyencong",
      WEBHOOK_URL: "https://bot.example.vn/telegram",
      WEBHOOK_SECRET: "s3cret-token_1",
      PORT: "3000",
      ADMIN_IDS: " 111, 222 ",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
    });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://bot@db:5432/khuyencong" });
    expect(config.delivery).toEqual({
      mode: "webhook",
      url: "https://bot.example.vn/telegram",
      secret: "s3cret-token_1",
      port: 3000,
    });
    expect(config.adminIds).toEqual([111, 222]);
    expect(config.telegramApiRoot).toBe("http://127.0.0.1:8081");
  });

  it("requires WEBHOOK_SECRET with WEBHOOK_URL", () => {
    expect(problems({ ...valid, WEBHOOK_URL: "https://bot.example.vn/hook" })[0]).toMatch(
      /^WEBHOOK_SECRET/,
    );
  });

  it("treats empty variables as unset", () => {
    expect(parseConfig({ ...valid, DATABASE_URL: "", ADMIN_IDS: "" }).database.kind).toBe("pglite");
  });

  it("reads .env files, quotes and comments included", () => {
    const folder = mkdtempSync(join(tmpdir(), "kc-env-"));
    const path = join(folder, ".env");
    writeFileSync(path, '# comment\nBOT_TOKEN="42:abc"\nexport PROVINCE=lang-son\nEMPTY=\n');
    expect(readDotEnv(path)).toEqual({ BOT_TOKEN: "42:abc", PROVINCE: "lang-son", EMPTY: "" });
  });
});
