import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { BOT_COMMANDS } from "../../src/bot/commands.ts";
import { MAIN_MENU_KEYS } from "../../src/bot/keyboards/main-menu.ts";
import { formNameKey, resumeButtonKey } from "../../src/bot/main-menu.ts";
import { loadProvince } from "../../src/data/load-province.ts";
import { APPLICATION_STATUSES } from "../../src/domain/application-status.ts";
import { PROFILE_CONCERNS } from "../../src/domain/eligibility.ts";
import { SUPPORT_CATEGORY_IDS } from "../../src/domain/support-categories.ts";
import { applicationForm } from "../../src/forms/kinds/application.ts";
import { DECISIONS_WITH_INPUT } from "../../src/forms/kinds/decision.ts";
import { defaultForms } from "../../src/forms/kinds/index.ts";
import { profileForm } from "../../src/forms/kinds/profile.ts";
import { COMMUNE_PAGE_PREFIX } from "../../src/forms/kinds/profile-commune.ts";
import { helpKeyOf, questionLabel } from "../../src/forms/progress.ts";
import type { Choice } from "../../src/forms/types.ts";
import { localesDirectory } from "../../src/i18n.ts";
import { REVIEW_ACTIONS } from "../../src/services/applications/buttons.ts";
import { phoneFitProblems } from "../support/phone-fit.ts";

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
    keys.push(formNameKey(form), resumeButtonKey(form));
  }
  keys.push(formNameKey(undefined), resumeButtonKey(undefined));
  const province = loadProvince("lang-son");
  const context = {
    province,
    nowIso: "2026-11-23T00:00:00Z",
    timeZone: "Asia/Ho_Chi_Minh",
    facts: {
      planYear: 2028,
      needsEligibility: true,
      establishment: {
        legalForm: "cooperative" as const,
        communeKind: "xa" as const,
        communeCode: "06211",
        workers: 500,
      },
    },
  };
  const emptyApplication = {
    id: 1,
    code: null,
    establishmentId: 1,
    planYear: 2028,
    program: "local" as const,
    category: "machinery",
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
    for (const record of [{}, { legalForm: "household-business" }]) {
      for (const choice of question.choices?.(record as never, { ...context, facts: {} }) ?? [])
        keys.push(
          choice.label.key,
          ...(choice.acknowledgement ? [choice.acknowledgement.key] : []),
        );
    }
  }
  // Notes, warnings and the summary's closing of an application above its caps, screened "no".
  const screenedNo = {
    ...emptyApplication,
    requestedSupport: "500000000",
    counterpartFunds: "1",
    eligibility: { industrial: false, capital: false },
  };
  for (const question of applicationForm.questions) {
    for (const note of question.promptNotes?.(screenedNo, context) ?? []) keys.push(note.key);
    for (const warning of applicationForm.summary.rowWarnings?.(question.id, screenedNo, context) ??
      [])
      keys.push(warning.key);
  }
  for (const line of applicationForm.summary.closing?.(screenedNo, context) ?? [])
    keys.push(line.key);
  keys.push(...PROFILE_CONCERNS.map((concern) => `eligibility-concern-${concern}`));
  // Labels passed through a helper, not written as t("…") where they are used.
  keys.push(
    "form-continue",
    "form-leave",
    "form-cancel-keep",
    "form-cancel-delete",
    "form-delete-yes",
    "form-delete-no",
    "form-confirm-yes",
  );
  keys.push(...APPLICATION_STATUSES.map((status) => `status-${status}`));
  keys.push(
    ...SUPPORT_CATEGORY_IDS.flatMap((id) => [`category-${id}`, `category-${id}-description`]),
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
  keys.push(...SUPPORT_CATEGORY_IDS.map((id) => `category-${id}-short`));
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

/**
 * Every cap, limit and share a text states comes from the province file (as
 * a variable), never written in a locale: a text that says "300 triệu"
 * would go on saying it after the province changes its cap.
 */
describe("no cap or limit written in a text", () => {
  const province = loadProvince("lang-son");
  const decimals = (n: number) => [String(n), String(n).replace(".", ",")];
  /** An amount as a text might write it: 300 triệu, 300.000.000, 300 million, 100 tỷ. */
  function amountForms(amount: bigint): string[] {
    const forms = [amount.toString(), amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")];
    for (const [unit, names] of [
      [1_000_000_000n, ["tỷ", "tỉ", "billion"]],
      [1_000_000n, ["triệu", "tr", "million"]],
    ] as const) {
      if (amount % (unit / 10n) !== 0n) continue;
      const inUnit = Number(amount / (unit / 10n)) / 10;
      if (inUnit < 1) continue;
      for (const figure of decimals(inUnit))
        for (const name of names) forms.push(`${figure} ${name}`);
    }
    return forms;
  }
  function capFigures(): string[] {
    const figures: string[] = [];
    const { nationalRules, provinceChoices } = province;
    for (const cap of [...nationalRules.supportCaps, ...provinceChoices.localSupportCaps]) {
      if (cap.maxPercent !== undefined)
        for (const figure of decimals(cap.maxPercent))
          figures.push(`${figure}%`, `${figure} %`, `${figure} phần trăm`, `${figure} percent`);
      if (cap.maxAmount !== undefined) {
        const amount = BigInt(cap.maxAmount);
        figures.push(...amountForms(amount));
        const factor = cap.completeLineFactor?.value;
        if (factor !== undefined) {
          for (const figure of decimals(factor))
            figures.push(`${figure} lần`, `${figure}x`, `${figure}×`, `${figure} times`);
          figures.push(...amountForms((amount * BigInt(Math.round(factor * 100))) / 100n));
        }
      }
    }
    const { maxWorkers, maxCapital } = nationalRules.smallAndMediumLimits.value;
    for (const word of ["lao động", "người", "workers", "employees"])
      figures.push(`${maxWorkers} ${word}`);
    figures.push(...amountForms(BigInt(maxCapital)));
    return figures;
  }
  /** The lines of locale text that state one of the figures (comments aside). */
  function statedIn(text: string, figures: string[]): string[] {
    const found: string[] = [];
    for (const line of text.split("\n")) {
      if (line.trimStart().startsWith("#")) continue;
      for (const figure of figures) {
        const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        if (new RegExp(`(?<![\\d.,])${escaped}(?![\\d])`, "i").test(line))
          found.push(`${figure}: ${line.trim()}`);
      }
    }
    return found;
  }

  it("catches a cap written in a text (the check works)", () => {
    const figures = capFigures();
    const old = "Với máy móc thiết bị, mức hỗ trợ thường tối đa 50% và không quá 300 triệu đồng.";
    expect(statedIn(old, figures).length).toBeGreaterThanOrEqual(2);
    expect(
      statedIn("Cơ sở có dưới 300 lao động, hoặc vốn dưới 100 tỷ đồng không?", figures).map(
        (hit) => hit.split(":")[0],
      ),
    ).toEqual(expect.arrayContaining(["300 lao động", "100 tỷ"]));
    expect(statedIn("dây chuyền hoàn chỉnh tới 1,5 lần mức này", figures)).toHaveLength(1);
    expect(statedIn("Ví dụ: 600 triệu, 1,5 tỷ, 850.000.000, 1300 triệu", figures)).toEqual([]);
  });

  it.each(LANGUAGES)("finds none in the %s locale files", (language) => {
    const figures = capFigures();
    const folder = join(localesDirectory, language);
    const found = readdirSync(folder)
      .filter((name) => name.endsWith(".ftl"))
      .flatMap((file) =>
        statedIn(readFileSync(join(folder, file), "utf8"), figures).map((hit) => `${file}: ${hit}`),
      );
    expect(found).toEqual([]);
  });
});

/**
 * Buttons that fit a phone (issue 13), before any flow runs: every choice a
 * form question offers, in both languages, laid out in its question's
 * columns, passes the rule the flow harness applies to every keyboard sent
 * (test/support/phone-fit.ts): labels of at most 30 characters, at most 2
 * buttons on a row whose labels exceed 15.
 */
describe("form buttons fit a phone", () => {
  const province = loadProvince("lang-son");
  const context = {
    province,
    nowIso: "2026-11-23T00:00:00Z",
    timeZone: "Asia/Ho_Chi_Minh",
    facts: {
      planYear: 2028,
      needsEligibility: true,
      establishment: {
        legalForm: "household-business" as const,
        communeKind: "xa" as const,
        communeCode: "06211",
        workers: 500,
      },
    },
  };
  const application = {
    id: 1,
    code: "LS-2028-0001",
    establishmentId: 1,
    planYear: 2028,
    program: "national" as const,
    category: "machinery",
    title: "Hỗ trợ ứng dụng máy sấy chè",
    description: null,
    totalCost: "1234567891234",
    requestedSupport: "1",
    counterpartFunds: null,
    periodStart: "2028-03-01",
    periodEnd: null,
    expectedResults: null,
    attachmentsDone: false,
    fileCount: 0,
    eligibility: null,
    status: "draft" as const,
  };
  /** Every keyboard a question of the default forms can show, from a few records that fill its variables. */
  function keyboards(): { where: string; columns: number; choices: Choice[] }[] {
    const found: { where: string; columns: number; choices: Choice[] }[] = [];
    const records: unknown[] = [
      application,
      { ...application, periodStart: null, fileCount: 3 },
      { legalForm: "household-business" },
      {},
      ...DECISIONS_WITH_INPUT.map((to) => ({
        ...application,
        to,
        expected: "reviewing",
        amount: "1234567891234",
        approvedAmount: "1234567891234",
        acceptedAmount: "1234567891234",
        requestedSupport: "1234567891234",
        note: null,
      })),
    ];
    for (const form of defaultForms) {
      for (const question of form.questions) {
        for (const record of records) {
          let choices: Choice[];
          try {
            choices = question.choices?.(record as never, context as never) ?? [];
          } catch {
            continue; // a record of another form's shape
          }
          found.push({
            where: `${form.kind}/${question.id}`,
            columns: question.columns ?? 1,
            choices,
          });
        }
        // A list in pages (the communes): every page, with its turning buttons on their own row.
        for (let page = 0; question.pager && page < 50; page++) {
          const shown = question.pager.page(`${COMMUNE_PAGE_PREFIX}${page}`, context as never);
          const turns = [shown.previous, shown.next].flatMap((turn) =>
            turn ? [{ value: turn.value, label: turn.label }] : [],
          );
          found.push(
            {
              where: `${form.kind}/${question.id} page ${page}`,
              columns: shown.columns,
              choices: shown.choices,
            },
            { where: `${form.kind}/${question.id} page ${page} turns`, columns: 2, choices: turns },
          );
          if (!shown.next) break;
        }
      }
    }
    return found;
  }

  it.each(LANGUAGES)("every form question's choices in %s", (language) => {
    const bundle = bundles[language]?.bundle;
    const format = (choice: Choice) => {
      const message = bundle?.getMessage(choice.label.key);
      const text = message?.value ? bundle?.formatPattern(message.value, choice.label.vars) : "";
      return `${choice.prefix ?? ""}${text ?? ""}`;
    };
    const shown = keyboards();
    expect(shown.length).toBeGreaterThan(10);
    const problems = shown.flatMap(({ where, columns, choices }) => {
      const rows: { text: string }[][] = [];
      choices.forEach((choice, index) => {
        if (index % columns === 0) rows.push([]);
        rows.at(-1)?.push({ text: format(choice) });
      });
      return phoneFitProblems(rows).map((problem) => `${where}: ${problem}`);
    });
    expect([...new Set(problems)]).toEqual([]);
  });

  it("catches a label too long, and a crowded row (the check works)", () => {
    expect(
      phoneFitProblems([[{ text: "Ứng dụng máy móc thiết bị tiên tiến, chuyển giao" }]]),
    ).toHaveLength(1);
    expect(
      phoneFitProblems([[{ text: "Đào tạo, truyền nghề" }, { text: "Tư vấn" }, { text: "Khác" }]]),
    ).toHaveLength(1);
    expect(
      phoneFitProblems([
        [{ text: "1/2028" }, { text: "2/2028" }, { text: "3/2028" }, { text: "4/2028" }],
      ]),
    ).toEqual([]);
    expect(phoneFitProblems([[{ text: "✅ Đúng, 1,5 tỷ đồng" }, { text: "✏️ Gõ lại" }]])).toEqual(
      [],
    );
  });
});
