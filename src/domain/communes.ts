/**
 * Finding a commune (xã, phường) from what an owner types: with or without
 * diacritics, with prefixes ("xã", "p.", "thị trấn"), with the province
 * after it, by code, or by a former district ("huyện Cao Lộc"), which no
 * longer exists since 1/7/2025 but is how many people still name places.
 */
import type { Commune, FormerDistrict, Province } from "./province.ts";
import { foldVietnamese } from "./text.ts";

export type CommuneSearch =
  /** Exactly one commune by its full name or code: take it. */
  | { kind: "one"; commune: Commune }
  /**
   * Candidates to choose from (part of a name, or a likely typo); may hold a
   * single commune, which the person should still confirm.
   */
  | { kind: "several"; communes: Commune[] }
  /**
   * A former district by name ("Cao Lộc") and kind (huyện, thành phố): the
   * person picks one of its communes.
   */
  | {
      kind: "former-district";
      district: string;
      districtKind: FormerDistrict["kind"];
      communes: Commune[];
    }
  | { kind: "none" };

const COMMUNE_PREFIX = /^(xa\s+|x\.\s*|x\s+|phuong\s+|p\.\s*|p\s+|thi tran\s+|tt\.\s*|tt\s+)/;
const DISTRICT_PREFIX =
  /^(huyen\s+|h\.\s*|thanh pho\s+|tp\.\s*|tp\s+|t\.p\.?\s*|thi xa\s+|tx\.\s*|tx\s+)/;
/** Parts of an address below the commune: "thôn Nà Pàn", "số 5 đường …". */
const BELOW_COMMUNE = /^(thon|ban|xom|khu|khoi|to|so nha|so|ngo|ngach|duong|pho)\s/;
const COUNTRY = /^(viet nam|vn)$/;

