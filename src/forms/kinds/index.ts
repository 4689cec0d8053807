import type { AnyFormDefinition } from "../types.ts";
import { applicationForm } from "./application.ts";
import { profileForm } from "./profile.ts";

/**
 * The forms of the bot, in the order "continue my form" looks for a draft
 * left: an application first, then an unfinished profile.
 */
export const defaultForms: readonly AnyFormDefinition[] = [applicationForm, profileForm];
