import { FakeClock } from "../../src/clock.ts";
import { parseConfig } from "../../src/config.ts";
import { loadProvince } from "../../src/data/load-province.ts";
import type { Database } from "../../src/db/client.ts";
import type { AppDependencies } from "../../src/dependencies.ts";
import { createI18n } from "../../src/i18n.ts";
import { silentLogger } from "../../src/logger.ts";

/** The application's dependencies for a test: the real locales and province, a fake clock. */
export function testDependencies(
  db: Database,
  options: { now?: string; adminIds?: number[]; env?: Record<string, string> } = {},
): AppDependencies & { clock: FakeClock } {
  const config = parseConfig({
    BOT_TOKEN: "123456:TEST-token",
    ADMIN_IDS: (options.adminIds ?? []).join(","),
    LOG_LEVEL: "silent",
    ...options.env,
  });
  return {
    db,
    config,
    logger: silentLogger,
    clock: new FakeClock(options.now ?? "2026-11-23T03:00:00Z"),
    province: loadProvince(config.province),
    i18n: createI18n(),
  };
}
