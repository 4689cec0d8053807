import { describe, expect, it } from "vitest";
import { loadProvince } from "../../src/data/load-province.ts";
import {
  candidateLabelParts,
  formerDistrictLabel,
  formerDistrictOf,
  formerUnitLabel,
} from "../../src/domain/commune-labels.ts";
import { type CommuneSearch, findCommunes } from "../../src/domain/communes.ts";

/**
 * Addresses written as before 1/7/2025. The expected communes come from
 * Nghị quyết 1672/NQ-UBTVQH15 (16/6/2025), Điều 1, and for the units
 * merged on 1/12/2024 from the press reports cited in the data file.
 * Codes: 05977 Đông Kinh, 05983 Lương Văn Tri, 05986 Tam Thanh, 06001 Đoàn
 * Kết, 06004 Quốc Khánh, 06040 Thất Khê, 06079 Hồng Phong, 06103 Thiện
 * Long, 06112 Bình Gia, 06115 Tân Văn, 06148 Thụy Hùng, 06172 Hoàng Văn
 * Thụ, 06184 Đồng Đăng, 06187 Kỳ Lừa, 06196 Ba Sơn, 06211 Cao Lộc, 06253
 * Văn Quan, 06286 Khánh Khê, 06316 Tân Đoàn, 06337 Tân Tri, 06364 Vũ Lễ,
 * 06376 Nhất Hòa, 06391 Yên Bình, 06415 Vân Nham, 06445 Tân Thành, 06463
 * Chi Lăng, 06481 Chiến Thắng, 06505 Vạn Linh, 06541 Mẫu Sơn, 06565 Khuất
 * Xá, 06613 Đình Lập, 06616 Thái Bình, 06625 Kiên Mộc, 06637 Châu Sơn.
 */
const langSon = loadProvince("lang-son");

function summary(result: CommuneSearch): string {
  const former = (unit: { name: string; district: string; part?: true }) =>
    `${unit.name}/${unit.district}${unit.part ? " (part)" : ""}`;
  switch (result.kind) {
    case "one":
      return `one ${result.commune.code}`;
    case "former":
      return `former ${former(result.former)} → ${result.commune.code}`;
    case "choice":
      return `choice ${result.candidates
        .map((c) =>
          c.kind === "current" ? c.commune.code : `${former(c.former)} → ${c.commune.code}`,
        )
        .join(" | ")}`;
    case "several":
      return `several ${result.communes.map((c) => c.code).join("|")}`;
    case "former-district":
      return `district ${result.district}`;
    case "none":
      return "none";
  }
}

describe("the four examples of issue 13", () => {
  it.each<[string, string]>([
    // From one of the province's own articles: Cao Lộc's Hồng Phong went to Đồng Đăng,
    // not to the new xã Hồng Phong (formed from Bình Gia's Hồng Phong and Minh Khai).
    ["Hồng Phong, Cao Lộc", "former Hồng Phong/Cao Lộc → 06184"],
    ["thị trấn Đồng Mỏ", "former Đồng Mỏ/Chi Lăng → 06463"],
    ["phường Vĩnh Trại", "former Vĩnh Trại/Lạng Sơn → 05977"],
    ["xã Mai Pha", "former Mai Pha/Lạng Sơn → 05977"],
    ["xã Hoàng Đồng", "former Hoàng Đồng/Lạng Sơn → 05986"],
  ])("%s → %s", (query, expected) => {
    expect(summary(findCommunes(langSon, query))).toBe(expected);
  });
});

