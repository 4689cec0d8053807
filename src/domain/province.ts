/**
 * A province's settings file (src/data/provinces/<id>.json): its communes,
 * the units each commune was formed from and the former districts (how
 * owners still name places), deadlines, and two documented sections: the
 * national rules (caps on national funds, who may apply) and the province's
 * own choices (whether wards are rural, caps on local funds). Every number a
 * text states about these comes from here. Another province runs its own
 * copy of the bot by swapping this file. Unknown fields such as "_comment"
 * and "_sources" are allowed and dropped.
 */
import { z } from "zod";
import { SUPPORT_CATEGORY_IDS } from "./support-categories.ts";
import { canonicalVietnamese } from "./text.ts";

/** Days per month allowing 29/02: a deadline is a day that recurs yearly. */
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const dayOfYearSchema = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  })
  .refine(({ month, day }) => day <= (MAX_DAY[month - 1] ?? 0), {
    message: "day does not exist in that month",
    path: ["day"],
  });

/**
 * A xã, phường or thị trấn that existed before 1/7/2025, in the former
 * district (huyện, thành phố) named by `district`. `part` marks a unit split
 * between several communes: it is listed under each of them.
 */
const formerUnitSchema = z.object({
  name: z.string().trim().min(1),
  kind: z.enum(["xa", "phuong", "thi-tran"]),
  district: z.string().trim().min(1),
  part: z.literal(true).optional(),
  /** For officers: e.g. an earlier merger the unit went through. */
  note: z.string().optional(),
});

const communeSchema = z.object({
  code: z.string().regex(/^\d{5}$/, "a commune code has 5 digits"),
  name: z.string().trim().min(1),
  kind: z.enum(["xa", "phuong"]),
  /** The units this commune was formed from; optional for a province without the data. */
  formerUnits: z.array(formerUnitSchema).default([]),
});

const formerDistrictSchema = z.object({
  name: z.string().trim().min(1),
  kind: z.enum(["huyen", "thanh-pho"]),
  communeCodes: z.array(z.string()).min(1),
});

/**
 * A value the code relies on that may not be confirmed against an official
 * text: `confirmed` says whether it was, `note` where it comes from. An
 * officer corrects the value in the file; texts always read it from here.
 */
const settingSchema = <T extends z.ZodType>(value: T) =>
  z.object({ value, confirmed: z.boolean(), note: z.string().optional() });

const moneySchema = z
  .string()
  .regex(/^[1-9]\d*$/, "an amount is an integer number of đồng written as a string");

const supportCapSchema = z
  .object({
    category: z.enum(SUPPORT_CATEGORY_IDS),
    fromYear: z.number().int().min(2000).max(2100),
    toYear: z.number().int().min(2000).max(2100).optional(),
    maxPercent: z.number().gt(0).max(100).optional(),
    maxAmount: moneySchema.optional(),
    /** a complete technology line may receive this many times maxAmount */
    completeLineFactor: settingSchema(z.number().gt(1).max(10)).optional(),
    /** checked against the official text named in `source` */
    confirmed: z.boolean(),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .refine((cap) => cap.toYear === undefined || cap.toYear >= cap.fromYear, {
    message: "toYear is before fromYear",
    path: ["toYear"],
  })
  .refine((cap) => cap.maxPercent !== undefined || cap.maxAmount !== undefined, {
    message: "a cap needs maxPercent or maxAmount",
  })
  .refine((cap) => cap.completeLineFactor === undefined || cap.maxAmount !== undefined, {
    message: "completeLineFactor multiplies maxAmount, which is missing",
    path: ["completeLineFactor"],
  });

/** The kinds of establishment the bot knows (the profile's legal forms). */
export const LEGAL_FORM_IDS = [
  "enterprise",
  "cooperative",
  "cooperative-group",
  "household-business",
] as const;

/**
 * The national rules: the same in every province (decrees and circulars of
 * the Government and the Ministries). Caps here are those of khuyến công
 * quốc gia funds.
 */
const nationalRulesSchema = z.object({
  supportCaps: z.array(supportCapSchema),
  /** the self-check of a small or medium enterprise: up to this many workers, or capital up to this */
  smallAndMediumLimits: settingSchema(
    z.object({ maxWorkers: z.number().int().min(1), maxCapital: moneySchema }),
  ),
  /** who may apply, by legal form */
  eligibleLegalForms: z.array(z.enum(LEGAL_FORM_IDS)).min(1),
});

/**
 * What the province decides for itself (by a resolution of its People's
 * Council or a decision of its People's Committee): whether its wards count
 * as rural, its own caps on khuyến công địa phương funds, and what applies
 * until those are entered.
 */
const provinceChoicesSchema = z.object({
  /** whether an establishment in a phường counts as rural (xã always do) */
  wardsAreRural: settingSchema(z.boolean()),
  /** caps on local funds set by the province; empty until entered */
  localSupportCaps: z.array(supportCapSchema),
  /** without a local cap for a category, a local request is compared with the national one (and the owner told so) */
  localCapsFollowNational: settingSchema(z.boolean()),
});

export const provinceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id is kebab-case, e.g. lang-son"),
    name: z.string().trim().min(1),
    codePrefix: z.string().regex(/^[A-Z]{1,5}$/, "codePrefix is 1–5 capital letters, e.g. LS"),
    agencyName: z.string().trim().min(1),
    registrationDeadline: dayOfYearSchema,
    planSubmissionDeadline: dayOfYearSchema,
    communes: z.array(communeSchema).min(1),
    formerDistricts: z.array(formerDistrictSchema),
    nationalRules: nationalRulesSchema,
    provinceChoices: provinceChoicesSchema,
  })
  .superRefine((province, ctx) => {
    const codes = new Set<string>();
    for (const [index, commune] of province.communes.entries()) {
      if (codes.has(commune.code)) {
        ctx.addIssue({
          code: "custom",
          message: `duplicate commune code ${commune.code}`,
          path: ["communes", index, "code"],
        });
      }
      codes.add(commune.code);
    }
    for (const [index, district] of province.formerDistricts.entries()) {
      for (const [codeIndex, code] of district.communeCodes.entries()) {
        if (!codes.has(code)) {
          ctx.addIssue({
            code: "custom",
            message: `unknown commune code ${code}`,
            path: ["formerDistricts", index, "communeCodes", codeIndex],
          });
        }
      }
    }
    checkFormerUnits(province, ctx);
  });

