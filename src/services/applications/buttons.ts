/**
 * The buttons an application's messages carry, shared by the services that
 * queue those messages (cards, notices) and the bot features that handle a
 * press. Callback data names an application and an action, never who may do
 * it: the role and the ownership are checked on every press.
 */
import { defineCallback, int, oneOf } from "../../callback-data.ts";
import { APPLICATION_STATUSES } from "../../domain/application-status.ts";

/** An officer's action on an application, with the status it was offered at (two officers at once). */
export const REVIEW_ACTIONS = [
  "view",
  "receive",
  "review",
  "need-info",
  "reject",
  "approve",
  "forward",
  "not-selected",
  "implement",
  "accept",
  "disburse",
  "reply",
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const reviewCallback = defineCallback("rv", {
  action: oneOf(...REVIEW_ACTIONS),
  id: int(999_999_999),
  at: oneOf(...APPLICATION_STATUSES),
});

/** An owner's action on their own application. */
export const ownerApplicationCallback = defineCallback("own", {
  action: oneOf(
    "view",
    "files",
    "withdraw",
    "withdraw-yes",
    "supplement",
    "transfer",
    "transfer-yes",
    "ask",
  ),
  id: int(999_999_999),
});
