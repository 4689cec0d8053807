/**
 * `npm run bench:startup` — how long `npm start` takes to answer, and how much
 * memory it holds. Starts the real process (node --import tsx src/main.ts, as
 * npm start does) against a fake Bot API over HTTP, on a fresh PGlite folder,
 * again on the same folder (a restart), and on PostgreSQL when DATABASE_URL is
 * set. Prints one JSON line.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeBotApi } from "../src/fake-bot-api/fake-bot-api.ts";
import { scratchDatabase } from "./scratch-database.ts";

const root = new URL("..", import.meta.url).pathname;

interface Run {
  ms_to_ready: number;
  ms_to_first_reply: number;
  rss_mb_ready: number;
  rss_mb_after_reply: number;
}

async function measure(env: Record<string, string>): Promise<Run> {
  const api = new FakeBotApi();
  const server = await api.listen();
  const started = performance.now();
  const child = spawn("node", ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      BOT_TOKEN: "1:bench",
      TELEGRAM_API_ROOT: server.url,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += String(chunk);
  });
  const waitFor = async (test: () => boolean) => {
    while (!test()) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  await waitFor(() => output.includes('"msg":"started"'));
  const readyAt = performance.now() - started;
  const readyLine = output.split("\n").find((line) => line.includes('"msg":"started"')) ?? "{}";
  api.pushUpdate({
    update_id: 1,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: 77, type: "private", first_name: "A" },
      from: { id: 77, is_bot: false, first_name: "A", language_code: "vi" },
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    },
  });
  await waitFor(() => api.callsTo("sendMessage").length > 0);
  const replyAt = performance.now() - started;
  const rss = Number(
    (await import("node:fs"))
      .readFileSync(`/proc/${child.pid}/status`, "utf8")
      .match(/VmRSS:\s+(\d+)/)?.[1] ?? 0,
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  await server.close();
  return {
    ms_to_ready: Math.round(readyAt),
    ms_to_first_reply: Math.round(replyAt),
    rss_mb_ready: (JSON.parse(readyLine) as { rss_mb?: number }).rss_mb ?? 0,
    rss_mb_after_reply: Math.round(rss / 1024),
  };
}

const dataDir = mkdtempSync(join(tmpdir(), "kc-bench-startup-"));
const result: Record<string, unknown> = { bench: "startup" };
result.pglite_first_start = await measure({ DATA_DIR: dataDir, DATABASE_URL: "" });
result.pglite_restart = await measure({ DATA_DIR: dataDir, DATABASE_URL: "" });
rmSync(dataDir, { recursive: true, force: true });
if (process.env.DATABASE_URL) {
  const scratch = await scratchDatabase(process.env.DATABASE_URL);
  try {
    result.postgres = await measure({ DATABASE_URL: scratch.url });
  } finally {
    await scratch.drop();
  }
}
console.log(JSON.stringify(result));
