import { drawValueAxis, niceAxis } from './pdf-axis.js';
import {
  contentBox,
  ensureSpace,
  fitText,
  PDF_BOLD_FONT,
  PDF_FONT,
  type PdfBox,
  type PdfDocument,
} from './pdf-document.js';
import { formatNumber, pdfSafeText } from './pdf-format.js';
import { drawLegend } from './pdf-legend.js';
import { INK, MUTED_INK } from './pdf-palette.js';

/**
 * A stacked bar chart: one bar per category (periods, say) on the x axis, stacked from the first series up, with
 * a legend, y grid lines with their values, axis labels, each bar's total above it and a segment's value inside it
 * where it fits.
 *
 * `drawStackedBarChart(doc, options)` → the `PdfBox` it took. Options: `categories`, `series` (`{ name, colour,
 * values }`, `values[i]` for `categories[i]`), `title?`, `xLabel?`, `yLabel?`, `integers?` (whole-number ticks,
 * for counts), `formatValue?`, `x?`, `y?`, `width?`, `height?` (200 by default). When the category labels are wider
 * than a bar's slot only every n-th category is labelled, and a label wider than 60 points is shortened with "…".
 * Without `y` it starts a new page when the chart does not fit. `doc.y` is left below the chart.
 */
export type PdfSeries = { name: string; colour: string; values: readonly number[] };

export type PdfStackedBarChartOptions = {
  categories: readonly string[];
  series: readonly PdfSeries[];
  title?: string;
  xLabel?: string;
  yLabel?: string;
  integers?: boolean;
  formatValue?: (value: number) => string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
};

const DEFAULT_HEIGHT = 200;
const LABEL_SIZE = 7.5;
/** Labels wider than this are shortened rather than spacing the labelled categories further apart. */
const MAX_LABEL_WIDTH = 60;

export function drawStackedBarChart(doc: PdfDocument, options: PdfStackedBarChartOptions): PdfBox {
  const height = options.height ?? DEFAULT_HEIGHT;
  const startY = doc.y;
  if (options.y === undefined) ensureSpace(doc, height);
  const page = contentBox(doc);
  const box: PdfBox = { x: options.x ?? page.x, y: options.y ?? doc.y, width: options.width ?? page.width, height };
  const format = options.formatValue ?? ((value: number) => formatNumber(value));
  const totals = options.categories.map((_category, index) =>
    options.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0),
  );
  const axis = niceAxis(Math.max(0, ...totals), 5, options.integers ?? false);

  let top = box.y;
  if (options.title) {
    doc.font(PDF_BOLD_FONT).fontSize(10).fillColor(INK);
    doc.text(fitText(doc, options.title, box.width), box.x, top, { lineBreak: false });
    top += 16;
  }
  top += drawLegend(
    doc,
    box.x,
    top,
    options.series.map((series) => ({ label: series.name, colour: series.colour })),
    box.width,
  );
  doc.font(PDF_FONT).fontSize(LABEL_SIZE);
  const lineHeight = doc.currentLineHeight(true);
  const ticks = Array.from({ length: Math.round(axis.max / axis.step) + 1 }, (_unused, index) => index * axis.step);
  const tickWidth = Math.max(...ticks.map((tick) => doc.widthOfString(format(tick)))) + 6;
  const yLabelWidth = options.yLabel ? 12 : 0;
  const bottomSpace = lineHeight + 4 + (options.xLabel ? lineHeight + 2 : 0);
  const area = {
    x: box.x + yLabelWidth + tickWidth,
    y: top + lineHeight + 2,
    width: box.width - yLabelWidth - tickWidth,
    height: box.y + box.height - bottomSpace - (top + lineHeight + 2),
  };
  const scale = (value: number) => (value / axis.max) * area.height;
  const baseline = area.y + area.height;

  drawValueAxis(doc, {
    area,
    left: box.x,
    labelWidth: yLabelWidth,
    tickWidth,
    lineHeight,
    ticks,
    yOf: (value) => baseline - scale(value),
    formatTick: format,
    label: options.yLabel,
  });

  const slot = area.width / Math.max(1, options.categories.length);
  const barWidth = Math.min(48, slot * 0.7);
  const widestLabel = Math.max(0, ...options.categories.map((category) => doc.widthOfString(pdfSafeText(category))));
  const labelEvery = Math.max(1, Math.ceil((Math.min(widestLabel, MAX_LABEL_WIDTH) + 4) / slot));
  options.categories.forEach((category, index) => {
    const left = area.x + slot * index + (slot - barWidth) / 2;
    let y = baseline;
    for (const series of options.series) {
      const value = series.values[index] ?? 0;
      if (value <= 0) continue;
      const segment = scale(value);
      y -= segment;
      doc.rect(left, y, barWidth, segment).fill(series.colour);
      const text = format(value);
      if (segment >= lineHeight && doc.widthOfString(text) + 2 <= barWidth) {
        doc.fillColor('#ffffff').text(text, left, y + (segment - lineHeight) / 2 + 1, {
          width: barWidth,
          align: 'center',
          lineBreak: false,
        });
      }
    }
    if (doc.widthOfString(format(totals[index])) <= slot) {
      doc.fillColor(INK).text(format(totals[index]), area.x + slot * index, y - lineHeight - 1, {
        width: slot,
        align: 'center',
        lineBreak: false,
      });
    }
    if (index % labelEvery === 0) {
      const width = slot * labelEvery;
      doc
        .fillColor(INK)
        .text(fitText(doc, category, width - 2), area.x + slot * index + slot / 2 - width / 2, baseline + 3, {
          width,
          align: 'center',
          lineBreak: false,
        });
    }
  });
  doc.moveTo(area.x, area.y).lineTo(area.x, baseline).lineWidth(0.75).strokeColor(MUTED_INK).stroke();
  doc
    .moveTo(area.x, baseline)
    .lineTo(area.x + area.width, baseline)
    .stroke();
  if (options.xLabel) {
    doc.fillColor(MUTED_INK).text(pdfSafeText(options.xLabel), area.x, baseline + lineHeight + 4, {
      width: area.width,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.font(PDF_FONT).fontSize(10).fillColor(INK);
  doc.x = page.x;
  // Placed charts (given `y`) side by side leave `doc.y` below the taller of them.
  doc.y = options.y === undefined ? box.y + box.height + 10 : Math.max(startY, box.y + box.height + 10);
  return box;
}
