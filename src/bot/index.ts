import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AppDependencies } from "../dependencies.ts";
import { defaultForms } from "../forms/kinds/index.ts";
import { FormRegistry } from "../forms/registry.ts";
import type { AnyFormDefinition } from "../forms/types.ts";
import { createI18n } from "../i18n.ts";
import type { BotContext, FormContext } from "./context.ts";
import { conversationStorageAdapter } from "./conversation-storage.ts";
import type { BotDependencies } from "./dependencies.ts";
import { applicationsFeature } from "./features/applications.ts";
import { chatMemberFeature } from "./features/chat-member.ts";
import { eventsFeature } from "./features/events.ts";
import { formControls, formRouter, formsFeature } from "./features/forms.ts";
import { helpFeature } from "./features/help.ts";
import { languageFeature } from "./features/language.ts";
import { personalDataFeature } from "./features/personal-data.ts";
import { reportsFeature } from "./features/reports.ts";
import { replyByQuoteFeature, reviewActionsFeature } from "./features/review/actions.ts";
import { inboxFeature } from "./features/review/inbox.ts";
import { officerInviteLinks, officersFeature } from "./features/review/officers.ts";
import { reminderButtonsFeature, settingsFeature } from "./features/settings.ts";
import { startFeature } from "./features/start.ts";
import { unhandledFeature } from "./features/unhandled.ts";
import { AnsweredUpdates } from "./forms/answered-updates.ts";
import { createFormConversation, FORM_CONVERSATION } from "./forms/conversation.ts";
import { createFormInterrupts } from "./forms/interrupts.ts";
import { errorHandler } from "./handlers/error.ts";
import { LanguageRegistry, loadUser } from "./middlewares/load-user.ts";
import { sanitize } from "./middlewares/sanitize.ts";
import { retryingFetch } from "./retrying-fetch.ts";

export interface BotOptions {
  /** the Bot API server (Telegram's, a local one, or a test double) */
  apiRoot?: string;
  /** replaces fetch for every API call, inside conversations too (tests) */
  fetch?: typeof fetch;
  /** skips getMe at start (tests, benchmarks) */
  botInfo?: UserFromGetMe;
  /** retry on 429/5xx/network errors; tests turn it off to see Telegram's errors */
  autoRetry?: boolean;
  /** overrides CONVERSATION_STATE_VERSION (tests of a deploy that changed the form's code) */
  conversationVersion?: number;
  /** forms served besides the default ones (a test's own form) */
  extraForms?: readonly AnyFormDefinition[];
}

/**
 * Bump when the form conversation's code changes shape: stored states of the
 * old version are dropped, and the form resumes from the draft in the
 * database (the next message is taken as the answer to the open question).
 */
export const CONVERSATION_STATE_VERSION = 2;

export function createBot(
  appDependencies: AppDependencies,
  options: BotOptions = {},
): Bot<BotContext> {
  const deps: BotDependencies = {
    ...appDependencies,
    forms: new FormRegistry([...defaultForms, ...(options.extraForms ?? [])]),
  };
  const baseFetch = options.fetch ?? globalThis.fetch;
  const bot = new Bot<BotContext>(deps.config.botToken, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: {
      ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
      // Client options reach inside conversations, so retries live in fetch (see retrying-fetch.ts).
      fetch: (options.autoRetry === false ? baseFetch : retryingFetch(baseFetch)) as never,
    },
  });

  const registry = new LanguageRegistry();
  const i18n = createI18n<BotContext>((ctx) => registry.get(ctx.from?.id));
  const formI18n = createI18n<FormContext>((ctx) => registry.get(ctx.from?.id));
  const answered = new AnsweredUpdates();

  bot.use(sanitize);
  // One chat's updates never race on its form state, within this process; across processes the
  // update inbox gives a chat to one worker at a time (src/updates/).
  bot.use(sequentialize((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  const guarded = bot.errorBoundary(errorHandler);
  guarded.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.logger = deps.logger.child({ update_id: ctx.update.update_id });
    await next();
  });
  guarded.use(chatMemberFeature(deps));
  // An update no person sent (a channel post, a poll) or sent on behalf of a chat (sender_chat)
  // is nobody talking to us: ignored politely (a button still gets its answer).
  guarded.use(async (ctx, next) => {
    if (ctx.from !== undefined && !ctx.msg?.sender_chat) return next();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  });
  // The officers' group: cards and questions arrive there too; a press is checked against the
  // presser's own role, and anything that needs typing continues in their private chat.
  const officersGroup = guarded.filter(
    (ctx) => deps.config.officerChatId !== undefined && ctx.chat?.id === deps.config.officerChatId,
  );
  officersGroup.use(
    loadUser(registry),
    i18n,
    replyByQuoteFeature(deps),
    reviewActionsFeature(deps),
  );
  officersGroup.on("callback_query", (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t("unhandled-callback") }),
  );
  // Everything else is served one to one: forms, profiles and applications are private. A button
  // pressed anywhere else (a group, an inline message) is still answered, so it stops spinning.
  guarded.use(async (ctx, next) => {
    if (ctx.chat?.type === "private") return next();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  });
  guarded.use(loadUser(registry));
  guarded.use(i18n);
  guarded.use(officerInviteLinks());
  guarded.use(startFeature(registry));
  guarded.use(
    conversations<BotContext, FormContext>({
      storage: {
        type: "key",
        version: options.conversationVersion ?? CONVERSATION_STATE_VERSION,
        prefix: "conversation:",
        adapter: conversationStorageAdapter(deps.db),
      },
      // Inside a conversation: our language (read from the registry the outer middleware keeps fresh).
      plugins: [formI18n],
    }),
  );
  // Before the conversation, so they work in the middle of a form.
  guarded.use(replyByQuoteFeature(deps));
  guarded.use(languageFeature(deps, registry));
  guarded.use(settingsFeature(deps));
  guarded.use(createFormInterrupts(deps.i18n));
  guarded.use(
    createConversation(createFormConversation(deps, answered), { id: FORM_CONVERSATION }),
  );
  guarded.use(formRouter(answered));
  guarded.use(formControls());
  guarded.use(formsFeature(deps));
  guarded.use(applicationsFeature(deps));
  guarded.use(eventsFeature(deps));
  guarded.use(reminderButtonsFeature(deps));
  guarded.use(reviewActionsFeature(deps));
  guarded.use(inboxFeature(deps));
  guarded.use(officersFeature(deps));
  guarded.use(reportsFeature(deps));
  guarded.use(personalDataFeature(deps));
  guarded.use(helpFeature(deps));
  guarded.use(unhandledFeature());
  return bot;
}

export type { Context };
