import { describe, expect, it } from "vitest";
import { formatPhone, type PhoneError, parsePhone } from "../../src/domain/phone.ts";

describe("parsePhone accepts", () => {
  it.each<[string, string, "mobile" | "landline"]>([
    ["0912345678", "+84912345678", "mobile"],
    ["091 234 5678", "+84912345678", "mobile"],
    ["0912 345 678", "+84912345678", "mobile"],
    ["0912.345.678", "+84912345678", "mobile"],
    ["0912-345-678", "+84912345678", "mobile"],
    ["(091) 234 5678", "+84912345678", "mobile"],
    ["+84912345678", "+84912345678", "mobile"],
    ["84912345678", "+84912345678", "mobile"],
    ["+84 91 234 5678", "+84912345678", "mobile"],
    ["+84 (0) 912 345 678", "+84912345678", "mobile"],
    ["0084912345678", "+84912345678", "mobile"],
    ["  0912345678  ", "+84912345678", "mobile"],
    ["0866123456", "+84866123456", "mobile"],
    ["0321234567", "+84321234567", "mobile"],
    ["0562123456", "+84562123456", "mobile"],
    ["0703123456", "+84703123456", "mobile"],
    ["0888123456", "+84888123456", "mobile"],
    ["0987654321", "+84987654321", "mobile"],
    ["0205 3871 234", "+842053871234", "landline"],
    ["02053871234", "+842053871234", "landline"],
    ["0205.3871.234", "+842053871234", "landline"],
    ["+84 205 3871 234", "+842053871234", "landline"],
    ["842053871234", "+842053871234", "landline"],
    ["024 3825 1234", "+842438251234", "landline"],
    ["028 3829 1234", "+842838291234", "landline"],
  ])("%s → %s (%s)", (input, e164, kind) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: { e164, kind } });
  });
});

describe("parsePhone refuses", () => {
  it.each<[string, PhoneError]>([
    ["", "phone-empty"],
    ["   ", "phone-empty"],
    ["abc", "phone-invalid"],
    ["không có", "phone-invalid"],
    ["0912 345 67a", "phone-invalid"],
    ["0912345", "phone-invalid"],
    ["091234567890", "phone-invalid"],
    ["0112345678", "phone-invalid"],
    ["1900123456", "phone-invalid"],
    ["18001234", "phone-invalid"],
    ["12345", "phone-invalid"],
    ["0912345678 hoặc 0987654321", "phone-invalid"],
    ["+12025550123", "phone-not-vietnamese"],
    ["+8613800138000", "phone-not-vietnamese"],
    ["+85621234567", "phone-not-vietnamese"],
    ["001 202 555 0123", "phone-not-vietnamese"],
  ])("%s → %s", (input, error) => {
    const result = parsePhone(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(error);
  });
});

describe("formatPhone", () => {
  it.each<[string, string]>([
    ["+84912345678", "0912 345 678"],
    ["+84987654321", "0987 654 321"],
    ["+84321234567", "0321 234 567"],
    ["+842053871234", "0205 3871 234"],
    ["+842438251234", "024 3825 1234"],
  ])("%s → %s", (e164, text) => {
    expect(formatPhone(e164)).toBe(text);
  });

  it("round-trips what parsePhone stores", () => {
    for (const input of ["091 234 5678", "+84 205 3871 234", "84987654321"]) {
      const parsed = parsePhone(input);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsePhone(formatPhone(parsed.value.e164))).toEqual(parsed);
    }
  });
});
