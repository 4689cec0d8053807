import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: pino.LevelWithSilent = "info"): Logger {
  return pino({ level, base: { service: "khuyen-cong-bot" } });
}

/** For tests: keeps quiet unless LOG_LEVEL asks otherwise. */
export const silentLogger: Logger = pino({ level: "silent" });
