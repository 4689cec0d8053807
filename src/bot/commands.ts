/** The commands in Telegram's menu, in this order; each has `command-<name>` in the locale files. */
export const BOT_COMMANDS = [
  "start",
  "apply",
  "applications",
  "profile",
  "status",
  "events",
  "help",
  "language",
  "settings",
  "cancel",
  "mydata",
  "deletedata",
] as const;
