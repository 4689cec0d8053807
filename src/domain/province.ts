/**
 * A province's settings file (src/data/provinces/<id>.json): its communes,
 * former districts (how owners still name places), deadlines and support
 * caps. Another province runs its own copy of the bot by swapping this file.
 * Unknown top-level fields such as "_comment" are allowed and dropped.
 */
import { z } from "zod";
import { SUPPORT_CATEGORY_IDS } from "./support-categories.ts";

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

const communeSchema = z.object({
  code: z.string().regex(/^\d{5}$/, "a commune code has 5 digits"),
  name: z.string().trim().min(1),
  kind: z.enum(["xa", "phuong"]),
});

const formerDistrictSchema = z.object({
  name: z.string().trim().min(1),
  kind: z.enum(["huyen", "thanh-pho"]),
  communeCodes: z.array(z.string()).min(1),
});

const supportCapSchema = z
  .object({
    category: z.enum(SUPPORT_CATEGORY_IDS),
    fromYear: z.number().int().min(2000).max(2100),
    toYear: z.number().int().min(2000).max(2100).optional(),
    maxPercent: z.number().gt(0).max(100).optional(),
    maxAmount: z
      .string()
      .regex(/^[1-9]\d*$/, "maxAmount is an integer number of đồng written as a string")
      .optional(),
    note: z.string().optional(),
  })
  .refine((cap) => cap.toYear === undefined || cap.toYear >= cap.fromYear, {
    message: "toYear is before fromYear",
    path: ["toYear"],
  })
  .refine((cap) => cap.maxPercent !== undefined || cap.maxAmount !== undefined, {
    message: "a cap needs maxPercent or maxAmount",
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
    supportCaps: z.array(supportCapSchema),
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
  });

export type Province = z.infer<typeof provinceSchema>;
export type Commune = Province["communes"][number];
export type FormerDistrict = Province["formerDistricts"][number];
