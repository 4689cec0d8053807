/**
 * How communes, former units and former districts are named in messages:
 * place names as data (the words around them live in the locales).
 */
import type { CommuneCandidate } from "./communes.ts";
import type { Commune, FormerDistrict, FormerUnit, Province } from "./province.ts";

type UnitKind = FormerUnit["kind"];

/** "xã Cao Lộc", "phường Đông Kinh". */
export function communeLabel(commune: Commune): string {
  return `${commune.kind === "xa" ? "xã" : "phường"} ${commune.name}`;
}

const UNIT_WORD: Record<UnitKind, string> = { xa: "xã", phuong: "phường", "thi-tran": "thị trấn" };

/** "xã Mai Pha", "thị trấn Đồng Mỏ", "phường Vĩnh Trại": the unit's own name, as on old papers. */
export function formerUnitLabel(unit: FormerUnit): string {
  return `${UNIT_WORD[unit.kind]} ${unit.name}`;
}

/** "huyện Cao Lộc", "thành phố Lạng Sơn". */
export function formerDistrictLabel(district: FormerDistrict): string {
  return `${district.kind === "huyen" ? "huyện" : "thành phố"} ${district.name}`;
}

/** The former district a former unit belonged to (validated to exist when the file is loaded). */
export function formerDistrictOf(province: Province, unit: FormerUnit): FormerDistrict | undefined {
  return province.formerDistricts.find((district) => district.name === unit.district);
}

/**
 * The place names a bot message needs to tell candidates apart, as data:
 * the words around them ("(nay)", "cũ", "nay thuộc", "một phần") belong in
 * the locales. Names keep their unit word ("xã", "phường", "thị trấn",
 * "huyện"), which is part of a Vietnamese place name in either language.
 *
 * - current: `{ commune: "xã Hồng Phong" }`, e.g. "xã Hồng Phong (nay)";
 * - former: `{ former: "xã Hồng Phong", district: "huyện Cao Lộc", commune:
 *   "xã Đồng Đăng", part }`, e.g. "xã Hồng Phong cũ, huyện Cao Lộc → nay
 *   thuộc xã Đồng Đăng"; `part` when only part of the unit went there.
 *
 * Also takes a `former` search result, which has the same shape.
 */
export function candidateLabelParts(
  province: Province,
  candidate: CommuneCandidate,
):
  | { kind: "current"; commune: string }
  | { kind: "former"; former: string; district: string; commune: string; part: boolean } {
  if (candidate.kind === "current")
    return { kind: "current", commune: communeLabel(candidate.commune) };
  const district = formerDistrictOf(province, candidate.former);
  return {
    kind: "former",
    former: formerUnitLabel(candidate.former),
    district: district === undefined ? candidate.former.district : formerDistrictLabel(district),
    commune: communeLabel(candidate.commune),
    part: candidate.former.part === true,
  };
}
