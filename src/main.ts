/**
 * Entry point: configuration -> database (migrated) -> bot -> outbox sender
 * and scheduler -> polling or webhook. Stops cleanly on SIGINT/SIGTERM.
 *
 * Only the configuration is imported up front, so a missing BOT_TOKEN is
 * reported within a fraction of a second; the heavy modules load after.
 */
import { ConfigError, loadConfig } from "./config.ts";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(
        `${error.message}\n\nSee README.md, "Configuration". Get a bot token from @BotFather in Telegram.`,
      );
      process.exit(1);
    }
    throw error;
  }
  const { startApplication } = await import("./app.ts");
  await startApplication(config);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
