/**
 * `npm run bench:crash` — does the bot lose what owners type when it is killed?
 *
 * Starts the real bot twice (`npm start`, as the README says, in webhook mode
 * behind what acts as Telegram: this script delivers each update to one of the
 * two instances and retries until one answers 200, as Telegram does) on one
 * PostgreSQL database (a scratch database on DATABASE_URL's server, reached
 * through a proxy this script can cut), against the fake Bot API. Many owners
 * fill the whole profile and application and submit, at a phone's pace,
 * waiting for each question before answering, while instances are SIGKILLed
 * at random moments and restarted: at random, right after Telegram's delivery
 * was acknowledged (before the handler ran), a moment later (while it saves
 * the answer), and while the next question is being sent. Once, the database is cut for 30 s. At the end every answer in
 * the database is checked against what was typed.
 *
 * Last line: {"bench":"crash","answers":…,"kills":…,"instances":2,"answers_lost":0,
 *             "wrong_field":0,"duplicate_prompts":…,"outage_answers_lost":0}
 *
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npm run bench:crash [-- --owners 24 --pace-ms 1500]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type Server, Socket } from "node:net";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { openDatabase } from "../src/db/client.ts";
import { applications, establishments } from "../src/db/schema/index.ts";
import { type ApiCall, FakeBotApi } from "../src/fake-bot-api/fake-bot-api.ts";
import { createI18n } from "../src/i18n.ts";
import { expectedRows, type OwnerStep, ownerScript } from "./crash-owner-script.ts";
import { scratchDatabase } from "./scratch-database.ts";

const { values } = parseArgs({
  options: {
    owners: { type: "string", default: "24" },
    "pace-ms": { type: "string", default: "1500" },
  },
});
const OWNERS = Number(values.owners);
const PACE_MS = Number(values["pace-ms"]);
const SECRET = "bench-crash-secret";
const MY_APPLICATIONS = createI18n().t("vi", "menu-applications");
const root = new URL("..", import.meta.url).pathname;
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    "bench:crash runs on PostgreSQL: set DATABASE_URL (a scratch database is made on that server).",
  );
  process.exit(2);
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rand = (min: number, max: number) => min + Math.random() * (max - min);

/** A TCP proxy in front of PostgreSQL: cutting it is a database outage for the bots only. */
function databaseProxy(target: URL): Promise<{
  port: number;
  cut: (ms: number) => Promise<void>;
  close: () => void;
  down: () => boolean;
}> {
  const sockets = new Set<Socket>();
  let downUntil = 0;
  const server: Server = createServer((client) => {
    if (Date.now() < downUntil) {
      client.destroy();
      return;
    }
    const upstream = new Socket();
    upstream.connect(Number(target.port || 5432), target.hostname);
    // Either side gone (a killed bot's socket is reset, not ended), the other goes too: else
    // PostgreSQL keeps a backend per killed connection and runs out of them after a few kills.
    for (const [socket, peer] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(socket);
      socket.on("close", () => {
        sockets.delete(socket);
        peer.destroy();
      });
      socket.on("error", () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        port: (server.address() as { port: number }).port,
        down: () => Date.now() < downUntil,
        async cut(ms) {
          downUntil = Date.now() + ms;
          for (const socket of sockets) socket.destroy();
          await sleep(ms);
        },
        close: () => {
          for (const socket of sockets) socket.destroy();
          server.close();
        },
      });
    });
  });
}

interface Instance {
  name: string;
  port: number;
  apiUrl: string;
  child?: ChildProcess;
  ready: boolean;
  startedAt: number;
  /** when its webhook first answered after its last start */
  readyAt: number;
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase(serverUrl as string);
  const target = new URL(scratch.url);
  const proxy = await databaseProxy(target);
  const proxied = new URL(scratch.url);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  // The schema first (the bots migrate too; this avoids two first starts racing on it).
  const setup = await openDatabase({ kind: "postgres", url: scratch.url, maxConnections: 2 });

  const fake = new FakeBotApi();
  const instances: Instance[] = [];
  for (const [index, name] of ["a", "b"].entries()) {
    const server = await fake.listen();
    instances.push({
      name,
      port: 18_480 + index + Math.floor(Math.random() * 500),
      apiUrl: server.url,
      ready: false,
      startedAt: 0,
      readyAt: 0,
    });
  }
  let kills = 0;
  let stopping = false;

