import { describe, expect, it } from "vitest";
import { listProvinces, loadProvince } from "../../src/data/load-province.ts";
import { provinceSchema } from "../../src/domain/province.ts";

describe("loadProvince", () => {
  const langSon = loadProvince("lang-son");

  it("lists the provinces with a settings file", () => {
    expect(listProvinces()).toContain("lang-son");
  });

  it.each(["lang-son", "Lạng Sơn", "lang son", "LANG SON", "tỉnh Lạng Sơn", " Lang-Son "])(
    "finds Lạng Sơn as %s",
    (idOrName) => {
      expect(loadProvince(idOrName).id).toBe("lang-son");
    },
  );

  it("refuses an unknown province and lists the available ones", () => {
    expect(() => loadProvince("cao-bang")).toThrow(/Unknown province "cao-bang".*lang-son/);
    expect(() => loadProvince("")).toThrow(/Available: .*lang-son/);
  });

  it("has the settings of Lạng Sơn", () => {
    expect(langSon).toMatchObject({
      id: "lang-son",
      name: "Lạng Sơn",
      codePrefix: "LS",
      registrationDeadline: { month: 10, day: 31 },
      planSubmissionDeadline: { month: 11, day: 30 },
    });
    expect(langSon.agencyName).toContain("Khuyến công");
    expect(langSon).not.toHaveProperty("_comment");
  });

  it("has 65 communes, 61 xã and 4 phường, with unique 5-digit codes and names", () => {
    expect(langSon.communes).toHaveLength(65);
    expect(langSon.communes.filter((c) => c.kind === "xa")).toHaveLength(61);
    expect(langSon.communes.filter((c) => c.kind === "phuong").map((c) => c.name)).toEqual([
      "Đông Kinh",
      "Lương Văn Tri",
      "Tam Thanh",
      "Kỳ Lừa",
    ]);
    expect(new Set(langSon.communes.map((c) => c.code)).size).toBe(65);
    expect(new Set(langSon.communes.map((c) => c.name)).size).toBe(65);
    for (const commune of langSon.communes) expect(commune.code).toMatch(/^\d{5}$/);
  });

  it("maps 11 former districts onto existing communes, covering all of them", () => {
    const codes = new Set(langSon.communes.map((c) => c.code));
    expect(langSon.formerDistricts).toHaveLength(11);
    const covered = new Set<string>();
    for (const district of langSon.formerDistricts) {
      for (const code of district.communeCodes) {
        expect(codes.has(code), `${district.name}: ${code}`).toBe(true);
        covered.add(code);
      }
    }
    expect(covered.size).toBe(65);
    const kyLua = langSon.formerDistricts.filter((d) => d.communeCodes.includes("06187"));
    expect(kyLua.map((d) => d.name).sort()).toEqual(["Cao Lộc", "Lạng Sơn"]);
  });

  it("has the former units of every commune, as many per district as the statistics list of 2021", () => {
    // Units per district before 1/7/2025 (statistics office list of 01/11/2021); the 1/12/2024
    // merges are listed too, so the count is unchanged. A split unit counts once.
    const perDistrict = new Map<string, Set<string>>();
    for (const commune of langSon.communes) {
      expect(commune.formerUnits.length, commune.name).toBeGreaterThan(0);
      for (const unit of commune.formerUnits) {
        const units = perDistrict.get(unit.district) ?? new Set<string>();
        units.add(`${unit.kind} ${unit.name}`);
        perDistrict.set(unit.district, units);
      }
    }
    expect(Object.fromEntries([...perDistrict].map(([name, units]) => [name, units.size]))).toEqual(
      {
        "Lạng Sơn": 8,
        "Tràng Định": 22,
        "Bình Gia": 19,
        "Văn Lãng": 17,
        "Cao Lộc": 22,
        "Văn Quan": 17,
        "Bắc Sơn": 18,
        "Hữu Lũng": 24,
        "Chi Lăng": 20,
        "Lộc Bình": 21,
        "Đình Lập": 12,
      },
    );
    const all = langSon.communes.flatMap((c) => c.formerUnits);
    expect(all.filter((u) => u.kind === "thi-tran")).toHaveLength(14);
    expect(all.filter((u) => u.kind === "phuong").map((u) => u.name)).toEqual([
      "Vĩnh Trại",
      "Đông Kinh",
      "Chi Lăng",
      "Tam Thanh",
      "Hoàng Văn Thụ",
    ]);
    expect(all.filter((u) => u.part).map((u) => u.name)).toEqual([
      "Đại Đồng",
      "Đại Đồng",
      "Bính Xá",
      "Bính Xá",
      "Kiên Mộc",
      "Kiên Mộc",
    ]);
  });

  it("lists under each former district exactly the communes with a unit from it", () => {
    for (const district of langSon.formerDistricts) {
      const withUnit = langSon.communes
        .filter((c) => c.formerUnits.some((u) => u.district === district.name))
        .map((c) => c.code);
      expect(district.communeCodes, district.name).toEqual(withUnit);
    }
    const districtsOf = (code: string) =>
      langSon.formerDistricts.filter((d) => d.communeCodes.includes(code)).map((d) => d.name);
    expect(districtsOf("05977")).toEqual(["Lạng Sơn", "Cao Lộc"]); // Đông Kinh took in xã Yên Trạch
    expect(districtsOf("06286")).toEqual(["Cao Lộc", "Văn Quan"]); // Khánh Khê: Xuân Long, Bình Trung
    expect(districtsOf("06316")).toEqual(["Cao Lộc", "Văn Quan"]); // Tân Đoàn: Tân Thành of Cao Lộc
  });

  it("has the national machinery cap, its complete-line factor marked unconfirmed", () => {
    expect(langSon.nationalRules.supportCaps).toContainEqual(
      expect.objectContaining({
        category: "machinery",
        fromYear: 2019,
        maxPercent: 50,
        maxAmount: "300000000",
        confirmed: true,
        completeLineFactor: expect.objectContaining({ value: 1.5, confirmed: false }),
      }),
    );
  });

  it("keeps the province's own choices apart, each saying whether it is confirmed", () => {
    expect(langSon.provinceChoices.localSupportCaps).toEqual([]);
    expect(langSon.provinceChoices.localCapsFollowNational).toMatchObject({
      value: true,
      confirmed: false,
    });
    expect(langSon.provinceChoices.wardsAreRural.confirmed).toBe(false);
    expect(langSon.nationalRules.smallAndMediumLimits).toMatchObject({
      value: { maxWorkers: 300, maxCapital: "100000000000" },
      confirmed: false,
    });
    expect(langSon.nationalRules.eligibleLegalForms).toContain("household-business");
  });
});

