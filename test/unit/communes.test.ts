import { describe, expect, it } from "vitest";
import { loadProvince } from "../../src/data/load-province.ts";
import { communeLabel, formerDistrictLabel } from "../../src/domain/commune-labels.ts";
import { type CommuneSearch, communeByCode, findCommunes } from "../../src/domain/communes.ts";
import { foldVietnamese } from "../../src/domain/text.ts";

const langSon = loadProvince("lang-son");

/** A short text of a search result, to compare in tables. */
function summary(result: CommuneSearch): string {
  switch (result.kind) {
    case "one":
      return `one ${result.commune.code}`;
    case "former":
      return `former ${result.former.name}/${result.former.district} → ${result.commune.code}`;
    case "choice":
      return `choice ${result.candidates
        .map((c) =>
          c.kind === "current"
            ? c.commune.code
            : `${c.former.name}/${c.former.district} → ${c.commune.code}`,
        )
        .join(" | ")}`;
    case "several":
      return `several ${result.communes.map((c) => c.name).join("|")}`;
    case "former-district":
      return `district ${result.district} (${result.communes.length})`;
    case "none":
      return "none";
  }
}

/**
 * Communes whose name is also the name of a former unit that went to another
 * commune (Nghị quyết 1672/NQ-UBTVQH15): typed alone, the name is a choice.
 * E.g. thị trấn Cao Lộc is now in phường Kỳ Lừa, xã Hồng Phong of Cao Lộc
 * in xã Đồng Đăng, and part of the old xã Kiên Mộc in xã Châu Sơn.
 */
const SHARED_NAMES = [
  "Cao Lộc",
  "Chi Lăng",
  "Chiến Thắng",
  "Hoàng Văn Thụ",
  "Hồng Phong",
  "Kiên Mộc",
  "Mẫu Sơn",
  "Thụy Hùng",
  "Tân Thành",
];

describe("every commune is found by its own name", () => {
  it.each(langSon.communes.map((c) => [c.name, c.code] as const))("%s (%s)", (name, code) => {
    const expected = SHARED_NAMES.includes(name)
      ? expect.stringMatching(new RegExp(`^choice ${code} \\| `))
      : `one ${code}`;
    expect(summary(findCommunes(langSon, foldVietnamese(name)))).toEqual(expected);
    expect(summary(findCommunes(langSon, name))).toEqual(expected);
    expect(summary(findCommunes(langSon, name.toUpperCase()))).toEqual(expected);
    expect(summary(findCommunes(langSon, `${name}, Lạng Sơn`))).toEqual(expected);
    expect(summary(findCommunes(langSon, code))).toBe(`one ${code}`);
  });

  it.each(langSon.communes.map((c) => [c.name, c.code] as const))(
    "%s (%s) with its own former district",
    (name, code) => {
      const commune = communeByCode(langSon, code);
      if (commune === undefined) throw new Error(code);
      // The district of the same-named former unit if there was one, else any of its districts.
      const own = commune.formerUnits.find((u) => u.name === name)?.district;
      const district = langSon.formerDistricts.find((d) =>
        own === undefined ? d.communeCodes.includes(code) : d.name === own,
      );
      if (district === undefined) throw new Error(`no district for ${code}`);
      const typed = `${communeLabel(commune)}, ${formerDistrictLabel(district)}`;
      // Only part of the old xã Kiên Mộc is in xã Kiên Mộc: still a choice.
      const expected =
        name === "Kiên Mộc" ? expect.stringMatching(/^choice 06625 \| /) : `one ${code}`;
      expect(summary(findCommunes(langSon, typed))).toEqual(expected);
    },
  );
});

