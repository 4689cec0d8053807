import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import {
  DEFAULT_REMINDER_SCHEDULE,
  parseOffsets,
  type ReminderSchedule,
} from "./domain/reminder-plan.ts";

/**
 * The whole configuration surface of the bot, read once from the environment
 * (and from `.env` when present). Every bad variable is reported by name in
 * one message, so an operator fixes them all in one go.
 */

const telegramIdList = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return [] as number[];
    const ids: number[] = [];
    for (const part of value.split(",")) {
      const id = Number(part.trim());
      if (!Number.isSafeInteger(id) || id <= 0) {
        ctx.addIssue({ code: "custom", message: `"${part.trim()}" is not a Telegram user id` });
        return z.NEVER;
      }
      ids.push(id);
    }
    return ids;
  });

/** "30,14,7,1": days before an event, comma-separated */
const offsets = z.string().transform((text, ctx) => {
  const days = parseOffsets(text);
  if (!days) {
    ctx.addIssue({
      code: "custom",
      message: 'must be whole days, comma-separated, e.g. "30,14,7,1"',
    });
    return z.NEVER;
  }
  return days;
});
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour clock)");

const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const environmentSchema = z
  .object({
    BOT_TOKEN: z
      .string({ error: "is required: create a bot with @BotFather in Telegram and copy its token" })
      .trim()
      .regex(/^\d+:[\w-]+$/, "does not look like a bot token (expected <digits>:<letters>)"),
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    DATA_DIR: z.string().trim().min(1).default("./data"),
    TELEGRAM_API_ROOT: z.url({ error: "must be a URL such as http://127.0.0.1:8081" }).optional(),
    WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be an https:// URL" }).optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, "may hold only A-Z, a-z, 0-9, _ and - (1-256 characters)")
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    ADMIN_IDS: telegramIdList.default([]),
    OFFICER_CHAT_ID: z
      .string()
      .trim()
      .regex(/^-?\d{1,16}$/, "must be a Telegram chat id, e.g. -1001234567890")
      .transform(Number)
      .optional(),
    TIMEZONE: z
      .string()
      .default("Asia/Ho_Chi_Minh")
      .refine(isValidTimeZone, "is not a known IANA time zone"),
    PROVINCE: z.string().trim().min(1).default("lang-son"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    QUIET_HOURS_START: clockTime.default("21:00"),
    QUIET_HOURS_END: clockTime.default("07:00"),
    OUTBOX_GLOBAL_RATE: z.coerce.number().positive().max(1000).default(30),
    OUTBOX_PER_CHAT_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    REMINDER_DEADLINE_DAYS: offsets.default([30, 14, 7, 1]),
    REMINDER_FAIR_DAYS: offsets.default([7, 1]),
    REMINDER_DRAFT_IDLE_DAYS: z.coerce.number().int().min(1).max(90).default(3),
    REMINDER_RESULT_WAITING_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    DIGEST_TIME: clockTime.default("07:30"),
    DECISION_WAIT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    SUPPLEMENT_WAIT_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message: "is required when WEBHOOK_URL is set (Telegram sends it back in a header)",
      });
    }
  });

export type Environment = Record<string, string | undefined>;

export interface Config {
  botToken: string;
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
  telegramApiRoot: string | undefined;
  delivery: { mode: "polling" } | { mode: "webhook"; url: string; secret: string; port: number };
  adminIds: number[];
  /** the officers' group: receives each application's card too; a press there is checked against the presser's role */
  officerChatId: number | undefined;
  timeZone: string;
  province: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  quietHours: { start: string; end: string };
  outbox: { globalRatePerSecond: number; perChatIntervalMs: number; maxAttempts: number };
  /** when each kind of reminder goes (REMINDER_* variables); absent: the defaults */
  reminders?: ReminderSchedule;
  /** officers' digests: when (local HH:MM), and after how many days waiting is too long */
  reports: { digestTime: string; decisionWaitDays: number; supplementWaitDays: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Treats empty variables as unset, the way shells and .env files mean them. */
const withoutEmpty = (env: Environment): Environment =>
  Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );

export function parseConfig(env: Environment): Config {
  const parsed = environmentSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "environment";
      return `${name} ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: e.DATA_DIR },
    telegramApiRoot: e.TELEGRAM_API_ROOT?.replace(/\/+$/, ""),
    delivery:
      e.WEBHOOK_URL && e.WEBHOOK_SECRET
        ? { mode: "webhook", url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.PORT }
        : { mode: "polling" },
    adminIds: e.ADMIN_IDS,
    officerChatId: e.OFFICER_CHAT_ID,
    timeZone: e.TIMEZONE,
    province: e.PROVINCE,
    logLevel: e.LOG_LEVEL,
    quietHours: { start: e.QUIET_HOURS_START, end: e.QUIET_HOURS_END },
    outbox: {
      globalRatePerSecond: e.OUTBOX_GLOBAL_RATE,
      perChatIntervalMs: e.OUTBOX_PER_CHAT_INTERVAL_MS,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    },
    reminders: {
      ...DEFAULT_REMINDER_SCHEDULE,
      deadlineDaysBefore: e.REMINDER_DEADLINE_DAYS,
      fairRegistrationDaysBefore: e.REMINDER_FAIR_DAYS,
      draftIdleDays: e.REMINDER_DRAFT_IDLE_DAYS,
      resultWaitingDays: e.REMINDER_RESULT_WAITING_DAYS,
    },
    reports: {
      digestTime: e.DIGEST_TIME,
      decisionWaitDays: e.DECISION_WAIT_DAYS,
      supplementWaitDays: e.SUPPLEMENT_WAIT_DAYS,
    },
  };
}

/**
 * Reads `KEY=value` lines from a `.env` file. Variables already in the
 * environment win, so `BOT_TOKEN=… npm start` overrides the file.
 */
export function readDotEnv(path = ".env"): Environment {
  if (!existsSync(path)) return {};
  const values: Environment = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match?.[1] || line.trimStart().startsWith("#")) continue;
    let value = match[2] ?? "";
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    values[match[1]] = value;
  }
  return values;
}

/**
 * `withoutBotToken`: for tools that never talk to Telegram (`npm run job`
 * only queues messages in the outbox), a missing BOT_TOKEN is no error.
 */
export function loadConfig(
  env: Environment = process.env,
  options: { withoutBotToken?: boolean } = {},
): Config {
  const merged = { ...readDotEnv(), ...env };
  if (options.withoutBotToken && !merged.BOT_TOKEN) merged.BOT_TOKEN = "0:not-needed";
  return parseConfig(merged);
}
