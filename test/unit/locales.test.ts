import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { BOT_COMMANDS } from "../../src/bot/commands.ts";
import { MAIN_MENU_KEYS } from "../../src/bot/keyboards/main-menu.ts";
import { loadProvince } from "../../src/data/load-province.ts";
import { APPLICATION_STATUSES } from "../../src/domain/application-status.ts";
import { SUPPORT_CATEGORY_IDS } from "../../src/domain/support-categories.ts";
import { applicationForm } from "../../src/forms/kinds/application.ts";
import { DECISIONS_WITH_INPUT } from "../../src/forms/kinds/decision.ts";
import { defaultForms } from "../../src/forms/kinds/index.ts";
import { profileForm } from "../../src/forms/kinds/profile.ts";
import { helpKeyOf, questionLabel } from "../../src/forms/progress.ts";
import { localesDirectory } from "../../src/i18n.ts";
import { REVIEW_ACTIONS } from "../../src/services/applications/buttons.ts";

/**
 * Every text a person reads comes from locales/: a key used in the code must
 * exist in Vietnamese and in English, and both languages hold the same keys.
 */

const LANGUAGES = ["vi", "en"] as const;

function loadBundle(language: string): { bundle: FluentBundle; keys: Set<string> } {
  const bundle = new FluentBundle(language, { useIsolating: false });
  const keys = new Set<string>();
  const folder = join(localesDirectory, language);
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".ftl"))) {
    const resource = new FluentResource(readFileSync(join(folder, file), "utf8"));
    const errors = bundle.addResource(resource);
    expect(errors, `${language}/${file}`).toEqual([]);
    for (const message of resource.body) keys.add(message.id);
  }
  return { bundle, keys };
}

const bundles = Object.fromEntries(LANGUAGES.map((language) => [language, loadBundle(language)]));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Keys written literally in the code: t("x"), tHtml(ctx, "x"), i18n.t(lang, "x"), key: "x", promptKey: "x", isMenuButton(i18n, "x"). */
function literalKeys(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\bt\(\s*"([a-z][a-z0-9_-]+)"/g,
    /\btHtml\(\s*\w+,\s*"([a-z][a-z0-9_-]+)"/g,
    /\.t\(\s*[\w.]+,\s*"([a-z][a-z0-9_-]+)"/g,
    /\b(?:key|promptKey):\s*"([a-z][a-z0-9_-]+)"/g,
    /(?:isMenuButton|menuButtonLabels)\(\s*[\w.]+,\s*"([a-z][a-z0-9_-]+)"/g,
  ];
  const root = new URL("../../src", import.meta.url).pathname;
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, "utf8");
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        // i18n.t("vi", key): the first argument is a language, not a key
        if (match[1] && !(LANGUAGES as readonly string[]).includes(match[1]))
          found.set(match[1], file);
      }
    }
  }
  return found;
}

/** Keys built at run time from data: each family enumerated from the data it is built from. */
function dynamicKeys(): string[] {
  const keys: string[] = [];
  for (const form of defaultForms) {
    for (const question of form.questions) {
      keys.push(question.promptKey, helpKeyOf(question));
      if (!question.hiddenInSummary) keys.push(questionLabel(form, question).key);
    }
    keys.push(form.summary.footer({} as never, {} as never).key);
  }
  const province = loadProvince("lang-son");
  const context = {
    province,
    nowIso: "2026-11-23T00:00:00Z",
    timeZone: "Asia/Ho_Chi_Minh",
    facts: { planYear: 2028, needsEligibility: true },
  };
  const emptyApplication = {
    id: 1,
    code: null,
    establishmentId: 1,
    planYear: 2028,
    program: null,
    category: null,
    title: null,
    description: null,
    totalCost: "600000000",
    requestedSupport: "200000000",
    counterpartFunds: null,
    periodStart: null,
    periodEnd: null,
    expectedResults: null,
    attachmentsDone: false,
    fileCount: 1,
    eligibility: null,
    status: "draft" as const,
  };
  for (const question of applicationForm.questions) {
    for (const choice of question.choices?.(emptyApplication, context) ?? [])
      keys.push(choice.label.key);
    for (const value of [{ ...emptyApplication, fileCount: 0 }]) {
      for (const choice of question.choices?.(value, context) ?? []) keys.push(choice.label.key);
    }
  }
  for (const question of profileForm.questions) {
    for (const choice of question.choices?.({} as never, { ...context, facts: {} }) ?? [])
      keys.push(choice.label.key);
  }
  keys.push(...APPLICATION_STATUSES.map((status) => `status-${status}`));
  keys.push(
    ...SUPPORT_CATEGORY_IDS.flatMap((id) => [`category-${id}`, `category-${id}-description`]),
  );
  keys.push(
    ...["industrial", "location", "legal-form", "size"].map((id) => `eligibility-warning-${id}`),
  );
  keys.push(
    ...["sticker", "photo", "voice", "video", "document", "location", "other"].map(
      (what) => `form-expected-text-got-${what}`,
    ),
  );
  // The officers' review: notices per status, card buttons per action, decisions per kind.
  const officerStatuses = APPLICATION_STATUSES.filter(
    (status) => !["draft", "submitted", "withdrawn"].includes(status),
  );
  keys.push(...officerStatuses.map((status) => `owner-notice-${status}`));
  keys.push("officer-owner-withdrawn");
  keys.push(...REVIEW_ACTIONS.map((action) => `card-button-${action}`));
  for (const to of DECISIONS_WITH_INPUT) {
    keys.push(`decision-summary-${to}`, `decision-done-${to}`);
  }
  keys.push(...["approved", "accepted", "disbursed"].map((to) => `decision-amount-over-${to}`));
  keys.push(...SUPPORT_CATEGORY_IDS.map((id) => `category-short-${id}`));
  keys.push("role-officer", "role-admin");
  keys.push(...["officer", "already", "invalid"].map((result) => `officers-redeem-${result}`));
  keys.push(...MAIN_MENU_KEYS);
  keys.push(...BOT_COMMANDS.map((command) => `command-${command}`));
  return keys;
}

describe("locale files", () => {
  it("parse without errors and hold the same keys in Vietnamese and English", () => {
    const vi = [...(bundles.vi?.keys ?? [])].sort();
    const en = [...(bundles.en?.keys ?? [])].sort();
    expect(en).toEqual(vi);
  });

  it.each(LANGUAGES)(
    "has every key the code uses, literally or built from data (%s)",
    (language) => {
      const keys = bundles[language]?.keys ?? new Set<string>();
      const missing: string[] = [];
      for (const [key, file] of literalKeys())
        if (!keys.has(key)) missing.push(`${key} (${file.split("/src/")[1]})`);
      for (const key of dynamicKeys()) if (!keys.has(key)) missing.push(key);
      expect(missing).toEqual([]);
    },
  );

  it("finds the literal keys it checks (the scan itself works)", () => {
    const keys = literalKeys();
    expect(keys.has("consent-question")).toBe(true);
    expect(keys.has("form-old-button")).toBe(true);
    expect(keys.size).toBeGreaterThan(80);
  });

  it("speaks to owners as Anh/Chị in Vietnamese questions", () => {
    const bundle = bundles.vi?.bundle;
    const message = bundle?.getMessage("consent-question");
    expect(message?.value && bundle?.formatPattern(message.value)).toContain("Anh/Chị");
  });
});
