import type { I18n } from "@grammyjs/i18n";
import { resumableFormKind } from "../forms/engine.ts";
import type { FormRegistry } from "../forms/registry.ts";
import type { AnyFormDefinition } from "../forms/types.ts";
import type { BotContext } from "./context.ts";
import { menuButtonLabels } from "./filters/menu-button.ts";
import { mainMenuKeyboard } from "./keyboards/main-menu.ts";

/** What a form is called in running text, as a locale key ("thông tin cơ sở"). */
export const formNameKey = (definition: AnyFormDefinition | undefined): string =>
  definition?.names?.form ?? "form-name-default";

/** The main menu's button that resumes a form, as a locale key ("▶️ Điền tiếp thông tin cơ sở"). */
export const resumeButtonKey = (definition: AnyFormDefinition | undefined): string =>
  definition?.names?.resumeButton ?? "menu-resume-default";

/** Every label a "continue" button may have, in every language (any form's, and the default). */
export function resumeButtonLabels(i18n: Pick<I18n, "t">, forms: FormRegistry): Set<string> {
  const keys = new Set([resumeButtonKey(undefined), ...forms.all().map(resumeButtonKey)]);
  return new Set([...keys].flatMap((key) => [...menuButtonLabels(i18n, key)]));
}

/** The form the menu offers to resume: its name in running text and its button's label. */
export interface ResumeOffer {
  form: string;
  button: string;
}

/**
 * Sends a message with the main menu under it, with a button that resumes
 * the form left unfinished (named after that form). `text` may be built
 * from that offer, to tell the person which button to press.
 */
export async function replyWithMainMenu(
  ctx: BotContext,
  text: string | ((resume: ResumeOffer | undefined) => string),
  options: { html?: boolean } = {},
): Promise<void> {
  const kind = ctx.user
    ? await resumableFormKind({ deps: ctx.deps, forms: ctx.deps.forms }, ctx.user.id)
    : undefined;
  const definition = kind ? ctx.deps.forms.get(kind) : undefined;
  const resume = definition
    ? { form: ctx.t(formNameKey(definition)), button: ctx.t(resumeButtonKey(definition)) }
    : undefined;
  await ctx.reply(typeof text === "string" ? text : text(resume), {
    reply_markup: mainMenuKeyboard((key) => ctx.t(key), {
      ...(resume ? { resumeLabel: resume.button } : {}),
    }),
    ...(options.html ? { parse_mode: "HTML" as const } : {}),
  });
}
