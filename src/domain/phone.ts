/**
 * Vietnamese phone numbers, as people type them (0912 345 678, +84…, 84…,
 * dots, dashes) and as Telegram shares them (84912345678). Stored in E.164
 * (+84912345678). Carrier prefixes come from libphonenumber-js metadata.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { fail, ok, type Result } from "./result.ts";

export const PHONE_ERRORS = ["phone-empty", "phone-invalid", "phone-not-vietnamese"] as const;
export type PhoneError = (typeof PHONE_ERRORS)[number];

export type PhoneKind = "mobile" | "landline";
export type Phone = { e164: string; kind: PhoneKind };

/** Types a person can be called back on; hotlines (1800, 1900) are refused. */
const KIND_BY_TYPE: Readonly<Record<string, PhoneKind>> = {
  MOBILE: "mobile",
  FIXED_LINE_OR_MOBILE: "mobile",
  FIXED_LINE: "landline",
  VOIP: "landline",
};

export function parsePhone(input: string): Result<Phone, PhoneError> {
  const trimmed = input.trim();
  if (trimmed === "") return fail("phone-empty");
  // Only digits, one leading plus and the separators people type.
  const compact = trimmed.replace(/[\s.\-()/]/g, "");
  if (!/^\+?\d+$/.test(compact)) return fail("phone-invalid");
  let text = compact;
  if (text.startsWith("00")) text = `+${text.slice(2)}`;
  // 84912345678 (as Telegram shares contacts): the country code without "+".
  else if (/^84\d{9,10}$/.test(text)) text = `+${text}`;
  const parsed = parsePhoneNumberFromString(text, "VN");
  if (parsed === undefined) return fail("phone-invalid");
  if (parsed.countryCallingCode !== "84") return fail("phone-not-vietnamese");
  if (!parsed.isValid()) return fail("phone-invalid");
  const type = parsed.getType();
  const kind = type === undefined ? undefined : KIND_BY_TYPE[type];
  if (kind === undefined) return fail("phone-invalid");
  return ok({ e164: parsed.number, kind });
}

/** "+84912345678" → "0912 345 678"; "+842053871234" → "0205 3871 234". */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164, "VN");
  return parsed === undefined ? e164 : parsed.formatNational();
}
