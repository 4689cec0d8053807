/**
 * Telegram's command menus. Everyone gets BOT_COMMANDS, per language. An
 * officer's own chat gets the officers' commands on top (a menu scoped to
 * that chat), and an admin's also /officers: set for every officer when the
 * bot starts, when someone becomes an officer, and taken away when they stop
 * being one. A menu is a convenience, not a permission (every command checks
 * the role from the database), so a failure here is logged, never fatal.
 */
import type { Api } from "grammy";
import type { Language, UserRole } from "../db/schema/index.ts";
import type { AppDependencies } from "../dependencies.ts";
import { listOfficerAccounts } from "../services/officers.ts";
import { ADMIN_COMMANDS, BOT_COMMANDS, OFFICER_COMMANDS } from "./commands.ts";

type MenuDependencies = Pick<AppDependencies, "i18n" | "logger">;

function menu(deps: MenuDependencies, language: Language, commands: readonly string[]) {
  return commands.map((command) => ({
    command,
    description: deps.i18n.t(language, `command-${command}`),
  }));
}

/** Everyone's menu, in Vietnamese and in English. */
export async function setCommandMenus(
  api: Api,
  deps: MenuDependencies & Pick<AppDependencies, "db">,
): Promise<void> {
  for (const language of ["vi", "en"] as const) {
    try {
      await api.setMyCommands(
        menu(deps, language, BOT_COMMANDS),
        language === "vi" ? {} : { language_code: language },
      );
    } catch (error) {
      deps.logger.warn({ err: error, language }, "could not set the command menu");
    }
  }
  for (const officer of await listOfficerAccounts(deps.db))
    await setOfficerMenu(api, deps, { ...officer, chatId: officer.id });
}

export interface MenuHolder {
  /** a person's private chat with the bot (the same number as their user id) */
  chatId: number;
  language: Language;
  role: UserRole;
}

/** The menu of one person's chat, from their role: an owner's is everyone's menu again. */
export async function setOfficerMenu(
  api: Api,
  deps: MenuDependencies,
  person: MenuHolder,
): Promise<void> {
  const scope = { type: "chat" as const, chat_id: person.chatId };
  try {
    if (person.role === "officer" || person.role === "admin") {
      const commands = [
        ...OFFICER_COMMANDS,
        ...(person.role === "admin" ? ADMIN_COMMANDS : []),
        ...BOT_COMMANDS,
      ];
      await api.setMyCommands(menu(deps, person.language, commands), { scope });
    } else {
      await api.deleteMyCommands({ scope });
    }
  } catch (error) {
    deps.logger.warn({ err: error, chatId: person.chatId }, "could not set an officer's menu");
  }
}
