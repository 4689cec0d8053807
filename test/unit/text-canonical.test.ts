import { describe, expect, it } from "vitest";
import { canonicalVietnamese, hasVietnameseMarks } from "../../src/domain/text.ts";

describe("canonicalVietnamese", () => {
  it.each<[string, string]>([
    ["Quý Hòa", "Quý Hoà"],
    ["Thụy Hùng", "Thuỵ Hùng"],
    ["Nhất Hòa", "nhất  hoà"],
    ["Lạng Sơn".normalize("NFD"), "LẠNG SƠN"],
  ])("%s and %s are the same spelling", (a, b) => {
    expect(canonicalVietnamese(a)).toBe(canonicalVietnamese(b));
  });

  it.each<[string, string]>([
    ["Vạn Thủy", "Vân Thủy"],
    ["Nhất Tiến", "Nhật Tiến"],
    ["Tân Thanh", "Tân Thành"],
    ["Đồng Đăng", "Dong Dang"],
  ])("%s and %s differ", (a, b) => {
    expect(canonicalVietnamese(a)).not.toBe(canonicalVietnamese(b));
  });
});

describe("hasVietnameseMarks", () => {
  it.each<[string, boolean]>([
    ["Vạn Thủy", true],
    ["Đong", true],
    ["Tân", true],
    ["van thuy", false],
    ["06211", false],
    ["", false],
  ])("%s → %s", (text, marked) => {
    expect(hasVietnameseMarks(text)).toBe(marked);
  });
});
