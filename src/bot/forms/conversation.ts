import type { Conversation } from "@grammyjs/conversations";
import {
  type FormStep,
  isQuestionOpen,
  loadStep,
  markQuestionAsked,
  questionContext,
  saveAnswer,
} from "../../forms/engine.ts";
import type { Message } from "../../forms/types.ts";
import type { BotContext, FormContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import type { AnsweredUpdates } from "./answered-updates.ts";
import { FORM_CONVERSATION } from "./conversation-id.ts";
import {
  choiceKeyboard,
  type PromptLead,
  type PromptStep,
  renderMessage,
  sendPrompt,
} from "./prompt.ts";
import { readAnswerInput } from "./read-input.ts";
import {
  acknowledgeOneMore,
  acknowledgePress,
  askConfirmation,
  type Confirmation,
  chosenLine,
  keptLine,
  leadAfterAnswer,
  promptText,
  removeButtons,
  showPage,
} from "./replies.ts";
import { readReservedValue } from "./reserved-values.ts";

export { FORM_CONVERSATION };

/**
 * "ask": send the current question, then wait for the answer.
 * "answer": the update that entered is already the answer (the conversation's
 * stored state was lost to a deploy that changed its version, or the process
 * restarted before the question was asked inside a conversation).
 */
export type FormEntry = "ask" | "answer";

/** An answer read back and waiting for the person's tap: saved only once confirmed. */
interface PendingAnswer {
  confirmation: Confirmation;
  number: number;
  messageId: number;
}

/**
 * One question of any form. The draft in the database is the source of
 * truth: the conversation loads the open question from it, waits for an
 * answer (asking again after bad input, reading back an answer worth a
 * second look), saves the answer bound to its question (forms/engine.ts),
 * and ends. Its replay log therefore holds one question's updates, never the
 * whole form. The router downstream then shows whatever the form stands at
 * (the next question, or the summary), led by what the answer caused: one
 * message per answer.
 *
 * An answer waiting for its confirmation lives in this conversation's own
 * state (replayed from the updates); the database never holds it.
 */
export function createFormConversation(deps: BotDependencies, answered: AnsweredUpdates) {
  const services = { deps, forms: deps.forms };
  return async function form(
    conversation: Conversation<BotContext, FormContext>,
    ctx: FormContext,
    entry: FormEntry,
    lead?: PromptLead,
  ) {
    const userId = ctx.from?.id;
    if (userId === undefined) return;
    const step: FormStep | undefined = await conversation.external(() =>
      loadStep(services, userId),
    );
    const definition = step ? deps.forms.get(step.openForm.kind) : undefined;
    const questionId = step?.openForm.questionId ?? null;
    const question =
      step && questionId ? deps.forms.findQuestion(step.openForm.kind, questionId) : undefined;
    if (!step || !definition || !question || questionId === null) {
      // Nothing to ask here (the summary is shown, the form closed, or the question no longer
      // exists): let the router downstream decide.
      answered.add(ctx.update.update_id);
      await conversation.halt({ next: true });
      return;
    }
    const context = questionContext(deps, step);
    const token = step.openForm.promptToken;
    const editing = step.openForm.editing === true;
    let record = step.record;
    const promptStep = (): PromptStep => ({ definition, record, token, context, editing });
    /** Ends the conversation and lets the router show where the form stands now. */
    const handOver = async (on: FormContext, next?: PromptLead) => {
      answered.add(on.update.update_id, next);
      await conversation.halt({ next: true });
    };

    let current = ctx;
    // All of these derive from the updates alone, so every replay takes the same branches.
    let refusedGroup: string | undefined;
    let lastAck: { group: string; messageId: number } | undefined;
    let pending: PendingAnswer | undefined;
    let confirmations = 0;
    // Messages of this question that carry buttons: the buttons go once it is answered.
    const promptIds: number[] = step.openForm.promptMessageId
      ? [step.openForm.promptMessageId]
      : [];
    const ask = async (on: FormContext, withLead?: PromptLead) => {
      const sent = await sendPrompt(on, promptStep(), question, withLead);
      if (sent.buttonsMessageId !== undefined) promptIds.push(sent.buttonsMessageId);
      return sent;
    };
    const sayThenAsk = async (on: FormContext, message: Message) => {
      await on.reply(renderMessage(on, message), { parse_mode: "HTML" });
      await ask(on);
    };
    /** Waits for the next update; if meanwhile the form moved on (another device, a crash), hands over. */
    const next = async (): Promise<FormContext | undefined> => {
      const update = await conversation.wait();
      const open = await conversation.external(() => isQuestionOpen(deps.db, userId, token));
      if (open) return update;
      await handOver(update);
      return undefined;
    };
    /**
     * Saves an answer: "done" once the conversation handed over (the answer
     * moved the form on, or the question closed meanwhile), "more" when the
     * question takes another answer or was asked again.
     */
    const save = async (
      on: FormContext,
      patch: unknown,
      notices: Message[],
      options: {
        keepAsking?: boolean;
        keep?: boolean;
        /** the line written under the pressed message, from the question as asked and the record after */
        pressed?: (asked: PromptStep, after: unknown) => string | undefined;
      },
    ): Promise<"done" | "more"> => {
      const target = { userId, token, questionId, updateId: on.update.update_id };
      const saved = await conversation.external(() =>
        saveAnswer(services, target, patch, {
          ...(options.keepAsking ? { keepAsking: true } : {}),
          ...(options.keep ? { keep: true } : {}),
        }),
      );
      if (saved.kind === "refused") {
        await sayThenAsk(on, saved.error);
        return "more";
      }
      if (saved.kind !== "saved") {
        // Not saved: the question closed meanwhile, or this update's answer was saved before.
        await handOver(on);
        return "done";
      }
      const asked = promptStep();
      record = saved.step.record;
      const line = options.pressed?.(asked, record);
      await acknowledgePress(on, line === undefined ? undefined : pressedText(on, asked), line);
      if (options.keepAsking) {
        lastAck = await acknowledgeOneMore(on, question, promptStep(), lastAck, notices);
        return "more";
      }
      await removeButtons(on, promptIds);
      await handOver(on, leadAfterAnswer(question, notices, editing));
      return "done";
    };
    /** The text of the pressed message as it was sent: the question, or the read-back. */
    const pressedText = (on: FormContext, asked: PromptStep): string | undefined => {
      const id = on.callbackQuery?.message?.message_id;
      if (pending && id === pending.messageId)
        return renderMessage(on, pending.confirmation.message);
      return id !== undefined && promptIds.includes(id)
        ? promptText(on, asked, question)
        : undefined;
    };

    if (entry === "ask") {
      const sent = await ask(ctx, lead);
      await conversation.external(() => markQuestionAsked(deps.db, userId, token, sent));
      const update = await next();
      if (!update) return;
      current = update;
    }
    for (;;) {
      const read = readAnswerInput(current, token);
      if (read.kind === "control-button") {
        // Leave the update to the form controls downstream; keep waiting for the answer.
        await conversation.skip({ next: true });
        return;
      }
      if (read.kind === "stale-button") {
        await current.answerCallbackQuery({ text: current.t("form-old-button") });
        await ask(current);
      } else if (read.kind === "answer") {
        const input = read.input;
        const reserved = input.kind === "choice" ? readReservedValue(input.value) : undefined;
        if (input.kind === "choice" && question.pager?.isPageRequest(input.value)) {
          await current.answerCallbackQuery();
          await showPage(current, question, context, token, input.value);
        } else if (reserved?.kind === "keep") {
          // "Giữ nguyên": the answer being changed stays as it was; back to the summary.
          await current.answerCallbackQuery();
          if (!editing || !question.isAnswered(record)) {
            await ask(current);
          } else {
            const kept = {
              keep: true,
              pressed: (asked: PromptStep) => keptLine(current, question, asked),
            };
            if ((await save(current, undefined, [], kept)) === "done") return;
          }
        } else if (reserved?.kind === "confirm") {
          if (pending && pending.number !== reserved.number) {
            // The button of an earlier read-back: the answer waiting now is another one.
            await current.answerCallbackQuery({ text: current.t("form-old-button") });
            await acknowledgePress(current, undefined, undefined);
          } else if (!pending) {
            // Nothing waits (the conversation was lost to a deploy): the answer is asked again.
            await current.answerCallbackQuery();
            await acknowledgePress(current, undefined, undefined);
            await sayThenAsk(current, { key: "form-confirm-expired" });
          } else if (reserved.answer === "no") {
            await current.answerCallbackQuery();
            await acknowledgePress(current, undefined, undefined);
            pending = undefined;
            await ask(current);
          } else {
            await current.answerCallbackQuery();
            const { confirmation } = pending;
            const confirmed = { pressed: () => `✅ ${current.t("form-confirmed")}` };
            if (
              (await save(current, confirmation.patch, confirmation.notices ?? [], confirmed)) ===
              "done"
            )
              return;
          }
        } else {
          const outcome = question.accept(input, record, context);
          if (current.callbackQuery) await current.answerCallbackQuery();
          if (pending) {
            // A new answer replaces the one read back: its buttons go.
            await removeButtons(current, [pending.messageId]);
            pending = undefined;
          }
          if (outcome.ok === false) {
            // An album sent to a text question: explain once, not once per photo.
            const group = current.message?.media_group_id;
            if (group === undefined || group !== refusedGroup) {
              refusedGroup = group;
              if ("clarify" in outcome) {
                const lines = [outcome.clarify, ...(outcome.details ?? [])];
                await current.reply(lines.map((line) => renderMessage(current, line)).join("\n"), {
                  parse_mode: "HTML",
                  reply_markup: choiceKeyboard(
                    current,
                    token,
                    outcome.choices,
                    outcome.choices.length > 4 ? 2 : 1,
                  ),
                });
              } else {
                await sayThenAsk(current, outcome.error);
              }
            }
          } else if (outcome.ok === "confirm") {
            confirmations += 1;
            const messageId = await askConfirmation(current, token, confirmations, outcome);
            pending = { confirmation: outcome, number: confirmations, messageId };
            promptIds.push(messageId);
          } else {
            const choice = input.kind === "choice" ? input.value : undefined;
            const result = await save(current, outcome.patch, outcome.notices ?? [], {
              ...(outcome.keepAsking ? { keepAsking: true } : {}),
              ...(choice === undefined || question.multiple
                ? {}
                : {
                    pressed: (asked: PromptStep, after: unknown) =>
                      chosenLine(current, question, asked, after, choice),
                  }),
            });
            if (result === "done") return;
          }
        }
      }
      // After bad input, a page, an old button, a read-back, one more file: wait again.
      const update = await next();
      if (!update) return;
      current = update;
    }
  };
}
