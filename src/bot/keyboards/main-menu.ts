import { Keyboard } from "grammy";

type Translate = (key: string) => string;

/** The main menu's fixed buttons; "continue" is named after the form it resumes (see bot/main-menu.ts). */
export const MAIN_MENU_KEYS = [
  "menu-apply",
  "menu-applications",
  "menu-profile",
  "menu-help",
  "menu-language",
] as const;

/** The reply keyboard under the chat: big buttons, so nobody has to type a command. */
export function mainMenuKeyboard(t: Translate, options: { resumeLabel?: string }): Keyboard {
  const keyboard = new Keyboard();
  if (options.resumeLabel) keyboard.text(options.resumeLabel).row();
  keyboard
    .text(t("menu-apply"))
    .text(t("menu-applications"))
    .row()
    .text(t("menu-profile"))
    .text(t("menu-help"))
    .row()
    .text(t("menu-language"));
  return keyboard.resized().persistent().placeholder(t("menu-placeholder"));
}
