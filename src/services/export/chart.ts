/**
 * The weekly summary's picture: requested vs approved amounts per support
 * category, as grouped horizontal bars (the category names are long
 * Vietnamese phrases, which read well down the left side on a phone and
 * badly slanted under columns), amounts in triệu đồng.
 *
 * Drawn by Chart.js on @napi-rs/canvas (Skia, prebuilt binaries shipped as
 * npm packages, nothing to compile or download at install). The font is
 * Noto Sans from @expo-google-fonts/noto-sans (SIL Open Font License 1.1),
 * registered from node_modules under a name of our own, so the picture is
 * the same on every machine and Vietnamese diacritics never depend on which
 * system fonts happen to be installed.
 *
 * Every text on the picture comes from the caller (locales), none from here.
 */
import { createRequire } from "node:module";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  type Plugin,
  Title,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title);

/** Our name for the bundled font, so a system "Noto Sans" can never stand in for it. */
export const CHART_FONT_FAMILY = "KC Noto Sans";

const require = createRequire(import.meta.url);
let fontsRegistered = false;

function registerFonts(): void {
  if (fontsRegistered) return;
  for (const file of [
    "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
    "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  ]) {
    if (GlobalFonts.registerFromPath(require.resolve(file), CHART_FONT_FAMILY) === null) {
      throw new Error(`could not load the chart font ${file}`);
    }
  }
  fontsRegistered = true;
}

export interface CategoryAmounts {
  /** The category's name as the reader should see it. */
  label: string;
  /** Integer VND. */
  requested: bigint;
  approved: bigint;
}

export interface ChartTexts {
  title: string;
  /** The legend's names of the two series, e.g. "Đề nghị hỗ trợ", "Được duyệt". */
  requested: string;
  approved: string;
  /** Under the amount axis, e.g. "triệu đồng". */
  amountAxis: string;
  /** Shown in the middle when there is no category at all. */
  noData: string;
  /** Locale for the numbers, default "vi-VN" (1.500,5). */
  numberLocale?: string;
}

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 1000, height: 600 };

const REQUESTED_COLOUR = "#9db7d5";
const APPROVED_COLOUR = "#1f5aa6";
const TEXT_COLOUR = "#222222";
const GRID_COLOUR = "#e3e3e3";

/** Pixels: with one or two categories, bars stay bars instead of slabs. */
const MAX_BAR_THICKNESS = 36;

const TRIEU = 1_000_000;

/** Integer VND to triệu đồng, for the axis (a double is plenty for a picture). */
export function toMillions(amount: bigint): number {
  return Number(amount) / TRIEU;
}

/**
 * Splits a long label into lines of about `width` characters at spaces, so
 * "Ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ" takes three
 * short lines instead of half the picture.
 */
export function wrapLabel(label: string, width = 30): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter((part) => part !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [""];
}

const font = (size: number, weight: "normal" | "bold" = "normal") => ({
  family: CHART_FONT_FAMILY,
  size,
  weight,
});

/** A white page under the chart: a transparent PNG turns black in Telegram's dark theme. */
const whiteBackground: Plugin<"bar"> = {
  id: "white-background",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Each bar's amount at its end, so nobody has to read values off the axis on a phone. */
function barValues(format: (millions: number) => string): Plugin<"bar"> {
  return {
    id: "bar-values",
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = TEXT_COLOUR;
      ctx.font = `13px "${CHART_FONT_FAMILY}"`;
      ctx.textBaseline = "middle";
      chart.data.datasets.forEach((dataset, datasetIndex) => {
        chart.getDatasetMeta(datasetIndex).data.forEach((bar, index) => {
          const value = dataset.data[index];
          if (typeof value !== "number" || value === 0) return;
          ctx.fillText(format(value), bar.x + 4, bar.y);
        });
      });
      ctx.restore();
    },
  };
}

function noDataMessage(text: string): Plugin<"bar"> {
  return {
    id: "no-data",
    afterDraw(chart) {
      if (chart.data.labels?.length) return;
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.fillStyle = TEXT_COLOUR;
      ctx.font = `20px "${CHART_FONT_FAMILY}"`;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(
        text,
        (chartArea.left + chartArea.right) / 2,
        (chartArea.top + chartArea.bottom) / 2,
      );
      ctx.restore();
    },
  };
}

/** The PNG of requested vs approved amounts per category. */
export async function renderCategoryChart(
  categories: readonly CategoryAmounts[],
  texts: ChartTexts,
  size: ChartSize = DEFAULT_CHART_SIZE,
): Promise<Buffer> {
  registerFonts();
  const numbers = new Intl.NumberFormat(texts.numberLocale ?? "vi-VN", {
    maximumFractionDigits: 1,
  });
  const format = (millions: number) => numbers.format(millions);
  const canvas = createCanvas(size.width, size.height);
  const configuration: ChartConfiguration<"bar", number[], string[]> = {
    type: "bar",
    data: {
      labels: categories.map((category) => wrapLabel(category.label)),
      datasets: [
        {
          label: texts.requested,
          data: categories.map((category) => toMillions(category.requested)),
          backgroundColor: REQUESTED_COLOUR,
          maxBarThickness: MAX_BAR_THICKNESS,
        },
        {
          label: texts.approved,
          data: categories.map((category) => toMillions(category.approved)),
          backgroundColor: APPROVED_COLOUR,
          maxBarThickness: MAX_BAR_THICKNESS,
        },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      // Room on the right for the value written at the end of the longest bar.
      layout: { padding: { top: 8, right: 72, bottom: 8, left: 8 } },
      color: TEXT_COLOUR,
      plugins: {
        title: { display: true, text: texts.title, font: font(22, "bold"), color: TEXT_COLOUR },
        legend: { position: "top", labels: { font: font(15), color: TEXT_COLOUR } },
      },
      scales: {
        x: {
          // An empty chart shows its message, not a meaningless 0 to 1 axis.
          display: categories.length > 0,
          beginAtZero: true,
          grace: "5%",
          title: { display: true, text: texts.amountAxis, font: font(15), color: TEXT_COLOUR },
          ticks: { font: font(13), color: TEXT_COLOUR, callback: (value) => format(Number(value)) },
          grid: { color: GRID_COLOUR },
        },
        y: {
          display: categories.length > 0,
          ticks: { font: font(13), color: TEXT_COLOUR, autoSkip: false },
          grid: { display: false },
        },
      },
    },
    plugins: [whiteBackground, barValues(format), noDataMessage(texts.noData)],
  };
  // Chart.js takes any object with getContext(); Skia's canvas is one.
  const chart = new Chart(
    canvas as unknown as ConstructorParameters<typeof Chart>[0],
    configuration,
  );
  try {
    return await canvas.encode("png");
  } finally {
    chart.destroy();
  }
}
