import { describe, expect, it } from "vitest";
import { loadProvince } from "../../src/data/load-province.ts";
import {
  type CommuneSearch,
  communeByCode,
  communeLabel,
  findCommunes,
  formerDistrictLabel,
} from "../../src/domain/communes.ts";
import { foldVietnamese } from "../../src/domain/text.ts";

const langSon = loadProvince("lang-son");

/** A short text of a search result, to compare in tables. */
function summary(result: CommuneSearch): string {
  switch (result.kind) {
    case "one":
      return `one ${result.commune.code}`;
    case "several":
      return `several ${result.communes.map((c) => c.name).join("|")}`;
    case "former-district":
      return `district ${result.district} (${result.communes.length})`;
    case "none":
      return "none";
  }
}

describe("every commune is found by its own name", () => {
  it.each(langSon.communes.map((c) => [c.name, c.code] as const))("%s (%s)", (name, code) => {
    expect(summary(findCommunes(langSon, foldVietnamese(name)))).toBe(`one ${code}`);
    expect(summary(findCommunes(langSon, name))).toBe(`one ${code}`);
    expect(summary(findCommunes(langSon, name.toUpperCase()))).toBe(`one ${code}`);
    const commune = communeByCode(langSon, code);
    if (commune === undefined) throw new Error(code);
    expect(summary(findCommunes(langSon, communeLabel(commune)))).toBe(`one ${code}`);
    expect(summary(findCommunes(langSon, `${name}, Lạng Sơn`))).toBe(`one ${code}`);
    expect(summary(findCommunes(langSon, code))).toBe(`one ${code}`);
  });
});

describe("findCommunes", () => {
  it.each<[string, string]>([
    ["cao loc", "one 06211"],
    ["Cao Lộc", "one 06211"],
    ["xa cao loc", "one 06211"],
    ["xã Cao Lộc", "one 06211"],
    ["Xã Cao Lộc", "one 06211"],
    ["x. Cao Lộc", "one 06211"],
    ["x.cao loc", "one 06211"],
    ["caoloc", "one 06211"],
    ["Cao Lộc, Lạng Sơn", "one 06211"],
    ["Cao Lộc Lạng Sơn", "one 06211"],
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
    ["Thuỵ Hùng", "one 06148"],
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
    ["Cao Lôc", "one 06211"],
    ["Dinh Lap", "one 06613"],
    ["Đình Lập", "one 06613"],
    ["huyện Cao Lộc", "district Cao Lộc (5)"],
    ["huyen cao loc", "district Cao Lộc (5)"],
    ["Huyện Cao Lộc, Lạng Sơn", "district Cao Lộc (5)"],
    ["H. Cao Lộc", "district Cao Lộc (5)"],
    ["xã Hợp Thành, huyện Cao Lộc", "district Cao Lộc (5)"],
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
    expect(result.communes.map((c) => c.code)).toEqual([
      "06184",
      "06187",
      "06196",
      "06211",
      "06220",
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
