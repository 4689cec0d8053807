import { describe, expect, it } from "vitest";
import { foldVietnamese } from "../../src/domain/text.ts";

describe("foldVietnamese", () => {
  it.each<[string, string]>([
    ["Lạng Sơn", "lang son"],
    ["Đồng Đăng", "dong dang"],
    ["ĐÔNG KINH", "dong kinh"],
    ["Quý Hòa", "quy hoa"],
    ["Quý Hoà", "quy hoa"],
    ["Thụy Hùng", "thuy hung"],
    ["Thuỵ Hùng", "thuy hung"],
    ["  Hữu   Lũng  ", "huu lung"],
    ["Điềm\tHe\n", "diem he"],
    ["Nguyễn Văn Ấn", "nguyen van an"],
    ["Ứng dụng máy móc", "ung dung may moc"],
    ["Sản xuất sạch hơn", "san xuat sach hon"],
    ["Ỷ Ỳ Ỹ Ỵ", "y y y y"],
    ["", ""],
    ["06211", "06211"],
    ["Cao Lộc, Lạng Sơn", "cao loc, lang son"],
    // NFD input (macOS keyboards, some web forms) folds the same way.
    ["Lạng Sơn".normalize("NFD"), "lang son"],
  ])("%s → %s", (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });
});
