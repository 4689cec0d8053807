/**
 * The buttons of reminders and of the calendar, shared by the jobs that
 * render them into outbox messages and the bot features that handle them.
 */
import { defineCallback, int, oneOf } from "../callback-data.ts";
import { NOTIFICATION_SETTINGS } from "../outbox/kinds.ts";

/** "Tắt loại nhắc này", under every reminder: turns that setting off. */
export const reminderOffCallback = defineCallback("roff", {
  setting: oneOf(...NOTIFICATION_SETTINGS),
});

/** "Làm hồ sơ" / "Làm tiếp hồ sơ", under a deadline or draft reminder. */
export const reminderApplyCallback = defineCallback("rapp", { draft: int() });

/** An event's card and its actions (showing, registering, the .ics file; officers' actions). */
export const eventCallback = defineCallback("ev", {
  action: oneOf("show", "register", "ics", "regs", "xlsx", "edit", "cancel", "cancel-yes"),
  id: int(),
});

/** An officer's decision on a fair registration. */
export const registrationCallback = defineCallback("evr", {
  action: oneOf("approve", "decline"),
  id: int(),
});

export interface InlineButton {
  text: string;
  callback_data: string;
}

/** An inline keyboard as Telegram takes it (outbox payloads are plain JSON). */
export const inlineKeyboard = (rows: InlineButton[][]) => ({
  inline_keyboard: rows.filter((row) => row.length > 0),
});
