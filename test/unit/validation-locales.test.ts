import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { DATE_ERRORS, MONTH_ERRORS } from "../../src/domain/dates.ts";
import { MONEY_ERRORS } from "../../src/domain/money.ts";
import { PHONE_ERRORS } from "../../src/domain/phone.ts";
import { SUPPORT_CATEGORY_IDS } from "../../src/domain/support-categories.ts";
import { TAX_CODE_ERRORS } from "../../src/domain/tax-code.ts";

const ERROR_CODES = [
  ...MONEY_ERRORS,
  ...PHONE_ERRORS,
  ...TAX_CODE_ERRORS,
  ...DATE_ERRORS,
  ...MONTH_ERRORS,
];
const LANGUAGES = ["vi", "en"] as const;

function bundle(language: string, file: string): FluentBundle {
  const text = readFileSync(new URL(`../../locales/${language}/${file}`, import.meta.url), "utf8");
  const result = new FluentBundle(language, { useIsolating: false });
  const errors = result.addResource(new FluentResource(text));
  expect(errors, `${language}/${file}`).toEqual([]);
  return result;
}

/** The message keys defined in a file, in order. */
function keys(language: string, file: string): string[] {
  const text = readFileSync(new URL(`../../locales/${language}/${file}`, import.meta.url), "utf8");
  return [...text.matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1] ?? "");
}

/** Variables a message uses. */
function variables(language: string, file: string, key: string): string[] {
  const text = readFileSync(new URL(`../../locales/${language}/${file}`, import.meta.url), "utf8");
  const line = text.split("\n").find((l) => l.startsWith(`${key} =`)) ?? "";
  return [
    ...new Set([...line.matchAll(/\{\s*\$([a-zA-Z-]+)\s*\}/g)].map((m) => m[1] ?? "")),
  ].sort();
}

describe.each(LANGUAGES)("locales/%s/validation.ftl", (language) => {
  const messages = bundle(language, "validation.ftl");

  it.each(ERROR_CODES)("has invalid-%s and formats it", (code) => {
    const message = messages.getMessage(`invalid-${code}`);
    expect(message?.value).toBeTruthy();
    if (!message?.value) return;
    const errors: Error[] = [];
    const text = messages.formatPattern(
      message.value,
      { input: "600", suggestion: "600 triệu", word: "đô" },
      errors,
    );
    expect(errors).toEqual([]);
    expect(text).not.toMatch(/\{|\}/);
  });

  it("has no message for a code the modules do not return", () => {
    const known = new Set(ERROR_CODES.map((code) => `invalid-${code}`));
    expect(keys(language, "validation.ftl").filter((key) => !known.has(key))).toEqual([]);
  });
});

describe("the languages agree", () => {
  it.each(ERROR_CODES)("invalid-%s uses the same variables in vi and en", (code) => {
    const vi = variables("vi", "validation.ftl", `invalid-${code}`);
    expect(variables("en", "validation.ftl", `invalid-${code}`)).toEqual(vi);
    for (const name of vi) expect(["input", "suggestion", "word"]).toContain(name);
  });

  it("define the same keys", () => {
    for (const file of ["validation.ftl", "categories.ftl"]) {
      expect(keys("en", file)).toEqual(keys("vi", file));
    }
  });
});

describe.each(LANGUAGES)("locales/%s/categories.ftl", (language) => {
  const messages = bundle(language, "categories.ftl");

  it.each(SUPPORT_CATEGORY_IDS)("names and describes %s", (id) => {
    for (const key of [`category-${id}`, `category-${id}-description`]) {
      const value = messages.getMessage(key)?.value;
      expect(value, key).toBeTruthy();
      if (value) expect(messages.formatPattern(value).length).toBeGreaterThan(3);
    }
  });
});
