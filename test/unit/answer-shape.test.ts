import { describe, expect, it } from "vitest";
import { type AnswerShape, answerShape, isPlainAmount } from "../../src/domain/answer-shape.ts";
import { parseMoney } from "../../src/domain/money.ts";

describe("answerShape: what a typed answer looks like", () => {
  it.each<[string, AnswerShape]>([
    ["khoảng 25 người", "count"],
    ["khoang 25 nguoi", "count"],
    ["25 người", "count"],
    ["trên 10 lao động", "count"],
    ["20 công nhân", "count"],
    ["25", "number"],
    ["1.500", "number"],
    ["khoảng 30", "number"],
    ["0912 345 678", "phone"],
    ["0912.345.678", "phone"],
    ["+84 912 345 678", "phone"],
    ["0205 3871 234", "phone"],
    ["0100109106", "tax-code"],
    ["0100109106-001", "tax-code"],
    ["coso@gmail.com", "email"],
    ["600 triệu", "money"],
    ["1,5 tỷ", "money"],
    ["sáu trăm triệu đồng", "money"],
    ["05/09/2019", "date"],
    ["3/2028", "date"],
    ["Chế biến chè", "text"],
    ["Hợp tác xã 19/5", "text"],
    ["Máy sấy chè 500 kg/mẻ", "text"],
    ["Chè Ô Long, chè xanh", "text"],
    ["Thôn Nà Pàn", "text"],
    ["Số 12 đường Bà Triệu", "text"],
    ["Tạo thêm 5 việc làm", "text"],
    ["Công ty TNHH 3D", "text"],
    ["Đồng", "text"],
    ["", "text"],
  ])("%s → %s", (typed, shape) => {
    expect(answerShape(typed)).toBe(shape);
  });
});

describe("isPlainAmount: figures with one unit, read back without a confirmation", () => {
  it.each([
    "600 triệu",
    "600tr",
    "600 tr",
    "1,5 tỷ",
    "1,5 ti",
    "850.000.000",
    "850000000",
    "1 500 000",
    "1.500.000 đ",
    "600 triệu đồng",
    "500k",
    "2.010,7 triệu",
  ])("%s is plain", (typed) => {
    expect(parseMoney(typed).ok).toBe(true);
    expect(isPlainAmount(typed)).toBe(true);
  });

  it.each([
    "sáu trăm triệu",
    "ba trăm năm mươi triệu đồng",
    "1 tỷ rưỡi",
    "2 tỷ 5",
    "1 tỷ 200 triệu",
    "1 tỷ 200",
    "1tr5",
    "2 triệu rưỡi",
    "1 tỷ hai trăm triệu",
    "mot ty ruoi",
  ])("%s was interpreted", (typed) => {
    expect(parseMoney(typed).ok).toBe(true);
    expect(isPlainAmount(typed)).toBe(false);
  });
});
