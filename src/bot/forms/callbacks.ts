import { defineCallback, oneOf, text, token } from "../callback-data.ts";

/**
 * The buttons of a form. Each carries the prompt token of the question (or
 * summary) it belongs to, so a button from an older question is recognised.
 */

/** A choice under a question: its value (a choice's own value may hold ":"). */
export const formAnswerCallback = defineCallback("f", { token: token(), value: text(40) });

/**
 * The form's controls after an interruption: continue, leave (or keep the
 * draft for later), delete the draft (which asks first), and the confirmed
 * deletion.
 */
export const formInterruptCallback = defineCallback("fi", {
  token: token(),
  action: oneOf("continue", "leave", "keep", "delete", "delete-yes"),
});

/** The summary's buttons: submit, later, or "Sửa mục N" (edit a question). */
export const formSummaryCallback = defineCallback("fs", {
  token: token(),
  action: oneOf("submit", "later", "edit"),
  question: text(30),
});

/** Whether a callback belongs to a form at all (answers and controls alike). */
export const isFormCallback = (data: string | undefined): boolean =>
  data !== undefined &&
  [formAnswerCallback, formInterruptCallback, formSummaryCallback].some((codec) =>
    codec.pattern.test(data),
  );
