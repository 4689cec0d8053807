import type { AnyFormDefinition } from "../types.ts";
import { applicationForm } from "./application.ts";
import { decisionForm } from "./decision.ts";
import { eventForm } from "./event.ts";
import { fairRegistrationForm } from "./fair-registration.ts";
import { officerReplyForm, ownerQuestionForm, withdrawalForm } from "./messages.ts";
import { profileForm } from "./profile.ts";
import { supplementForm } from "./supplement.ts";

/**
 * The forms of the bot, in the order "continue my form" looks for a draft
 * left: a bổ sung asked for, an application, then an unfinished profile.
 */
export const defaultForms: readonly AnyFormDefinition[] = [
  supplementForm,
  applicationForm,
  profileForm,
  decisionForm,
  ownerQuestionForm,
  officerReplyForm,
  withdrawalForm,
  fairRegistrationForm,
  eventForm,
];
