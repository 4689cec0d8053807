import type { AppDependencies } from "../dependencies.ts";
import type { FormRegistry } from "../forms/registry.ts";

/** What the bot's handlers use: the application's dependencies and the forms it serves. */
export interface BotDependencies extends AppDependencies {
  forms: FormRegistry;
}