describe("a former unit's name finds the commune it now belongs to", () => {
  it.each<[string, string]>([
    // Ways of writing the district.
    ["xã Hồng Phong huyện Cao Lộc", "former Hồng Phong/Cao Lộc → 06184"],
    ["Hồng Phong - Cao Lộc - Lạng Sơn", "former Hồng Phong/Cao Lộc → 06184"],
    ["Hồng Phong Cao Lộc", "former Hồng Phong/Cao Lộc → 06184"],
    ["xa hong phong, h. cao loc", "former Hồng Phong/Cao Lộc → 06184"],
    [
      "thôn Nà Làng, xã Hồng Phong, huyện Cao Lộc, tỉnh Lạng Sơn",
      "former Hồng Phong/Cao Lộc → 06184",
    ],
    ["xã Hồng Phong, huyện Bình Gia", "one 06079"],
    ["hong phong binh gia", "one 06079"],
    // Without diacritics, with other prefixes.
    ["tt dong mo", "former Đồng Mỏ/Chi Lăng → 06463"],
    ["TT. Đồng Mỏ, H. Chi Lăng", "former Đồng Mỏ/Chi Lăng → 06463"],
    ["P. Vĩnh Trại, TP. Lạng Sơn", "former Vĩnh Trại/Lạng Sơn → 05977"],
    ["phuong vinh trai", "former Vĩnh Trại/Lạng Sơn → 05977"],
    ["mai pha, lang son", "former Mai Pha/Lạng Sơn → 05977"],
    ["Quảng Lạc", "former Quảng Lạc/Lạng Sơn → 05983"],
    ["phường Chi Lăng, thành phố Lạng Sơn", "former Chi Lăng/Lạng Sơn → 05983"],
    ["thị trấn Cao Lộc", "former Cao Lộc/Cao Lộc → 06187"],
    ["xã Hợp Thành, Cao Lộc", "former Hợp Thành/Cao Lộc → 06187"],
    ["Gia Cát", "former Gia Cát/Cao Lộc → 06187"],
    ["phường Hoàng Văn Thụ", "former Hoàng Văn Thụ/Lạng Sơn → 06187"],
    ["Lộc Yên", "former Lộc Yên/Cao Lộc → 06211"],
    ["thanh loa", "former Thanh Lòa/Cao Lộc → 06211"],
    ["thôn Khòn Pát, xã Yên Trạch, huyện Cao Lộc", "former Yên Trạch/Cao Lộc → 05977"],
    // A commune formed from units of two districts.
    ["Xuân Long, huyện Cao Lộc", "former Xuân Long/Cao Lộc → 06286"],
    ["xã Tràng Phái, Văn Quan", "former Tràng Phái/Văn Quan → 06316"],
    ["thị trấn Nông trường Thái Bình", "former Nông Trường Thái Bình/Đình Lập → 06616"],
    // A township whose commune keeps its name: nothing to explain.
    ["thị trấn Đồng Đăng", "one 06184"],
    ["thị trấn Chi Lăng", "one 06463"],
    ["TT Thất Khê, Tràng Định", "one 06040"],
    // Merged on 1/12/2024, then again in 2025.
    ["xã Vĩnh Tiến", "former Vĩnh Tiến/Tràng Định → 06001"],
    ["Tràng Các", "former Tràng Các/Văn Quan → 06286"],
    ["xa tinh bac", "former Tĩnh Bắc/Lộc Bình → 06565"],
  ])("%s → %s", (query, expected) => {
    expect(summary(findCommunes(langSon, query))).toBe(expected);
  });
});

