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

/**
 * The officers' commands (not in everyone's menu): each has `command-<name>`
 * in the locale files, and is refused politely to anyone else.
 */
export const OFFICER_COMMANDS = ["inbox", "find", "export", "stats"] as const;

/** What an admin has on top of the officers' commands. */
export const ADMIN_COMMANDS = ["officers"] as const;
