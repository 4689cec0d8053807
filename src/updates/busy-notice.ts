import type { I18n } from "@grammyjs/i18n";
import { type Api, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { languageFromTelegram } from "../i18n.ts";
import type { Logger } from "../logger.ts";

/**
 * While the database is unreachable, updates cannot be stored, so they stay
 * at Telegram (polling) or are refused with 503 (webhook) and come again.
 * The person who wrote would see nothing; this tells each chat, once per
 * outage, that the bot is busy and will answer in a moment. It goes straight
 * through the Bot API (no database), in the language of the person's
 * Telegram app (their stored choice is in the database we cannot reach).
 *
 * Only people waiting on an answer are told: a message, an edit or a button
 * tap in a private chat (the bot serves people one to one).
 */
export class BusyNotice {
  /** chats told during the current outage */
  private readonly told = new Set<number>();

  constructor(
    private readonly api: Api,
    private readonly i18n: Pick<I18n, "t">,
    private readonly logger: Logger,
  ) {}

  /** The updates could not be stored: tells each of their chats not told yet in this outage. */
  async tell(updates: readonly Update[]): Promise<void> {
    const sends: Promise<void>[] = [];
    for (const update of updates) {
      const context = new Context(update, this.api, {} as UserFromGetMe);
      const chat = context.chat;
      const waiting = context.message ?? context.editedMessage ?? context.callbackQuery;
      if (!waiting || chat?.type !== "private" || this.told.has(chat.id)) continue;
      // marked before sending: concurrent webhook requests of one chat tell it once
      this.told.add(chat.id);
      const language = languageFromTelegram(context.from?.language_code);
      sends.push(
        this.api.sendMessage(chat.id, this.i18n.t(language, "inbox-busy")).then(
          () => undefined,
          (error: unknown) =>
            this.logger.warn({ err: error, chat: chat.id }, "could not tell a chat we are busy"),
        ),
      );
    }
    await Promise.all(sends);
  }

  /** An update was stored: the outage is over, and the next one tells every chat again. */
  recovered(): void {
    this.told.clear();
  }
}