describe("a name used in several places: the district decides, or the owner chooses", () => {
  it.each<[string, string]>([
    ["Hồng Phong", "choice 06079 | Hồng Phong/Cao Lộc → 06184"],
    ["hong phong", "choice 06079 | Hồng Phong/Cao Lộc → 06184"],
    ["xã Hồng Phong, tỉnh Lạng Sơn", "choice 06079 | Hồng Phong/Cao Lộc → 06184"],
    // A district that fits none of the places (here not even in the province): asked.
    ["xã Hồng Phong, huyện Hà Quảng", "choice 06079 | Hồng Phong/Cao Lộc → 06184"],
    ["xã Quý Hòa, huyện Cao Lộc", "choice 06076"],
    ["Mai Pha, huyện Hữu Lũng", "choice Mai Pha/Lạng Sơn → 05977"],
    // Four former xã Hòa Bình, none a commune today.
    [
      "Hòa Bình",
      "choice Hòa Bình/Bình Gia → 06103 | Hòa Bình/Văn Quan → 06253 | Hòa Bình/Hữu Lũng → 06391 | Hòa Bình/Chi Lăng → 06505",
    ],
    ["Hoà Bình, Hữu Lũng", "former Hòa Bình/Hữu Lũng → 06391"],
    ["xa hoa binh huyen chi lang", "former Hòa Bình/Chi Lăng → 06505"],
    ["Hòa Bình, huyện Bình Gia", "former Hòa Bình/Bình Gia → 06103"],
    ["Hồng Thái", "choice Hồng Thái/Bình Gia → 06115 | Hồng Thái/Văn Lãng → 06172"],
    ["Hồng Thái, Văn Lãng", "former Hồng Thái/Văn Lãng → 06172"],
    // Chi Lăng: a commune today, a former xã of Tràng Định, a former phường of the city.
    ["Chi Lăng", "choice 06463 | Chi Lăng/Lạng Sơn → 05983 | Chi Lăng/Tràng Định → 06040"],
    ["xã Chi Lăng", "choice 06463 | Chi Lăng/Tràng Định → 06040"],
    ["xã Chi Lăng, huyện Tràng Định", "former Chi Lăng/Tràng Định → 06040"],
    ["Chi Lăng, Chi Lăng", "one 06463"],
    ["Cao Lộc", "choice 06211 | Cao Lộc/Cao Lộc → 06187"],
    ["xã Cao Lộc", "one 06211"],
    ["Hoàng Văn Thụ, Bình Gia", "former Hoàng Văn Thụ/Bình Gia → 06112"],
    ["Hoàng Văn Thụ, Văn Lãng", "one 06172"],
    ["Thụy Hùng, Cao Lộc", "former Thụy Hùng/Cao Lộc → 06184"],
    ["Mẫu Sơn, Cao Lộc", "former Mẫu Sơn/Cao Lộc → 06196"],
    ["Mẫu Sơn, Lộc Bình", "one 06541"],
    ["Chiến Thắng, Bắc Sơn", "former Chiến Thắng/Bắc Sơn → 06364"],
    ["tan thanh, cao loc", "former Tân Thành/Cao Lộc → 06316"],
    ["xã Tân Thành, huyện Bắc Sơn", "former Tân Thành/Bắc Sơn → 06376"],
    ["Tân Thành, Hữu Lũng", "one 06445"],
  ])("%s → %s", (query, expected) => {
    expect(summary(findCommunes(langSon, query))).toBe(expected);
  });
});

describe("names that differ only by a mark", () => {
  it.each<[string, string]>([
    // Vạn Thủy (Bắc Sơn) and Vân Thủy (Chi Lăng) fold to the same letters.
    ["Vạn Thủy", "former Vạn Thủy/Bắc Sơn → 06337"],
    ["Vân Thủy", "former Vân Thủy/Chi Lăng → 06481"],
    ["van thuy", "choice Vạn Thủy/Bắc Sơn → 06337 | Vân Thủy/Chi Lăng → 06481"],
    ["van thuy, bac son", "former Vạn Thủy/Bắc Sơn → 06337"],
    // The district outweighs a mark typed wrong.
    ["Vân Thủy, Bắc Sơn", "former Vạn Thủy/Bắc Sơn → 06337"],
    ["Nhất Tiến", "former Nhất Tiến/Bắc Sơn → 06376"],
    ["Nhật Tiến", "former Nhật Tiến/Hữu Lũng → 06415"],
    ["nhat tien", "choice Nhất Tiến/Bắc Sơn → 06376 | Nhật Tiến/Hữu Lũng → 06415"],
    // Tân Thanh (Văn Lãng) against Tân Thành (a commune, and former xã of Bắc Sơn and Cao Lộc).
    ["Tân Thanh", "former Tân Thanh/Văn Lãng → 06172"],
    ["Tân Thành", "choice 06445 | Tân Thành/Cao Lộc → 06316 | Tân Thành/Bắc Sơn → 06376"],
    [
      "tan thanh",
      "choice 06445 | Tân Thanh/Văn Lãng → 06172 | Tân Thành/Cao Lộc → 06316 | Tân Thành/Bắc Sơn → 06376",
    ],
    // Tone marks placed the old way still count as the same spelling.
    ["Quý Hoà", "one 06076"],
  ])("%s → %s", (query, expected) => {
    expect(summary(findCommunes(langSon, query))).toBe(expected);
  });
});

