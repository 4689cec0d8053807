/**
 * Finding a commune (xã, phường) from what an owner types: with or without
 * diacritics, with prefixes ("xã", "p.", "thị trấn"), with the province
 * after it, by code, by a former district ("huyện Cao Lộc"), or by a unit
 * that no longer exists since 1/7/2025 ("thị trấn Đồng Mỏ", "xã Mai Pha"),
 * which is how many people still write their address.
 *
 * The rule that matters: a name used in several places (a commune today
 * and a former unit of another district, or former units of two districts)
 * is never resolved by guessing. The district the owner wrote decides
 * ("Hồng Phong, Cao Lộc"); without one, or with one that fits none of the
 * places, the result is a choice.
 */
import type { Commune, FormerDistrict, FormerUnit, Province } from "./province.ts";
import { canonicalVietnamese, foldVietnamese, hasVietnameseMarks } from "./text.ts";

export type { FormerUnit } from "./province.ts";

/** One place a typed name can stand for. */
export type CommuneCandidate =
  /** A commune by its name today. */
  | { kind: "current"; commune: Commune }
  /** A unit from before 1/7/2025 that is now (part of) `commune`. */
  | { kind: "former"; former: FormerUnit; commune: Commune };

export type CommuneSearch =
  /** Exactly one commune by its name today (or its code): take it. */
  | { kind: "one"; commune: Commune }
  /**
   * A former unit, now (part of) `commune`. Confirm before saving: "xã Mai
   * Pha (cũ) nay thuộc phường Đông Kinh, đúng không?"
   */
  | { kind: "former"; former: FormerUnit; commune: Commune }
  /**
   * The name fits several places, or the district written fits none: the
   * person picks. Each candidate leads to a different commune, so the
   * commune code identifies the pick. May hold a single candidate (a
   * district that does not fit): confirm it then.
   */
  | { kind: "choice"; candidates: CommuneCandidate[] }
  /**
   * Communes of today to choose from (part of a name, or a likely typo);
   * may hold a single commune, which the person should still confirm.
   */
  | { kind: "several"; communes: Commune[] }
  /**
   * A former district by name ("Cao Lộc") and kind (huyện, thành phố): the
   * person picks one of the communes on its former land.
   */
  | {
      kind: "former-district";
      district: string;
      districtKind: FormerDistrict["kind"];
      communes: Commune[];
    }
  | { kind: "none" };

const DISTRICT_PREFIX =
  /^(huyen\s+|h\.\s*|thanh pho\s+|tp\.\s*|tp\s+|t\.p\.?\s*|thi xa\s+|tx\.\s*|tx\s+)/;
/** Where a district may start inside one part: "xã Hồng Phong huyện Cao Lộc". */
const DISTRICT_INSIDE = /\s(?=(huyen|h\.|thanh pho|tp\.?|t\.p\.?|thi xa|tx\.?)\s*[a-z])/g;
/** Parts of an address below the commune: "thôn Nà Pàn", "số 5 đường …". */
const BELOW_COMMUNE = /^(thon|ban|xom|khu|khoi|to|so nha|so|ngo|ngach|duong|pho)\s/;
const COUNTRY = /^(viet nam|vn)$/;

type UnitKind = FormerUnit["kind"];

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
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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

/** Words in canonical spelling, space-delimited at both ends: " vạn thủy " (marks moved). */
function spelled(text: string): string {
  const words = canonicalVietnamese(text.replace(/[^\p{L}\p{M}\p{N}]+/gu, " "));
  return ` ${words} `;
}

/** Every name a commune can be found by, folded once per province. */
type Entry = { candidate: CommuneCandidate; kind: UnitKind; folded: string; spelling: string };
const entriesCache = new WeakMap<Province, Entry[]>();

