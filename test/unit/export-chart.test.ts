import { createCanvas, GlobalFonts, loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import {
  type CategoryAmounts,
  CHART_FONT_FAMILY,
  type ChartTexts,
  renderCategoryChart,
  toMillions,
  wrapLabel,
} from "../../src/services/export/chart.ts";

const TEXTS: ChartTexts = {
  title: "Kinh phí khuyến công theo nội dung, năm 2027",
  requested: "Đề nghị hỗ trợ",
  approved: "Được duyệt",
  amountAxis: "triệu đồng",
  noData: "Chưa có hồ sơ nào",
};

const TRIEU = 1_000_000n;

const CATEGORIES: CategoryAmounts[] = [
  "Đào tạo nghề, truyền nghề, nâng cao tay nghề",
  "Nâng cao năng lực quản lý, khởi sự doanh nghiệp",
  "Xây dựng mô hình trình diễn kỹ thuật",
  "Ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ",
  "Phát triển sản phẩm công nghiệp nông thôn tiêu biểu",
  "Hội chợ, triển lãm; phòng trưng bày",
  "Thiết kế mẫu mã, bao bì; xây dựng, đăng ký nhãn hiệu",
  "Tư vấn",
  "Sản xuất sạch hơn, tiết kiệm năng lượng",
  "Cụm công nghiệp: quy hoạch, hạ tầng",
  "Thông tin, tuyên truyền",
].map((label, index) => ({
  label,
  requested: BigInt(100 + index * 173) * TRIEU + 500_000n,
  approved: BigInt(50 + index * 97) * TRIEU,
}));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The approved series' colour in chart.ts. */
const APPROVED_RGB = [0x1f, 0x5a, 0xa6];

function pngSize(png: Buffer): { width: number; height: number } {
  // The IHDR chunk comes first: its width and height follow the chunk header.
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function pixels(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height).data;
}

async function pictureFacts(png: Buffer) {
  const data = await pixels(png);
  let sum = 0;
  let sumOfSquares = 0;
  let approvedPixels = 0;
  let transparentPixels = 0;
  const count = data.length / 4;
  for (let offset = 0; offset < data.length; offset += 4) {
    const [red, green, blue, alpha] = [
      data[offset] ?? 0,
      data[offset + 1] ?? 0,
      data[offset + 2] ?? 0,
      data[offset + 3] ?? 0,
    ];
    const luminance = 0.299 * red + 0.587 * green + 0.114 * blue;
    sum += luminance;
    sumOfSquares += luminance * luminance;
    if (alpha < 255) transparentPixels += 1;
    const [r, g, b] = APPROVED_RGB as [number, number, number];
    if (Math.abs(red - r) < 8 && Math.abs(green - g) < 8 && Math.abs(blue - b) < 8) {
      approvedPixels += 1;
    }
  }
  const mean = sum / count;
  return { variance: sumOfSquares / count - mean * mean, approvedPixels, transparentPixels };
}

describe("renderCategoryChart", () => {
  it("draws a 1000×600 PNG with bars on a white page", async () => {
    const png = await renderCategoryChart(CATEGORIES, TEXTS);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 1000, height: 600 });
    const facts = await pictureFacts(png);
    expect(facts.variance).toBeGreaterThan(100);
    expect(facts.transparentPixels).toBe(0);
    // eleven approved bars, far more than the legend's swatch
    expect(facts.approvedPixels).toBeGreaterThan(20_000);
  });

  it("draws a message, not bars, when there is no category", async () => {
    const png = await renderCategoryChart([], TEXTS);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 1000, height: 600 });
    const facts = await pictureFacts(png);
    expect(facts.variance).toBeGreaterThan(10);
    expect(facts.approvedPixels).toBeLessThan(1000);
    const withMessage = await pictureFacts(
      await renderCategoryChart([], { ...TEXTS, noData: "Chưa có hồ sơ nào trong tuần này" }),
    );
    expect(withMessage.variance).not.toBe(facts.variance);
  });

  it("draws one category, and zero amounts", async () => {
    const one = await pictureFacts(await renderCategoryChart(CATEGORIES.slice(3, 4), TEXTS));
    expect(one.approvedPixels).toBeGreaterThan(2000);
    const zero = await renderCategoryChart(
      [{ label: "Tư vấn", requested: 0n, approved: 0n }],
      TEXTS,
    );
    expect(pngSize(zero)).toEqual({ width: 1000, height: 600 });
  });

  it("takes another size", async () => {
    const png = await renderCategoryChart(CATEGORIES, TEXTS, { width: 800, height: 800 });
    expect(pngSize(png)).toEqual({ width: 800, height: 800 });
  });

  it("draws the marks of Vietnamese letters", async () => {
    const facts = async (label: string) =>
      pictureFacts(
        await renderCategoryChart([{ label, requested: 10n * TRIEU, approved: 5n * TRIEU }], {
          ...TEXTS,
          title: "",
        }),
      );
    const marked = await facts("Lộc Bình");
    const bare = await facts("Loc Binh");
    expect(marked.variance).not.toBe(bare.variance);
  });
});

describe("the chart font", () => {
  it("is our bundled Noto Sans, with a glyph of its own for every Vietnamese letter", async () => {
    await renderCategoryChart([], TEXTS);
    expect(GlobalFonts.has(CHART_FONT_FAMILY)).toBe(true);
    const context = createCanvas(10, 10).getContext("2d");
    context.font = `40px "${CHART_FONT_FAMILY}"`;
    const width = (text: string) => context.measureText(text).width;
    // A letter with its tone mark keeps its base letter's advance in the
    // same font; a missing glyph would come from another font, or as a box.
    const letters = "ạảãấầẩẫậắằẳẵặẹẻẽếềểễệỉĩịọỏõốồổỗộớờởỡợụủũứừửữựỳỷỹỵ";
    for (const letter of letters) {
      // ộ → o, ợ → ơ: the horn makes a letter of its own, wider than o.
      const base = letter
        .normalize("NFD")
        .replace(/[\u0300-\u031a\u031c-\u036f]/g, "")
        .normalize("NFC");
      expect(width(letter), letter).toBeCloseTo(width(base), 1);
    }
    expect(width("đ")).toBeGreaterThan(0);
    expect(width("Đ")).toBeGreaterThan(0);
  });
});

describe("chart helpers", () => {
  it("shows amounts in triệu đồng", () => {
    expect(toMillions(1_500_000_000n)).toBe(1500);
    expect(toMillions(250_500_000n)).toBe(250.5);
    expect(toMillions(0n)).toBe(0);
  });

  it("wraps long category names at spaces", () => {
    expect(wrapLabel("Ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ")).toEqual([
      "Ứng dụng máy móc thiết bị tiên",
      "tiến, chuyển giao công nghệ",
    ]);
    expect(wrapLabel("Tư vấn")).toEqual(["Tư vấn"]);
    expect(wrapLabel("")).toEqual([""]);
    expect(wrapLabel("a bb ccc", 4)).toEqual(["a bb", "ccc"]);
  });
});
