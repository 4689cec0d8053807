import { describe, expect, it } from "vitest";
import { loadProvince } from "../../src/data/load-province.ts";
import {
  asksCapital,
  type EstablishmentFacts,
  eligibilityConcerns,
} from "../../src/domain/eligibility.ts";

const langSon = loadProvince("lang-son");
const maxWorkers = langSon.nationalRules.smallAndMediumLimits.value.maxWorkers;
const cooperative: EstablishmentFacts = {
  legalForm: "cooperative",
  communeKind: "xa",
  workers: 15,
};

describe("the screening derives what the profile says", () => {
  it("asks about capital only above the workers' limit (up to the limit is within it)", () => {
    expect(asksCapital(langSon, { ...cooperative, workers: maxWorkers })).toBe(false);
    expect(asksCapital(langSon, { ...cooperative, workers: maxWorkers + 1 })).toBe(true);
    expect(asksCapital(langSon, { ...cooperative, workers: null })).toBe(false);
  });

  it("raises nothing for a cooperative in a xã that produces goods", () => {
    expect(eligibilityConcerns(langSon, cooperative, { industrial: true })).toEqual([]);
    expect(eligibilityConcerns(langSon, cooperative, null)).toEqual([]);
  });

  it("raises each doubt for an officer, from the answers and from the profile", () => {
    expect(eligibilityConcerns(langSon, cooperative, { industrial: false })).toEqual([
      "not-industrial",
    ]);
    const big = { ...cooperative, workers: maxWorkers + 50 };
    expect(eligibilityConcerns(langSon, big, { industrial: true, capital: true })).toEqual([]);
    expect(eligibilityConcerns(langSon, big, { industrial: true, capital: false })).toEqual([
      "size",
    ]);
    // a capital answer left from before the workers were corrected no longer counts
    expect(eligibilityConcerns(langSon, cooperative, { industrial: true, capital: false })).toEqual(
      [],
    );
  });

  it("follows the province's choice on wards", () => {
    const inWard = { ...cooperative, communeKind: "phuong" as const };
    expect(langSon.provinceChoices.wardsAreRural.value).toBe(false);
    expect(eligibilityConcerns(langSon, inWard, { industrial: true })).toEqual(["not-rural"]);
    const wardsRural = {
      ...langSon,
      provinceChoices: {
        ...langSon.provinceChoices,
        wardsAreRural: { value: true, confirmed: true },
      },
    };
    expect(eligibilityConcerns(wardsRural, inWard, { industrial: true })).toEqual([]);
  });

  it("follows the national list of legal forms", () => {
    const onlyEnterprises = {
      ...langSon,
      nationalRules: { ...langSon.nationalRules, eligibleLegalForms: ["enterprise" as const] },
    };
    expect(eligibilityConcerns(onlyEnterprises, cooperative, { industrial: true })).toEqual([
      "legal-form",
    ]);
  });
});
