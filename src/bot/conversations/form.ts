import type { Conversation } from "@grammyjs/conversations";
import { communeByCode, communeLabel } from "../../domain/communes.ts";
import { formatPhone } from "../../domain/phone.ts";
import type { FormRecord } from "../../services/forms.ts";
import { loadFormRecord, saveFormAnswer } from "../../services/forms.ts";
import { markQuestionAsked } from "../../services/users.ts";
import type { BotContext, FormContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import type { AnsweredUpdates } from "../forms/answered-updates.ts";
import { MAX_ATTACHMENTS } from "../forms/application-form.ts";
import { FORM_CONVERSATION } from "../forms/conversation-id.ts";
import {
  COMMUNE_BROWSE,
  COMMUNE_PAGE_PREFIX,
  COMMUNE_PAGE_SIZE,
  communeChoices,
} from "../forms/profile-form.ts";
import {
  choiceKeyboard,
  type PromptStep,
  renderMessage,
  renderPrompt,
  sendPrompt,
  tHtml,
} from "../forms/prompt.ts";
import { readAnswerInput } from "../forms/read-input.ts";
import { type AnyQuestion, findQuestion } from "../forms/registry.ts";
import { type FormStep, loadFormStep, questionContext } from "../forms/steps.ts";
import type { QuestionContext } from "../forms/types.ts";

export { FORM_CONVERSATION };

/**
 * "ask": send the current question, then wait for the answer.
 * "answer": the update that entered is already the answer (the conversation's
 * stored state was lost to a deploy that changed its version, or the process
 * restarted before the question was asked inside a conversation).
 */
export type FormEntry = "ask" | "answer";

/**
 * One question of a form. The draft in the database is the source of truth:
 * the conversation loads the current question from it, waits for an answer
 * (asking again after bad input), writes the answer to it, and ends. Its
 * replay log therefore holds one question's updates, never the whole form.
 */
export function createFormConversation(deps: BotDependencies, answered: AnsweredUpdates) {
  return async function form(
    conversation: Conversation<BotContext, FormContext>,
    ctx: FormContext,
    entry: FormEntry,
  ) {
    const userId = ctx.from?.id;
    if (userId === undefined) return;
    const step = await conversation.external(() => loadFormStep(deps, userId));
    const questionId = step?.openForm.questionId ?? null;
    const question = step && questionId ? findQuestion(step.openForm.kind, questionId) : undefined;
    if (!step || !question) {
      // Nothing to ask here (the summary is shown, the form closed, or the question no longer exists):
      // let the router downstream decide.
      answered.add(ctx.update.update_id);
      await conversation.halt({ next: true });
      return;
    }
    const context = questionContext(deps, step.env);
    let form: FormRecord = step.form;
    const promptStep = () => ({ form, token: step.openForm.promptToken, context });

    let current = ctx;
    // Both derive from the updates alone, so every replay takes the same branches.
    let refusedGroup: string | undefined;
    let lastAck: { group: string; messageId: number } | undefined;
    // Messages of this question that carry buttons: the buttons go once it is answered.
    const promptIds: number[] = step.openForm.promptMessageId
      ? [step.openForm.promptMessageId]
      : [];
    const ask = async (on: FormContext) => {
      const id = await sendPrompt(on, promptStep(), question);
      if (id !== undefined) promptIds.push(id);
      return id;
    };
    if (entry === "ask") {
      const id = await ask(ctx);
      await conversation.external(() =>
        markQuestionAsked(deps.db, userId, step.openForm.promptToken, id),
      );
      current = await conversation.wait();
    }
    for (;;) {
      const read = readAnswerInput(current, step.openForm.promptToken);
      if (read.kind === "control-button") {
        // Leave the update to the form controls downstream; keep waiting for the answer.
        await conversation.skip({ next: true });
        return;
      }
      if (read.kind === "ignore") {
        current = await conversation.wait();
        continue;
      }
      if (read.kind === "stale-button") {
        await current.answerCallbackQuery({ text: current.t("form-old-button") });
        await ask(current);
        current = await conversation.wait();
        continue;
      }
      const input = read.input;
      if (
        input.kind === "choice" &&
        (input.value === COMMUNE_BROWSE || input.value.startsWith(COMMUNE_PAGE_PREFIX))
      ) {
        await current.answerCallbackQuery();
        await showCommunePage(current, context, step.openForm.promptToken, input.value);
        current = await conversation.wait();
        continue;
      }
      const outcome = question.accept(input, form.record, context);
      if (current.callbackQuery) await current.answerCallbackQuery();
      if (!outcome.ok) {
        // An album sent to a text question: explain once, not once per photo.
        const group = current.message?.media_group_id;
        if (group !== undefined && group === refusedGroup) {
          current = await conversation.wait();
          continue;
        }
        refusedGroup = group;
        if ("clarify" in outcome) {
          await current.reply(renderMessage(current, outcome.clarify), {
            parse_mode: "HTML",
            reply_markup: choiceKeyboard(current, step.openForm.promptToken, outcome.choices, 2),
          });
        } else {
          await current.reply(renderMessage(current, outcome.error), { parse_mode: "HTML" });
          await ask(current);
        }
        current = await conversation.wait();
        continue;
      }
      const saved = await conversation.external(async () => {
        await saveFormAnswer(deps.db, step.openForm, userId, outcome.patch);
        return (await loadFormRecord(deps.db, step.openForm, userId)) ?? null;
      });
      if (!saved) {
        answered.add(current.update.update_id);
        await conversation.halt({ next: true });
        return;
      }
      form = saved;
      await acknowledgeAnswer(current, question, promptStep(), step.form, promptIds);
      if (!outcome.keepAsking) await removeButtons(current, promptIds);
      for (const notice of outcome.notices ?? []) {
        await current.reply(renderMessage(current, notice), { parse_mode: "HTML" });
      }
      if (outcome.keepAsking) {
        // One more file: a short acknowledgement with the "Xong" button, not the whole question again.
        // The photos of an album arrive one by one: one acknowledgement, updated, not one per photo.
        const choices = question.choices?.(form.record, context) ?? [];
        const ack = tHtml(current, "attachments-received", {
          count: fileCountOf(form),
          max: MAX_ATTACHMENTS,
        });
        const keyboard = choiceKeyboard(current, step.openForm.promptToken, choices);
        const group = current.message?.media_group_id;
        if (group !== undefined && lastAck?.group === group && current.chat) {
          await current.api
            .editMessageText(current.chat.id, lastAck.messageId, ack, {
              parse_mode: "HTML",
              reply_markup: keyboard,
            })
            .catch(() => undefined);
        } else {
          const sent = await current.reply(ack, { parse_mode: "HTML", reply_markup: keyboard });
          lastAck = group === undefined ? undefined : { group, messageId: sent.message_id };
        }
        current = await conversation.wait();
        continue;
      }
      answered.add(current.update.update_id);
      await conversation.halt({ next: true });
      return;
    }
  };
}

/**
 * Shows what was understood, so a person sees their answer was taken: a
 * pressed button's question is rewritten with the choice and loses its
 * buttons (so they cannot be pressed twice).
 */
async function acknowledgeAnswer(
  ctx: FormContext,
  question: AnyQuestion,
  step: PromptStep,
  asked: FormRecord,
  promptIds: number[],
): Promise<void> {
  const form = step.form;
  const pressed = ctx.callbackQuery?.message;
  if (pressed && !promptIds.includes(pressed.message_id)) {
    // A list offered along the way (communes to pick from): its buttons go, the notice confirms the choice.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
  } else if (pressed) {
    const chosen = question.display(form.record, step.context, (key, vars) => ctx.t(key, vars));
    if (chosen && question.id !== "attachments") {
      const { text } = renderPrompt(ctx, { ...step, form: asked }, question);
      await ctx
        .editMessageText(`${text}\n\n✅ ${tHtml(ctx, "form-chosen", { value: chosen })}`, {
          parse_mode: "HTML",
        })
        .catch(() => undefined);
    } else {
      await ctx.editMessageReplyMarkup().catch(() => undefined);
    }
  }
  if (question.requestContact && form.kind === "profile" && form.record.phone) {
    // Take the phone button away; the main menu comes back when the form ends.
    await ctx.reply(tHtml(ctx, "phone-saved", { phone: formatPhone(form.record.phone) }), {
      parse_mode: "HTML",
      reply_markup: { remove_keyboard: true },
    });
  }
}

/** The whole commune list, a page of buttons at a time, for people who prefer not to type. */
async function showCommunePage(
  ctx: FormContext,
  context: QuestionContext,
  token: string,
  value: string,
): Promise<void> {
  // Decided from the button's data, never from translated text: the replay must take the same branch
  // whatever the language is now.
  const fromList = value.startsWith(COMMUNE_PAGE_PREFIX);
  const page = fromList ? Number(value.slice(COMMUNE_PAGE_PREFIX.length)) : 0;
  const communes = [...context.province.communes].sort((a, b) =>
    a.name.localeCompare(b.name, "vi"),
  );
  const pages = Math.max(1, Math.ceil(communes.length / COMMUNE_PAGE_SIZE));
  const current = Number.isInteger(page) ? Math.min(Math.max(page, 0), pages - 1) : 0;
  const slice = communes.slice(current * COMMUNE_PAGE_SIZE, (current + 1) * COMMUNE_PAGE_SIZE);
  const label = (code: string) => {
    const commune = communeByCode(context.province, code);
    return commune ? communeLabel(commune) : code;
  };
  const choices = communeChoices(
    slice.map((c) => c.code),
    label,
  );
  const keyboard = choiceKeyboard(ctx, token, choices, 2);
  keyboard.row();
  if (current > 0)
    keyboard.text(ctx.t("commune-previous"), `f:${token}:${COMMUNE_PAGE_PREFIX}${current - 1}`);
  if (current < pages - 1)
    keyboard.text(ctx.t("commune-next"), `f:${token}:${COMMUNE_PAGE_PREFIX}${current + 1}`);
  const text = ctx.t("commune-page", { page: current + 1, pages });
  if (fromList) {
    await ctx.editMessageText(text, { reply_markup: keyboard }).catch(() => undefined);
  } else {
    await ctx.reply(text, { reply_markup: keyboard });
  }
}

/** Takes the buttons off this question's other messages (the pressed one was rewritten already). */
async function removeButtons(ctx: FormContext, messageIds: number[]): Promise<void> {
  const pressed = ctx.callbackQuery?.message?.message_id;
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  for (const id of new Set(messageIds)) {
    if (id !== pressed) await ctx.api.editMessageReplyMarkup(chatId, id).catch(() => undefined);
  }
}

const fileCountOf = (form: FormRecord): number =>
  form.kind === "application" ? form.record.fileCount : 0;

export type { FormStep };