describe("findCommunes", () => {
  it.each<[string, string]>([
    // Thị trấn Cao Lộc (now phường Kỳ Lừa) shares the name: asked, not guessed.
    ["cao loc", "choice 06211 | Cao Lộc/Cao Lộc → 06187"],
    ["Cao Lộc", "choice 06211 | Cao Lộc/Cao Lộc → 06187"],
    ["xa cao loc", "one 06211"],
    ["xã Cao Lộc", "one 06211"],
    ["Xã Cao Lộc", "one 06211"],
    ["x. Cao Lộc", "one 06211"],
    ["x.cao loc", "one 06211"],
    ["caoloc", "choice 06211 | Cao Lộc/Cao Lộc → 06187"],
    ["Cao Lộc, Lạng Sơn", "choice 06211 | Cao Lộc/Cao Lộc → 06187"],
    ["Cao Lộc Lạng Sơn", "choice 06211 | Cao Lộc/Cao Lộc → 06187"],
    ["xã Cao Lộc, tỉnh Lạng Sơn", "one 06211"],
    ["xã Cao Lộc, tỉnh Lạng Sơn, Việt Nam", "one 06211"],
    ["thôn Nà Pàn, xã Cao Lộc, Lạng Sơn", "one 06211"],
    ["xã Cao Lộc, huyện Cao Lộc", "one 06211"],
    ["06211", "one 06211"],
    ["6211", "one 06211"],
    ["phường Đông Kinh", "one 05977"],
    ["phuong dong kinh", "one 05977"],
    ["P. Đông Kinh", "one 05977"],
    ["p.dong kinh", "one 05977"],
    ["P Đông Kinh", "one 05977"],
    ["thị trấn Đồng Đăng", "one 06184"],
    ["tt Na Sầm", "one 06124"],
    ["TT. Thất Khê", "one 06040"],
    ["Quý Hoà", "one 06076"],
    ["Quý Hòa", "one 06076"],
    ["quy hoa", "one 06076"],
    // Also the old xã Thụy Hùng of Cao Lộc, now in xã Đồng Đăng.
    ["Thuỵ Hùng", "choice 06148 | Thụy Hùng/Cao Lộc → 06184"],
    ["Thuỵ Hùng, Văn Lãng", "one 06148"],
    ["Nhất Hoà", "one 06376"],
    ["Lương Văn Tri", "one 05983"],
    ["dong dang", "one 06184"],
    ["Kỳ Lừa", "one 06187"],
    ["Điềm He", "one 06280"],
    ["thien", "several Thiện Hòa|Thiện Long|Thiện Tân|Thiện Thuật"],
    ["Thiện", "several Thiện Hòa|Thiện Long|Thiện Tân|Thiện Thuật"],
    ["tan", "several Tân Đoàn|Tân Thành|Tân Tiến|Tân Tri|Tân Văn|Thiện Tân"],
    ["kinh", "several Cai Kinh|Đông Kinh"],
    ["khe", "several Khánh Khê|Thất Khê"],
    ["xã khê", "several Khánh Khê|Thất Khê"],
    ["vu", "several Vũ Lăng|Vũ Lễ|Hưng Vũ"],
    ["quoc", "several Quốc Khánh|Quốc Việt"],
    ["Dong Dangg", "several Đồng Đăng"],
    ["Cao Lôc", "choice 06211 | Cao Lộc/Cao Lộc → 06187"],
    ["Dinh Lap", "one 06613"],
    ["Đình Lập", "one 06613"],
    ["huyện Cao Lộc", "district Cao Lộc (8)"],
    ["huyen cao loc", "district Cao Lộc (8)"],
    ["Huyện Cao Lộc, Lạng Sơn", "district Cao Lộc (8)"],
    ["H. Cao Lộc", "district Cao Lộc (8)"],
    // Before the former units were known this fell back to the district; xã Hợp Thành is now in Kỳ Lừa.
    ["xã Hợp Thành, huyện Cao Lộc", "former Hợp Thành/Cao Lộc → 06187"],
    ["xã Không Có Thật, huyện Cao Lộc", "district Cao Lộc (8)"],
    ["huyện Tràng Định", "district Tràng Định (7)"],
    ["huyện Bình Gia", "district Bình Gia (8)"],
    ["huyện Văn Lãng", "district Văn Lãng (5)"],
    ["huyện Văn Quan", "district Văn Quan (6)"],
    ["huyện Bắc Sơn", "district Bắc Sơn (6)"],
    ["huyện Hữu Lũng", "district Hữu Lũng (8)"],
    ["huyen huu", "district Hữu Lũng (8)"],
    ["huyện Chi Lăng", "district Chi Lăng (6)"],
    ["huyện Lộc Bình", "district Lộc Bình (7)"],
    ["huyện Đình Lập", "district Đình Lập (4)"],
    ["thành phố Lạng Sơn", "district Lạng Sơn (4)"],
    ["TP Lạng Sơn", "district Lạng Sơn (4)"],
    ["tp. lang son", "district Lạng Sơn (4)"],
    ["Lạng Sơn", "district Lạng Sơn (4)"],
    ["huyện Xyz", "none"],
    ["huyện", "none"],
    ["huyện Hà Quảng", "none"],
    ["Hà Nội", "none"],
    ["Hoàn Kiếm", "none"],
    ["asdfgh", "none"],
    ["", "none"],
    ["   ", "none"],
    ["a", "none"],
    ["12345", "none"],
    ["!!!", "none"],
    ["xã", "several Khuất Xá"],
  ])("%s → %s", (query, expected) => {
    expect(summary(findCommunes(langSon, query))).toBe(expected);
  });

  it("a former district lists its communes in data order", () => {
    const result = findCommunes(langSon, "huyện Cao Lộc");
    expect(result).toMatchObject({ kind: "former-district", districtKind: "huyen" });
    if (result.kind !== "former-district") return;
    // Đông Kinh (xã Yên Trạch), Khánh Khê (Xuân Long, Bình Trung) and Tân Đoàn (Tân Thành)
    // took in units of Cao Lộc too.
    expect(result.communes.map((c) => c.code)).toEqual([
      "05977",
      "06184",
      "06187",
      "06196",
      "06211",
      "06220",
      "06286",
      "06316",
    ]);
  });
});

describe("labels and codes", () => {
  it.each<[string, string]>([
    ["06211", "xã Cao Lộc"],
    ["05977", "phường Đông Kinh"],
    ["06187", "phường Kỳ Lừa"],
    ["06076", "xã Quý Hòa"],
  ])("%s → %s", (code, label) => {
    const commune = communeByCode(langSon, code);
    expect(commune).toBeDefined();
    if (commune !== undefined) expect(communeLabel(commune)).toBe(label);
  });

  it("unknown codes give undefined", () => {
    expect(communeByCode(langSon, "99999")).toBeUndefined();
    expect(communeByCode(langSon, "6211")).toBeUndefined();
  });

  it("former districts have a label", () => {
    const labels = langSon.formerDistricts.map(formerDistrictLabel);
    expect(labels).toContain("huyện Cao Lộc");
    expect(labels).toContain("thành phố Lạng Sơn");
  });
});