function entriesOf(province: Province): Entry[] {
  const cached = entriesCache.get(province);
  if (cached !== undefined) return cached;
  const entry = (candidate: CommuneCandidate, kind: UnitKind, name: string): Entry => ({
    candidate,
    kind,
    folded: compact(clean(name)),
    spelling: spelled(name),
  });
  const entries = province.communes.flatMap((commune) => [
    entry({ kind: "current", commune }, commune.kind, commune.name),
    ...commune.formerUnits.map((former) =>
      entry({ kind: "former", former, commune }, former.kind, former.name),
    ),
  ]);
  entriesCache.set(province, entries);
  return entries;
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

function byRankThenName<T extends { rank: number; name: string }>(ranked: T[]): T[] {
  return ranked.sort((a, b) => a.rank - b.rank || byName(a.name, b.name));
}

/** "Cao Lộc Lạng Sơn", "Cao Lộc tỉnh Lạng Sơn": the province dropped (unless nothing is left). */
function withoutProvince(province: Province, text: string): string {
  const provinceName = escapeRegExp(withoutDots(clean(province.name)));
  const rest = text.replace(new RegExp(`\\s*(tinh\\s+)?${provinceName}$`), "").trim();
  return rest === "" ? text : rest;
}

/** A district the person wrote: found, or named but unknown here ("huyện Hà Quảng"). */
type DistrictHint = FormerDistrict | "unknown";

function districtHint(province: Province, text: string): DistrictHint {
  const prefix = DISTRICT_PREFIX.exec(text);
  const name = withoutProvince(province, withoutDots(prefix ? text.slice(prefix[0].length) : text));
  return findDistrict(province, name, true) ?? "unknown";
}

/**
 * Splits "xã Hồng Phong huyện Cao Lộc" into the place and the district,
 * only where what follows the keyword is a known district (so a name such
 * as "Huyền Sơn" is left whole).
 */
function splitInlineDistrict(province: Province, part: string): string[] {
  for (const match of part.matchAll(DISTRICT_INSIDE)) {
    const before = part.slice(0, match.index).trim();
    const after = part.slice(match.index).trim();
    if (before !== "" && districtHint(province, after) !== "unknown") return [before, after];
  }
  return [part];
}

/** "Hồng Phong Cao Lộc": the place and a district written after it without a comma. */
function splitTrailingDistrict(
  province: Province,
  text: string,
): { place: string; district: FormerDistrict } | undefined {
  for (const district of province.formerDistricts) {
    const name = clean(district.name);
    if (text.endsWith(` ${name}`)) {
      return { place: text.slice(0, -name.length).trim(), district };
    }
  }
  return undefined;
}

type Place = { text: string; raw: string; kind: UnitKind | undefined };

const PREFIX_KIND: [RegExp, UnitKind][] = [
  [/^(xa\s+|x\.\s*|x\s+)/, "xa"],
  [/^(phuong\s+|p\.\s*|p\s+)/, "phuong"],
  [/^(thi tran\s+|tt\.\s*|tt\s+)/, "thi-tran"],
];

function placeOf(province: Province, part: string, raw: string): Place {
  let text = part;
  let kind: UnitKind | undefined;
  for (const [prefix, prefixKind] of PREFIX_KIND) {
    const match = prefix.exec(text);
    if (match !== null) {
      kind = prefixKind;
      text = text.slice(match[0].length);
      break;
    }
  }
  return { text: withoutProvince(province, withoutDots(text)), raw, kind };
}

/** Entries whose name is exactly the text (folded: "quy hoa" = "Quý Hoà"). */
function exactEntries(province: Province, text: string): Entry[] {
  const query = compact(text);
  return entriesOf(province).filter((entry) => entry.folded === query);
}

const targetOf = (entry: Entry): Commune => entry.candidate.commune;

function fitsDistrict(entry: Entry, district: FormerDistrict): boolean {
  const { candidate } = entry;
  return candidate.kind === "current"
    ? district.communeCodes.includes(candidate.commune.code)
    : candidate.former.district === district.name;
}

/**
 * One candidate per commune: the commune by its own name where it is among
 * the entries, else the first former unit leading there. The commune of
 * today comes first, then the former units in data order.
 */
function candidatesByCommune(entries: Entry[]): CommuneCandidate[] {
  const byCode = new Map<string, CommuneCandidate>();
  for (const entry of entries) {
    const code = targetOf(entry).code;
    const kept = byCode.get(code);
    if (kept === undefined || (kept.kind === "former" && entry.candidate.kind === "current")) {
      byCode.set(code, entry.candidate);
    }
  }
  const candidates = [...byCode.values()];
  return [
    ...candidates.filter((candidate) => candidate.kind === "current"),
    ...candidates.filter((candidate) => candidate.kind === "former"),
  ];
}

/** Narrows the exact matches by what else the person wrote: kind, district, then diacritics. */
function resolveExact(
  entries: Entry[],
  place: Place,
  hints: DistrictHint[],
): CommuneSearch | undefined {
  let matches = entries;
  // "xã Cao Lộc" is the commune, "thị trấn Cao Lộc" the former township;
  // a wrong word ("xã Kỳ Lừa") is ignored rather than finding nothing.
  const ofKind = matches.filter((entry) => entry.kind === place.kind);
  if (ofKind.length > 0) matches = ofKind;

  let districtConflict = false;
  const known = hints.filter((hint): hint is FormerDistrict => hint !== "unknown");
  if (hints.length > 0) {
    const inDistrict = matches.filter((entry) => known.some((d) => fitsDistrict(entry, d)));
    if (inDistrict.length > 0) matches = inDistrict;
    else districtConflict = true;
  }

  // Vạn Thủy and Vân Thủy fold the same: marks the person typed tell them apart.
  if (
    !districtConflict &&
    candidatesByCommune(matches).length > 1 &&
    hasVietnameseMarks(place.raw)
  ) {
    const typed = spelled(place.raw);
    const sameSpelling = matches.filter((entry) => typed.includes(entry.spelling));
    if (sameSpelling.length > 0) matches = sameSpelling;
  }

  const candidates = candidatesByCommune(matches);
  const [only] = candidates;
  if (only === undefined) return undefined;
  if (districtConflict || candidates.length > 1) return { kind: "choice", candidates };
  // A split unit is listed under each commune it went to: never one answer.
  if (matches.some((entry) => entry.candidate.kind === "former" && entry.candidate.former.part)) {
    return { kind: "choice", candidates };
  }
  if (only.kind === "current") return { kind: "one", commune: only.commune };
  // "thị trấn Đồng Đăng" is now xã Đồng Đăng: the name is still right.
  if (compact(clean(only.commune.name)) === compact(place.text)) {
    return { kind: "one", commune: only.commune };
  }
  return { kind: "former", former: only.former, commune: only.commune };
}

/** Part of a name, or one or two letters wrong, among communes of today, else former names. */
function searchApproximate(
  province: Province,
  text: string,
  hints: DistrictHint[],
): CommuneSearch | undefined {
  const known = hints.filter((hint): hint is FormerDistrict => hint !== "unknown");
  const inHints = (entries: Entry[]): Entry[] => {
    if (known.length === 0) return entries;
    const inside = entries.filter((entry) => known.some((d) => fitsDistrict(entry, d)));
    return inside.length > 0 ? inside : entries;
  };
  const query = compact(text);
  const near = (entries: Entry[]): { entry: Entry; rank: number; name: string }[] => {
    const ranked =
      text.length < 2
        ? []
        : entries.flatMap((entry) => {
            const name = clean(nameOf(entry));
            const rank = matchRank(name, text);
            return rank === undefined ? [] : [{ entry, rank, name }];
          });
    if (ranked.length > 0 || query.length < 4) return ranked;
    // Typos: one letter wrong (two in long names).
    const allowed = query.length >= 8 ? 2 : 1;
    return entries.flatMap((entry) => {
      const distance = levenshtein(entry.folded, query);
      return distance <= allowed ? [{ entry, rank: distance, name: clean(nameOf(entry)) }] : [];
    });
  };

  const all = entriesOf(province);
  const current = near(inHints(all.filter((entry) => entry.candidate.kind === "current")));
  if (current.length > 0) {
    return { kind: "several", communes: byRankThenName(current).map((m) => targetOf(m.entry)) };
  }
  const former = near(inHints(all.filter((entry) => entry.candidate.kind === "former")));
  if (former.length > 0) {
    const candidates = candidatesByCommune(byRankThenName(former).map((m) => m.entry));
    return { kind: "choice", candidates };
  }
  return undefined;
}

function nameOf(entry: Entry): string {
  return entry.candidate.kind === "current"
    ? entry.candidate.commune.name
    : entry.candidate.former.name;
}

function searchPlace(province: Province, place: Place, hints: DistrictHint[]): CommuneSearch {
  if (place.text === "") return { kind: "none" };
  let exact = exactEntries(province, place.text);
  let placeHints = hints;
  let text = place.text;
  if (exact.length === 0) {
    const split = splitTrailingDistrict(province, place.text);
    if (split !== undefined && exactEntries(province, split.place).length > 0) {
      text = split.place;
      exact = exactEntries(province, text);
      placeHints = [...hints, split.district];
    }
  }
  const resolved = resolveExact(exact, { ...place, text }, placeHints);
  if (resolved !== undefined) return resolved;

  if (place.kind === undefined) {
    const district = findDistrict(province, text, false);
    if (district !== undefined) return districtResult(province, district);
  }
  return searchApproximate(province, text, placeHints) ?? { kind: "none" };
}

/**
 * Finds communes matching what a person typed, e.g. "Cao Lộc", "xa cao
 * loc", "P. Đông Kinh", "06211", "huyện Tràng Định", "thien", "thôn Nà Pàn,
 * xã Cao Lộc, tỉnh Lạng Sơn", "thị trấn Đồng Mỏ", "Hồng Phong, Cao Lộc",
 * "xã Hồng Phong huyện Cao Lộc", "Hồng Phong - Cao Lộc - Lạng Sơn".
 *
 * An address is read small to large: the first name is the place; a later
 * part with "huyện", "TP." (or exactly a former district's name) is the
 * district that decides between places of the same name. A commune's full
 * name beats a former district of the same name ("Bình Gia" is the
 * commune; "huyện Bình Gia" the district).
 */
export function findCommunes(province: Province, query: string): CommuneSearch {
  const provinceOnly = new RegExp(`^(tinh\\s+)?${escapeRegExp(clean(province.name))}$`);
  let parts = query
    .split(/[,;\n\-–—]/)
    .flatMap((raw) => {
      const part = clean(raw);
      // The unfolded text travels along so typed marks can still decide.
      return splitInlineDistrict(province, part).map((piece) => ({ part: piece, raw }));
    })
    .filter(({ part }) => part !== "" && !COUNTRY.test(part));
  if (parts.length > 1) {
    const filtered = parts.filter(
      ({ part }) => !provinceOnly.test(part) && !BELOW_COMMUNE.test(part),
    );
    if (filtered.length > 0) parts = filtered;
  }

  for (const { part } of parts) {
    if (/^\d{4,5}$/.test(part)) {
      const commune = communeByCode(province, part.padStart(5, "0"));
      if (commune !== undefined) return { kind: "one", commune };
    }
  }

  const named = parts.filter(({ part }) => !/^\d+$/.test(part));
  const districtParts = named.filter(({ part }) => DISTRICT_PREFIX.test(part));
  const placeParts = named.filter(({ part }) => !DISTRICT_PREFIX.test(part));
  const hints: DistrictHint[] = districtParts.map(({ part }) => districtHint(province, part));
  // After the place, a bare former district's name is a district too: "Hồng Phong, Cao Lộc".
  const [first, ...others] = placeParts;
  const alternatives: typeof placeParts = [];
  for (const other of others) {
    const district = findDistrict(
      province,
      withoutProvince(province, withoutDots(other.part)),
      false,
    );
    if (district !== undefined) hints.push(district);
    else alternatives.push(other);
  }

  for (const candidate of first === undefined ? [] : [first, ...alternatives]) {
    const found = searchPlace(province, placeOf(province, candidate.part, candidate.raw), hints);
    if (found.kind !== "none") return found;
  }
  const [district] = hints.filter((hint): hint is FormerDistrict => hint !== "unknown");
  if (district !== undefined) return districtResult(province, district);
  return { kind: "none" };
}
