/**
 * The forms the bot knows, by kind. The engine looks a form up here and
 * never names one; adding a form is adding its definition (src/forms/kinds/)
 * to `defaultForms` and its locale file.
 */
import type { AnyFormDefinition, AnyQuestion } from "./types.ts";

export class FormRegistry {
  private readonly byKind = new Map<string, AnyFormDefinition>();

  constructor(definitions: readonly AnyFormDefinition[]) {
    for (const definition of definitions) {
      if (this.byKind.has(definition.kind))
        throw new Error(`two forms are named ${definition.kind}`);
      const ids = new Set<string>();
      for (const question of definition.questions) {
        if (ids.has(question.id)) {
          throw new Error(`form ${definition.kind}: two questions are named ${question.id}`);
        }
        ids.add(question.id);
      }
      this.byKind.set(definition.kind, definition);
    }
  }

  get(kind: string): AnyFormDefinition | undefined {
    return this.byKind.get(kind);
  }

  all(): AnyFormDefinition[] {
    return [...this.byKind.values()];
  }

  findQuestion(kind: string, questionId: string): AnyQuestion | undefined {
    return this.get(kind)?.questions.find((question) => question.id === questionId);
  }
}
