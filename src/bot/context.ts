import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Logger } from "../logger.ts";
import type { UserRecord } from "../services/users.ts";
import type { BotDependencies } from "./dependencies.ts";

/** What every handler outside a conversation can use. */
export interface BotContextExtras {
  deps: BotDependencies;
  logger: Logger;
  /** the person's row, or undefined before they consent (nothing is stored before) */
  user: UserRecord | undefined;
}

export type BaseContext = Context & I18nFlavor & BotContextExtras;
export type BotContext = ConversationFlavor<BaseContext>;

/** Inside a conversation: a fresh grammY context per update, with i18n installed as a plugin. */
export type FormContext = Context & I18nFlavor;