describe("units split between two communes are always asked", () => {
  it.each<[string, string]>([
    ["Bính Xá", "choice Bính Xá/Đình Lập (part) → 06613 | Bính Xá/Đình Lập (part) → 06625"],
    [
      "xã Bính Xá, huyện Đình Lập",
      "choice Bính Xá/Đình Lập (part) → 06613 | Bính Xá/Đình Lập (part) → 06625",
    ],
    ["Kiên Mộc", "choice 06625 | Kiên Mộc/Đình Lập (part) → 06637"],
    ["xã Kiên Mộc, huyện Đình Lập", "choice 06625 | Kiên Mộc/Đình Lập (part) → 06637"],
    [
      "Đại Đồng, Tràng Định",
      "choice Đại Đồng/Tràng Định (part) → 06004 | Đại Đồng/Tràng Định (part) → 06040",
    ],
  ])("%s → %s", (query, expected) => {
    expect(summary(findCommunes(langSon, query))).toBe(expected);
  });
});

describe("typos and parts of former names", () => {
  it.each<[string, string]>([
    ["mai phaa", "choice Mai Pha/Lạng Sơn → 05977"],
    ["Hoang Dongg", "choice Hoàng Đồng/Lạng Sơn → 05986"],
    // Communes of today come first: "thien" is not asked about former units.
    ["thien", "several 06085|06103|06436|06091"],
    ["Xyz, huyện Cao Lộc", "district Cao Lộc"],
  ])("%s → %s", (query, expected) => {
    expect(summary(findCommunes(langSon, query))).toBe(expected);
  });
});

describe("labels", () => {
  const choice = findCommunes(langSon, "Hồng Phong");
  const candidates = choice.kind === "choice" ? choice.candidates : [];

  it("tell the candidates of a choice apart, as data for the locales", () => {
    expect(candidates.map((c) => candidateLabelParts(langSon, c))).toEqual([
      { kind: "current", commune: "xã Hồng Phong" },
      {
        kind: "former",
        former: "xã Hồng Phong",
        district: "huyện Cao Lộc",
        commune: "xã Đồng Đăng",
        part: false,
      },
    ]);
  });

  it("describe a former result and a split unit", () => {
    const found = findCommunes(langSon, "thị trấn Đồng Mỏ");
    if (found.kind !== "former") throw new Error(found.kind);
    expect(candidateLabelParts(langSon, found)).toEqual({
      kind: "former",
      former: "thị trấn Đồng Mỏ",
      district: "huyện Chi Lăng",
      commune: "xã Chi Lăng",
      part: false,
    });
    const split = findCommunes(langSon, "Bính Xá");
    if (split.kind !== "choice") throw new Error(split.kind);
    expect(split.candidates.map((c) => candidateLabelParts(langSon, c))).toMatchObject([
      { former: "xã Bính Xá", commune: "xã Đình Lập", part: true },
      { former: "xã Bính Xá", commune: "xã Kiên Mộc", part: true },
    ]);
  });

  it.each<[string, string, string]>([
    ["phường Vĩnh Trại", "phường Vĩnh Trại", "thành phố Lạng Sơn"],
    ["xã Mai Pha", "xã Mai Pha", "thành phố Lạng Sơn"],
    ["thị trấn Cao Lộc", "thị trấn Cao Lộc", "huyện Cao Lộc"],
  ])("%s: unit %s of %s", (query, unit, district) => {
    const found = findCommunes(langSon, query);
    if (found.kind !== "former") throw new Error(found.kind);
    expect(formerUnitLabel(found.former)).toBe(unit);
    const formerDistrict = formerDistrictOf(langSon, found.former);
    expect(formerDistrict && formerDistrictLabel(formerDistrict)).toBe(district);
  });

  it("a choice leads to distinct communes, so a button can carry the code", () => {
    for (const query of ["Hòa Bình", "tan thanh", "Chi Lăng", "Bính Xá", "Kiên Mộc"]) {
      const found = findCommunes(langSon, query);
      if (found.kind !== "choice") throw new Error(`${query}: ${found.kind}`);
      const codes = found.candidates.map((c) => c.commune.code);
      expect(new Set(codes).size, query).toBe(codes.length);
    }
  });
});