  const start = (instance: Instance) => {
    instance.ready = false;
    instance.startedAt = Date.now();
    const child = spawn("npm", ["start"], {
      cwd: root,
      detached: true,
      env: {
        ...process.env,
        BOT_TOKEN: "123456:bench-crash",
        DATABASE_URL: proxied.href,
        TELEGRAM_API_ROOT: instance.apiUrl,
        WEBHOOK_URL: `https://bench.invalid/${instance.name}`,
        WEBHOOK_SECRET: SECRET,
        PORT: String(instance.port),
        LOG_LEVEL: "warn",
        ADMIN_IDS: "",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr?.on("data", () => {});
    instance.child = child;
    // Like a process manager (systemd, Docker's restart policy): a bot that exits on its own (it
    // could not reach the database at start) is started again.
    child.once("exit", () => {
      if (instance.child !== child) return;
      instance.ready = false;
      instance.child = undefined;
      if (!stopping) setTimeout(() => !stopping && !instance.child && start(instance), 1000);
    });
  };
  const kill = (instance: Instance, why: string) => {
    const child = instance.child;
    if (!child?.pid || stopping) return;
    try {
      process.kill(-child.pid, "SIGKILL");
      kills++;
      killReasons[why] = (killReasons[why] ?? 0) + 1;
    } catch {
      // already gone
    }
    instance.child = undefined;
    instance.ready = false;
    setTimeout(() => !stopping && start(instance), rand(100, 600));
  };
  const killReasons: Record<string, number> = {};
  for (const instance of instances) start(instance);
  // Never leave a bot behind, however this script ends.
  const killAll = () => {
    stopping = true;
    for (const instance of instances) {
      if (instance.child?.pid) {
        try {
          process.kill(-instance.child.pid, "SIGKILL");
        } catch {
          // gone already
        }
      }
    }
  };
  process.once("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }

  // An instance is ready when its webhook answers (any status): probe with an empty POST.
  const probe = async (instance: Instance) => {
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}/`, {
        method: "POST",
        headers: { "x-telegram-bot-api-secret-token": SECRET },
        body: "",
      });
      instance.ready = response.status === 400 || response.status === 200;
      if (instance.ready) instance.readyAt = Date.now();
    } catch {
      instance.ready = false;
    }
  };
  const probing = setInterval(() => {
    for (const instance of instances) if (instance.child && !instance.ready) void probe(instance);
  }, 200);

  // Telegram's delivery: one instance at a time, again until one answers 200.
  const outageWindows: [number, number][] = [];
  let updateId = 1;
  const deliver = async (update: Record<string, unknown>): Promise<{ firstTry: number }> => {
    const body = JSON.stringify({ update_id: updateId++, ...update });
    const firstTry = Date.now();
    for (;;) {
      const live = instances.filter((instance) => instance.ready);
      const instance = live[Math.floor(Math.random() * live.length)];
      if (instance) {
        try {
          const response = await fetch(`http://127.0.0.1:${instance.port}/`, {
            signal: AbortSignal.timeout(10_000),
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-telegram-bot-api-secret-token": SECRET,
            },
            body,
          });
          if (response.status === 200) {
            // Sometimes the instance dies right after saying it has the update, before handling it.
            const dice = Math.random();
            if (dice < 0.05) kill(instance, "after-delivery");
            // … or a moment later, while it handles the update (saving the answer).
            else if (dice < 0.1) setTimeout(() => kill(instance, "while-handling"), rand(5, 120));
            return { firstTry };
          }
        } catch {
          // refused or reset: try again
        }
      }
      await sleep(250);
    }
  };
  // Sometimes an instance dies while it sends the next question (Telegram may or may not have it).
  fake.onCall((call) => {
    if (call.method !== "sendMessage" || Math.random() >= 0.03) return;
    const live = instances.filter((instance) => instance.ready);
    const instance = live[Math.floor(Math.random() * live.length)];
    if (instance) kill(instance, "while-sending");
  });

  const results = { answers: 0, stalls: 0, outageAnswers: 0, helpAsked: 0 };
  let finished = 0;
  const progress = setInterval(() => {
    console.error(
      JSON.stringify({
        at: Math.round((Date.now() - benchStart) / 1000),
        answers: results.answers,
        finished,
        kills,
        stalls: results.stalls,
        ready: instances.map((instance) => instance.ready),
        database: proxy.down() ? "down" : "up",
      }),
    );
  }, 5000);
  const benchStart = Date.now();
  while (!instances.every((instance) => instance.ready)) await sleep(200);

  // The owners.
  const typedInOutage = new Set<string>();
  const scripts = Array.from({ length: OWNERS }, (_, i) => ownerScript(700_000 + i));
  // Each chat's calls and messages, indexed as they come: owners look at their own chat ten
  // times a second, and scanning every call of every chat would starve this process (which also
  // carries the database proxy) as the run grows.
  const callsByChat = new Map<number, ApiCall[]>();
  const messageIdsByChat = new Map<number, number[]>();
  fake.onCall((call) => {
    const chatId = Number(call.params.chat_id);
    if (!Number.isFinite(chatId)) return;
    const calls = callsByChat.get(chatId) ?? [];
    calls.push(call);
    callsByChat.set(chatId, calls);
    const sent = call.result as { message_id?: number } | undefined;
    if (call.method.startsWith("send") && typeof sent?.message_id === "number") {
      const ids = messageIdsByChat.get(chatId) ?? [];
      ids.push(sent.message_id);
      messageIdsByChat.set(chatId, ids);
    }
  });
  const chatCalls = (chatId: number) => callsByChat.get(chatId) ?? [];
  /** What the bot last did in a chat, for the log when an owner is stuck. */
  const traceOf = (ownerId: number) =>
    chatCalls(ownerId)
      .slice(-8)
      .map((call) => ({
        method: call.method,
        ok: call.ok,
        id: call.params.message_id,
        text: String(call.params.text ?? "").slice(0, 60),
        markup: JSON.stringify(call.params.reply_markup ?? null).slice(0, 120),
      }));
  const runOwner = async (steps: OwnerStep[], ownerId: number) => {
    const chat = { id: ownerId, type: "private", first_name: "Chủ cơ sở" };
    const from = { id: ownerId, is_bot: false, first_name: "Chủ cơ sở", language_code: "vi" };
    const botMessages = () =>
      (messageIdsByChat.get(ownerId) ?? []).slice(-30).flatMap((id) => {
        const message = fake.messages.get(id);
        return message ? [message] : [];
      });
    for (const step of steps) {
      for (let attempt = 1; ; attempt++) {
        const since = chatCalls(ownerId).length;
        let update: Record<string, unknown>;
        if (step.press) {
          const label = step.press;
          const holder = botMessages()
            .reverse()
            .find((m) =>
              (
                (m.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)
                  ?.inline_keyboard ?? []
              )
                .flat()
                .some((b) => b.text.startsWith(label)),
            );
          const button = (
            holder?.reply_markup as
              | { inline_keyboard: { text: string; callback_data: string }[][] }
              | undefined
          )?.inline_keyboard
            .flat()
            .find((b) => b.text.startsWith(label));
          if (!holder || !button) {
            // The button is gone because the tap took effect (its answer was lost in a crash, and
            // the bot has moved on): a person reads on.
            if (attempt > 1 && botMessages().at(-1)?.text?.includes(step.next)) break;
            // Still no button after a while: a person asks for help, which shows the step again.
            if (attempt % 40 === 0) {
              // Help did not bring it back: look at "Hồ sơ của tôi", as a person would.
              results.helpAsked++;
              await deliver({
                message: {
                  message_id: fake.allocateMessageId(),
                  date: Math.floor(Date.now() / 1000),
                  chat,
                  from,
                  text: MY_APPLICATIONS,
                },
              });
            } else if (attempt % 20 === 0) {
              results.helpAsked++;
              if (attempt === 20)
                console.error(
                  `owner ${ownerId} asks for help: ${JSON.stringify(traceOf(ownerId))}`,
                );
              await deliver({
                message: {
                  message_id: fake.allocateMessageId(),
                  date: Math.floor(Date.now() / 1000),
                  chat,
                  from,
                  text: "/help",
                  entities: [{ type: "bot_command", offset: 0, length: 5 }],
                },
              });
            }
            await sleep(500);
            if (attempt > 120) {
              const seen = traceOf(ownerId);
              throw new Error(
                `owner ${ownerId}: no button ${label}; last: ${JSON.stringify(seen)}`,
              );
            }
            continue;
          }
          update = {
            callback_query: {
              id: randomUUID(),
              from,
              chat_instance: "c",
              data: button.callback_data,
              message: { message_id: holder.message_id, date: 0, chat },
            },
          };
        } else {
          // A command carries its entity, as Telegram's clients send it.
          const typed = String(step.message?.text ?? "");
          const command = typed.startsWith("/")
            ? {
                entities: [
                  { type: "bot_command", offset: 0, length: typed.split(" ")[0]?.length ?? 1 },
                ],
              }
            : {};
          update = {
            message: {
              message_id: fake.allocateMessageId(),
              date: Math.floor(Date.now() / 1000),
              chat,
              from,
              ...step.message,
              ...command,
            },
          };
        }
        const { firstTry } = await deliver(update);
        if (proxy.down() || outageWindows.some(([a, b]) => firstTry >= a && firstTry <= b)) {
          results.outageAnswers++;
          typedInOutage.add(`${ownerId}:${step.field ?? ""}`);
        }
        // Wait for what comes next on the screen (the next question), as a person would.
        const deadline = Date.now() + 45_000;
        let seen = false;
        while (Date.now() < deadline && !seen) {
          seen = chatCalls(ownerId)
            .slice(since)
            .some(
              (call) =>
                call.ok &&
                ["sendMessage", "editMessageText"].includes(call.method) &&
                Number(call.params.chat_id) === ownerId &&
                String(call.params.text).includes(step.next),
            );
          if (!seen) await sleep(100);
        }
        if (seen) break;
        results.stalls++; // nothing came: type (or tap) it again, as a person would
        if (attempt % 3 === 0) {
          const last = botMessages().at(-1)?.text ?? "";
          console.error(
            `owner ${ownerId} waits for "${step.next}"; last seen: ${last.slice(0, 120).replace(/\n/g, " ")}`,
          );
        }
      }
      results.answers++;
      await sleep(rand(PACE_MS * 0.5, PACE_MS * 1.5));
    }
    finished++;
  };
  const owners = Promise.all(scripts.map((script, i) => runOwner(script, 700_000 + i)));

  // The killer, and the one outage at about a third of the way.
  const started = Date.now();
  let outageDone = false;
  while (finished < OWNERS) {
    await sleep(rand(1500, 4000));
    const progress = results.answers / (OWNERS * (scripts[0]?.length ?? 1));
    if (!outageDone && progress > 0.33) {
      outageDone = true;
      const at = Date.now();
      await proxy.cut(30_000);
      outageWindows.push([at, Date.now()]);
      continue;
    }
    // Kill one of two instances that have both served a while: the other keeps the door open,
    // as a rolling deploy or a crash on one server would. (The after-delivery and while-sending
    // kills above can take the second one down too.)
    const settled = instances.filter(
      (instance) => instance.ready && Date.now() - instance.readyAt > 1500,
    );
    if (settled.length === 2) {
      const victim = settled[Math.floor(Math.random() * settled.length)];
      if (victim) kill(victim, "random");
    }
    if (Date.now() - started > 30 * 60_000) break;
  }
  await owners;
  clearInterval(progress);
  // Enough kills: keep the owners going round again if the run was too short.
  stopping = true;
  clearInterval(probing);
  for (const instance of instances)
    if (instance.child?.pid) process.kill(-instance.child.pid, "SIGTERM");
  await sleep(3000);

  // Every answer, checked against what was typed.
  let lost = 0;
  let wrongField = 0;
  let outageLost = 0;
  for (let i = 0; i < OWNERS; i++) {
    const ownerId = 700_000 + i;
    const expected = expectedRows(ownerId);
    const [establishment] = await setup.db
      .select()
      .from(establishments)
      .where(eq(establishments.ownerId, ownerId));
    const [application] = await setup.db
      .select()
      .from(applications)
      .where(eq(applications.ownerId, ownerId));
    const actual: Record<string, unknown> = { ...establishment, ...application };
    for (const [field, value] of Object.entries(expected)) {
      const got = actual[field];
      if (String(got) === String(value)) continue;
      if (got === null || got === undefined) {
        lost++;
        if (typedInOutage.has(`${ownerId}:${field}`)) outageLost++;
      } else wrongField++;
      console.error(`owner ${ownerId}: ${field} = ${String(got)} (typed ${String(value)})`);
    }
  }
  let duplicatePrompts = 0;
  for (let i = 0; i < OWNERS; i++) {
    const ownerId = 700_000 + i;
    const prompts = fake.calls.filter(
      (call) =>
        call.ok &&
        call.method === "sendMessage" &&
        Number(call.params.chat_id) === ownerId &&
        /<i>(Bước|Câu hỏi sơ bộ) \d+\/\d+<\/i>/.test(String(call.params.text)),
    );
    const byQuestion = new Map<string, number>();
    for (const call of prompts) {
      const key = String(call.params.text).split("\n").slice(0, 2).join("\n");
      byQuestion.set(key, (byQuestion.get(key) ?? 0) + 1);
    }
    for (const count of byQuestion.values()) duplicatePrompts += count - 1;
  }
  await setup.close();
  proxy.close();
  await scratch.drop();
  console.error(
    JSON.stringify({
      killReasons,
      stalls: results.stalls,
      seconds: Math.round((Date.now() - started) / 1000),
    }),
  );
  console.log(
    JSON.stringify({
      bench: "crash",
      answers: results.answers,
      kills,
      instances: 2,
      answers_lost: lost,
      wrong_field: wrongField,
      duplicate_prompts: duplicatePrompts,
      outage_answers: results.outageAnswers,
      help_asked: results.helpAsked,
      outage_answers_lost: outageLost,
    }),
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
