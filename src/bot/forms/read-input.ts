import type { Context } from "grammy";
import type { AnswerInput } from "../../forms/types.ts";
import { formAnswerCallback, formInterruptCallback, formSummaryCallback } from "./callbacks.ts";

export type ReadInput =
  | { kind: "answer"; input: AnswerInput }
  /** a button from an older question (or forged data): explain and ask the current one again */
  | { kind: "stale-button" }
  /** a button of the form's own controls (summary, continue/leave): not an answer, handled downstream */
  | { kind: "control-button" }
  /** nothing to answer with (an edited message, a reaction…): ignore */
  | { kind: "ignore" };

/** Turns any update into an answer to the current question, whatever the person sent. */
export function readAnswerInput(ctx: Context, currentToken: string): ReadInput {
  const data = ctx.callbackQuery?.data;
  if (ctx.callbackQuery) {
    if (
      data !== undefined &&
      (formInterruptCallback.pattern.test(data) || formSummaryCallback.pattern.test(data))
    ) {
      return { kind: "control-button" };
    }
    const parsed = formAnswerCallback.unpack(data);
    if (!parsed || parsed.token !== currentToken) return { kind: "stale-button" };
    return { kind: "answer", input: { kind: "choice", value: parsed.value } };
  }
  const message = ctx.message;
  if (!message) return { kind: "ignore" };
  if (message.text !== undefined)
    return { kind: "answer", input: { kind: "text", text: message.text } };
  if (message.contact) {
    return {
      kind: "answer",
      input: {
        kind: "contact",
        phone: message.contact.phone_number,
        ownContact: message.contact.user_id === ctx.from?.id,
      },
    };
  }
  if (message.photo && message.photo.length > 0) {
    const largest = message.photo[message.photo.length - 1];
    if (largest) {
      return {
        kind: "answer",
        input: {
          kind: "file",
          ...(message.caption ? { caption: message.caption } : {}),
          file: {
            kind: "photo",
            telegramFileId: largest.file_id,
            telegramFileUniqueId: largest.file_unique_id,
            sizeBytes: largest.file_size ?? null,
            mimeType: "image/jpeg",
          },
        },
      };
    }
  }
  if (message.document) {
    return {
      kind: "answer",
      input: {
        kind: "file",
        ...(message.caption ? { caption: message.caption } : {}),
        file: {
          kind: "document",
          telegramFileId: message.document.file_id,
          telegramFileUniqueId: message.document.file_unique_id,
          fileName: message.document.file_name ?? null,
          mimeType: message.document.mime_type ?? null,
          sizeBytes: message.document.file_size ?? null,
        },
      },
    };
  }
  const what = message.sticker
    ? "sticker"
    : message.voice || message.audio || message.video_note
      ? "voice"
      : message.video || message.animation
        ? "video"
        : message.location || message.venue
          ? "location"
          : "other";
  return { kind: "answer", input: { kind: "unsupported", what } };
}
