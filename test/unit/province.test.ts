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

  it("has the machinery cap", () => {
    expect(langSon.supportCaps).toContainEqual(
      expect.objectContaining({
        category: "machinery",
        fromYear: 2019,
        maxPercent: 50,
        maxAmount: "300000000",
      }),
    );
  });
});

describe("provinceSchema", () => {
  const valid = loadProvince("lang-son");
  const problems = (data: unknown): string[] => {
    const result = provinceSchema.safeParse(data);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
  };

  it("accepts the Lạng Sơn file and drops _comment", () => {
    expect(problems({ ...valid, _comment: "note" })).toEqual([]);
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
      "an unknown category",
      { ...valid, supportCaps: [{ category: "may-moc", fromYear: 2019, maxPercent: 50 }] },
      "supportCaps.0.category",
    ],
    [
      "an amount as a number",
      { ...valid, supportCaps: [{ category: "machinery", fromYear: 2019, maxAmount: 300000000 }] },
      "supportCaps.0.maxAmount",
    ],
    [
      "toYear before fromYear",
      {
        ...valid,
        supportCaps: [{ category: "machinery", fromYear: 2020, toYear: 2019, maxPercent: 50 }],
      },
      "supportCaps.0.toYear",
    ],
    [
      "a cap without a limit",
      { ...valid, supportCaps: [{ category: "machinery", fromYear: 2020 }] },
      "supportCaps.0",
    ],
  ])("refuses %s", (_, data, path) => {
    expect(problems(data)).toContain(path);
  });
});
