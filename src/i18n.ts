import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Language } from "./db/schema/index.ts";

export const LANGUAGES: readonly Language[] = ["vi", "en"];
export const DEFAULT_LANGUAGE: Language = "vi";
export const localesDirectory = fileURLToPath(new URL("../locales", import.meta.url));

export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/**
 * The language of a person who has not consented yet (we store nothing about
 * them): English only when their Telegram app says so, Vietnamese otherwise.
 */
export const languageFromTelegram = (code: string | undefined): Language =>
  code?.toLowerCase().startsWith("en") ? "en" : DEFAULT_LANGUAGE;

/**
 * One I18n for the bot, the conversations and the jobs. The negotiator is
 * given by the bot (it knows each person's stored choice); jobs call
 * `i18n.t(language, key, variables)` directly.
 */
export function createI18n<C extends Context>(
  negotiate?: (ctx: C) => Language | undefined,
): I18n<C> {
  return new I18n<C>({
    defaultLocale: DEFAULT_LANGUAGE,
    directory: localesDirectory,
    useSession: false,
    // Fluent wraps variables in invisible Unicode isolation marks by default;
    // they show up as junk in Telegram and break equality in tests.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => negotiate?.(ctx) ?? languageFromTelegram(ctx.from?.language_code),
  });
}

/** Escapes text a person typed before it goes into an HTML message. */
export const escapeHtml = (text: string): string =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