/** Lowercase, no diacritics, punctuation turned into spaces ("." kept for prefixes). */
function clean(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9.\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const withoutDots = (text: string): string => text.replace(/\./g, " ").replace(/\s+/g, " ").trim();
const compact = (text: string): string => text.replace(/\s/g, "");
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function communeByCode(province: Province, code: string): Commune | undefined {
  return province.communes.find((commune) => commune.code === code);
}

/** "xã Cao Lộc", "phường Đông Kinh". */
export function communeLabel(commune: Commune): string {
  return `${commune.kind === "xa" ? "xã" : "phường"} ${commune.name}`;
}

/** "huyện Cao Lộc", "thành phố Lạng Sơn". */
export function formerDistrictLabel(district: FormerDistrict): string {
  return `${district.kind === "huyen" ? "huyện" : "thành phố"} ${district.name}`;
}

function districtResult(province: Province, district: FormerDistrict): CommuneSearch {
  const communes = district.communeCodes
    .map((code) => communeByCode(province, code))
    .filter((commune): commune is Commune => commune !== undefined);
  return {
    kind: "former-district",
    district: district.name,
    districtKind: district.kind,
    communes,
  };
}

function findDistrict(
  province: Province,
  name: string,
  allowPrefix: boolean,
): FormerDistrict | undefined {
  const districts = province.formerDistricts;
  const exact = districts.find((d) => compact(clean(d.name)) === compact(name));
  if (exact !== undefined || !allowPrefix) return exact;
  const byPrefix = districts.filter((d) => clean(d.name).startsWith(name));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

/** 0: the name starts with the query; 1: a word starts with it; 2: inside a word. */
function matchRank(name: string, query: string): number | undefined {
  if (name.startsWith(query)) return 0;
  if (name.includes(` ${query}`)) return 1;
  if (query.length >= 3 && name.includes(query)) return 2;
  return undefined;
}

function byRankThenName(ranked: { commune: Commune; rank: number; folded: string }[]): Commune[] {
  return ranked
    .sort((a, b) => a.rank - b.rank || (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0))
    .map((entry) => entry.commune);
}

function searchPart(province: Province, part: string): CommuneSearch {
  if (/^\d{4,5}$/.test(part)) {
    const commune = communeByCode(province, part.padStart(5, "0"));
    return commune === undefined ? { kind: "none" } : { kind: "one", commune };
  }

  let prefix: "commune" | "district" | undefined;
  let rest = part;
  const districtPrefix = DISTRICT_PREFIX.exec(rest);
  const communePrefix = COMMUNE_PREFIX.exec(rest);
  if (districtPrefix !== null) {
    prefix = "district";
    rest = rest.slice(districtPrefix[0].length);
  } else if (communePrefix !== null) {
    prefix = "commune";
    rest = rest.slice(communePrefix[0].length);
  }
  rest = withoutDots(rest);
  // "Cao Lộc Lạng Sơn", "Cao Lộc tỉnh Lạng Sơn": drop the province.
  const provinceName = escapeRegExp(withoutDots(clean(province.name)));
  const withoutProvince = rest.replace(new RegExp(`\\s*(tinh\\s+)?${provinceName}$`), "").trim();
  if (withoutProvince !== "") rest = withoutProvince;
  if (rest === "") return { kind: "none" };

  if (prefix === "district") {
    const district = findDistrict(province, rest, true);
    return district === undefined ? { kind: "none" } : districtResult(province, district);
  }

  const folded = province.communes.map((commune) => ({ commune, folded: clean(commune.name) }));
  const exact = folded.filter((entry) => compact(entry.folded) === compact(rest));
  if (exact.length === 1 && exact[0] !== undefined)
    return { kind: "one", commune: exact[0].commune };
  if (exact.length > 1) return { kind: "several", communes: exact.map((entry) => entry.commune) };

  if (prefix === undefined) {
    const district = findDistrict(province, rest, false);
    if (district !== undefined) return districtResult(province, district);
  }

  if (rest.length >= 2) {
    const ranked = folded.flatMap((entry) => {
      const rank = matchRank(entry.folded, rest);
      return rank === undefined ? [] : [{ ...entry, rank }];
    });
    if (ranked.length > 0) return { kind: "several", communes: byRankThenName(ranked) };
  }

  // Typos: one letter wrong (two in long names).
  const query = compact(rest);
  if (query.length >= 4) {
    const allowed = query.length >= 8 ? 2 : 1;
    const near = folded.flatMap((entry) => {
      const distance = levenshtein(compact(entry.folded), query);
      return distance <= allowed ? [{ ...entry, rank: distance }] : [];
    });
    if (near.length > 0) return { kind: "several", communes: byRankThenName(near) };
  }
  return { kind: "none" };
}

/**
 * Finds communes matching what a person typed, e.g. "Cao Lộc", "xa cao loc",
 * "P. Đông Kinh", "06211", "huyện Tràng Định", "thien",
 * "thôn Nà Pàn, xã Cao Lộc, tỉnh Lạng Sơn". A full commune name beats a
 * former district of the same name ("Cao Lộc" is the commune; "huyện Cao
 * Lộc" the district).
 */
export function findCommunes(province: Province, query: string): CommuneSearch {
  const provinceOnly = new RegExp(`^(tinh\\s+)?${escapeRegExp(clean(province.name))}$`);
  let parts = query
    .split(/[,;\n]/)
    .map(clean)
    .filter((part) => part !== "" && !COUNTRY.test(part));
  if (parts.length > 1) {
    const filtered = parts.filter((part) => !provinceOnly.test(part) && !BELOW_COMMUNE.test(part));
    if (filtered.length > 0) parts = filtered;
  }
  const results = parts.map((part) => searchPart(province, part));
  const preference: CommuneSearch["kind"][] = ["one", "former-district", "several"];
  for (const kind of preference) {
    const found = results.find((result) => result.kind === kind);
    if (found !== undefined) return found;
  }
  return { kind: "none" };
}