describe("provinceSchema", () => {
  const valid = loadProvince("lang-son");
  const withNationalCaps = (supportCaps: unknown[]) => ({
    ...valid,
    nationalRules: { ...valid.nationalRules, supportCaps },
  });
  /** The Lạng Sơn file with the former units of some communes (by index) replaced. */
  const withUnitsOf = (replaced: Record<number, unknown[]>) => ({
    ...valid,
    communes: valid.communes.map((c, i) => ({ ...c, formerUnits: replaced[i] ?? c.formerUnits })),
  });
  const withUnits = (index: number, formerUnits: unknown[]) =>
    withUnitsOf({ [index]: formerUnits });
  const problems = (data: unknown): string[] => {
    const result = provinceSchema.safeParse(data);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
  };

  it("accepts the Lạng Sơn file and drops _comment", () => {
    expect(problems({ ...valid, _comment: "note" })).toEqual([]);
  });

  it("accepts communes without former units (a province without that data)", () => {
    const bare = {
      ...valid,
      communes: valid.communes.map(({ formerUnits: _, ...commune }) => commune),
    };
    const parsed = provinceSchema.parse(bare);
    expect(parsed.communes.every((c) => c.formerUnits.length === 0)).toBe(true);
  });

  it("accepts a unit split between two communes when both entries say part", () => {
    const split = { name: "Quảng Lạc", kind: "xa", district: "Lạng Sơn", part: true };
    const whole = { name: "Quảng Lạc", kind: "xa", district: "Lạng Sơn" };
    expect(problems(withUnitsOf({ 1: [split], 2: [split] }))).toEqual([]);
    expect(problems(withUnitsOf({ 1: [split], 2: [whole] }))).toEqual([
      "communes.1.formerUnits.0",
      "communes.2.formerUnits.0",
    ]);
  });

  it("refuses the same unit twice under one commune", () => {
    const unit = { name: "Quảng Lạc", kind: "xa", district: "Lạng Sơn" };
    expect(problems(withUnits(1, [unit, unit]))).toEqual(["communes.1.formerUnits.1"]);
  });

  it.each<[string, unknown, string]>([
    ["an id that is not kebab-case", { ...valid, id: "Lang Son" }, "id"],
    ["a lowercase prefix", { ...valid, codePrefix: "ls" }, "codePrefix"],
    [
      "31/11",
      { ...valid, registrationDeadline: { month: 11, day: 31 } },
      "registrationDeadline.day",
    ],
    [
      "month 13",
      { ...valid, planSubmissionDeadline: { month: 13, day: 1 } },
      "planSubmissionDeadline.month",
    ],
    [
      "a 4-digit commune code",
      {
        ...valid,
        communes: [{ code: "6211", name: "Cao Lộc", kind: "xa" }, ...valid.communes.slice(1)],
      },
      "communes.0.code",
    ],
    [
      "a duplicate commune code",
      { ...valid, communes: [...valid.communes, valid.communes[0]] },
      "communes.65.code",
    ],
    [
      "a district with an unknown commune",
      { ...valid, formerDistricts: [{ name: "X", kind: "huyen", communeCodes: ["99999"] }] },
      "formerDistricts.0.communeCodes.0",
    ],
    [
      "a former unit in an unknown district",
      withUnits(0, [{ name: "Mai Pha", kind: "xa", district: "Hà Quảng" }]),
      "communes.0.formerUnits.0.district",
    ],
    [
      "a former unit whose district does not list the commune",
      withUnits(0, [{ name: "Mai Pha", kind: "xa", district: "Đình Lập" }]),
      "communes.0.formerUnits.0.district",
    ],
    [
      "a former unit of an unknown kind",
      withUnits(0, [{ name: "Mai Pha", kind: "thi-xa", district: "Lạng Sơn" }]),
      "communes.0.formerUnits.0.kind",
    ],
    [
      "a former unit mapped to two communes",
      // Mai Pha is already under Đông Kinh (commune 0); here also under Lương Văn Tri.
      withUnits(1, [{ name: "Mai Pha", kind: "xa", district: "Lạng Sơn" }]),
      "communes.1.formerUnits.0",
    ],
    [
      "the same unit under two communes, its tone placed another way",
      withUnitsOf({
        0: [{ name: "Hoà Bình", kind: "xa", district: "Lạng Sơn" }],
        1: [{ name: "Hòa Bình", kind: "xa", district: "Lạng Sơn" }],
      }),
      "communes.1.formerUnits.0",
    ],
    [
      "a split unit listed under one commune only",
      withUnits(1, [{ name: "Quảng Lạc", kind: "xa", district: "Lạng Sơn", part: true }]),
      "communes.1.formerUnits.0.part",
    ],
    [
      "an unknown category",
      withNationalCaps([{ category: "may-moc", fromYear: 2019, maxPercent: 50, confirmed: true }]),
      "nationalRules.supportCaps.0.category",
    ],
    [
      "an amount as a number",
      withNationalCaps([
        { category: "machinery", fromYear: 2019, maxAmount: 300000000, confirmed: true },
      ]),
      "nationalRules.supportCaps.0.maxAmount",
    ],
    [
      "toYear before fromYear",
      withNationalCaps([
        { category: "machinery", fromYear: 2020, toYear: 2019, maxPercent: 50, confirmed: true },
      ]),
      "nationalRules.supportCaps.0.toYear",
    ],
    [
      "a cap without a limit",
      withNationalCaps([{ category: "machinery", fromYear: 2020, confirmed: true }]),
      "nationalRules.supportCaps.0",
    ],
    [
      "a cap that does not say whether it is confirmed",
      withNationalCaps([{ category: "machinery", fromYear: 2020, maxPercent: 50 }]),
      "nationalRules.supportCaps.0.confirmed",
    ],
    [
      "a complete-line factor without an amount to multiply",
      withNationalCaps([
        {
          category: "machinery",
          fromYear: 2020,
          maxPercent: 50,
          confirmed: true,
          completeLineFactor: { value: 1.5, confirmed: false },
        },
      ]),
      "nationalRules.supportCaps.0.completeLineFactor",
    ],
    [
      "a local cap of an unknown category",
      {
        ...valid,
        provinceChoices: {
          ...valid.provinceChoices,
          localSupportCaps: [
            { category: "may-moc", fromYear: 2019, maxPercent: 50, confirmed: true },
          ],
        },
      },
      "provinceChoices.localSupportCaps.0.category",
    ],
    [
      "a choice without its confirmation mark",
      { ...valid, provinceChoices: { ...valid.provinceChoices, wardsAreRural: { value: true } } },
      "provinceChoices.wardsAreRural.confirmed",
    ],
  ])("refuses %s", (_, data, path) => {
    expect(problems(data)).toContain(path);
  });
});
