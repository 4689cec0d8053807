import type { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { LANGUAGES } from "../../i18n.ts";

/**
 * Matches a reply-keyboard button by its locale key in every language: after
 * a switch of language the old keyboard may still be on the person's screen.
 */
export function menuButtonLabels(i18n: Pick<I18n, "t">, key: string): Set<string> {
  return new Set(LANGUAGES.map((language) => i18n.t(language, key)));
}

export function isMenuButton(i18n: Pick<I18n, "t">, key: string) {
  const labels = menuButtonLabels(i18n, key);
  return (ctx: Context): boolean => {
    const text = ctx.message?.text;
    return text !== undefined && labels.has(text);
  };
}