type ParsedProvince = {
  communes: { code: string; formerUnits: z.infer<typeof formerUnitSchema>[] }[];
  formerDistricts: { name: string; communeCodes: string[] }[];
};

/**
 * Each former unit names a known former district whose communes include the
 * unit's commune, and is mapped to one commune only, unless it is marked
 * `part` (split), in which case it is listed under two communes or more.
 * A unit is its (name, kind, district): thị trấn Đình Lập and xã Đình Lập
 * were two units. Names compare in canonical spelling (Hòa = Hoà).
 */
function checkFormerUnits(province: ParsedProvince, ctx: z.RefinementCtx): void {
  const districts = new Map(province.formerDistricts.map((d) => [d.name, d]));
  const byUnit = new Map<string, { code: string; part: boolean; path: (string | number)[] }[]>();
  for (const [communeIndex, commune] of province.communes.entries()) {
    for (const [unitIndex, unit] of commune.formerUnits.entries()) {
      const path = ["communes", communeIndex, "formerUnits", unitIndex];
      const district = districts.get(unit.district);
      if (district === undefined) {
        ctx.addIssue({
          code: "custom",
          message: `unknown former district "${unit.district}" (not in formerDistricts)`,
          path: [...path, "district"],
        });
      } else if (!district.communeCodes.includes(commune.code)) {
        ctx.addIssue({
          code: "custom",
          message: `${commune.code} has a unit of "${unit.district}" but is not in that district's communeCodes`,
          path: [...path, "district"],
        });
      }
      const key = [canonicalVietnamese(unit.name), unit.kind, unit.district].join("|");
      const entries = byUnit.get(key) ?? [];
      entries.push({ code: commune.code, part: unit.part === true, path });
      byUnit.set(key, entries);
    }
  }
  for (const entries of byUnit.values()) {
    const communes = new Set(entries.map((entry) => entry.code));
    for (const [index, entry] of entries.entries()) {
      if (communes.size > 1 && !entries.every((e) => e.part)) {
        ctx.addIssue({
          code: "custom",
          message: `mapped to ${[...communes].join(" and ")}; if it was split, mark each entry "part": true`,
          path: entry.path,
        });
      } else if (index > 0 && entries[index - 1]?.code === entry.code) {
        ctx.addIssue({ code: "custom", message: "listed twice", path: entry.path });
      } else if (entry.part && communes.size < 2) {
        ctx.addIssue({
          code: "custom",
          message: `marked "part" but listed under one commune only (${entry.code})`,
          path: [...entry.path, "part"],
        });
      }
    }
  }
}

export type Province = z.infer<typeof provinceSchema>;
export type Commune = Province["communes"][number];
export type FormerDistrict = Province["formerDistricts"][number];
export type FormerUnit = Commune["formerUnits"][number];
export type NationalRules = Province["nationalRules"];
export type ProvinceChoices = Province["provinceChoices"];
export type LegalFormId = (typeof LEGAL_FORM_IDS)[number];
