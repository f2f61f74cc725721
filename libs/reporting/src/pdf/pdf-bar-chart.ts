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
import { GRID, INK, MUTED_INK, SERIES_COLOURS } from './pdf-palette.js';

/**
 * A bar chart of a few labelled values (percentages, counts, amounts), each bar with its value written next to
 * it, drawn with vectors.
 *
 * `drawBarChart(doc, options)` → the `PdfBox` it took. Options: `bars` (`{ label, value, colour? }`, a null value
 * draws no bar and writes "—"), `orientation` ('horizontal', the default, or 'vertical'), `title?`, `max?` (the
 * axis' end: 100 for percentages; by default a round number above the largest value), `formatValue?` (bar labels
 * and ticks; `formatNumber` by default), `formatTick?` (ticks only, when they need a shorter form), `integers?`
 * (whole-number ticks, for counts), `axisLabel?`, `colour?` (bars without their own), `x?`, `y?`, `width?`
 * (the page between the margins and `doc.y` by default), `height?` (vertical charts: 180). Without `y` it starts
 * a new page when the chart does not fit. `doc.y` is left below the chart.
 * `barChartHeight(options)` → the height it will take, for laying charts out side by side.
 */
export type PdfBar = { label: string; value: number | null; colour?: string };

export type PdfBarChartOptions = {
  bars: readonly PdfBar[];
  orientation?: 'horizontal' | 'vertical';
  title?: string;
  max?: number;
  formatValue?: (value: number | null) => string;
  formatTick?: (value: number) => string;
  integers?: boolean;
  axisLabel?: string;
  colour?: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
};

const TITLE_HEIGHT = 18;
const TICK_LABELS_HEIGHT = 14;
const AXIS_LABEL_HEIGHT = 12;
const BAR_ROW = 18;
const BAR_THICKNESS = 12;
const VERTICAL_HEIGHT = 180;
const LABEL_SIZE = 8;

export function barChartHeight(options: PdfBarChartOptions): number {
  const frame = (options.title ? TITLE_HEIGHT : 0) + TICK_LABELS_HEIGHT + (options.axisLabel ? AXIS_LABEL_HEIGHT : 0);
  if (options.orientation === 'vertical') return options.height ?? VERTICAL_HEIGHT;
  return frame + Math.max(1, options.bars.length) * BAR_ROW;
}

export function drawBarChart(doc: PdfDocument, options: PdfBarChartOptions): PdfBox {
  const height = barChartHeight(options);
  const startY = doc.y;
  if (options.y === undefined) ensureSpace(doc, height);
  const page = contentBox(doc);
  const box: PdfBox = {
    x: options.x ?? page.x,
    y: options.y ?? doc.y,
    width: options.width ?? page.width,
    height,
  };
  const format = options.formatValue ?? ((value: number | null) => formatNumber(value));
  const largest = Math.max(0, ...options.bars.map((bar) => bar.value ?? 0));
  const integers = options.integers ?? false;
  const axis =
    options.max === undefined
      ? niceAxis(largest, 5, integers)
      : { max: options.max, step: niceAxis(options.max, 5, integers).step };
  let top = box.y;
  if (options.title) {
    doc.font(PDF_BOLD_FONT).fontSize(10).fillColor(INK);
    doc.text(fitText(doc, options.title, box.width), box.x, top, { lineBreak: false });
    top += TITLE_HEIGHT;
  }
  const plot = { ...box, y: top, height: box.y + box.height - top };
  const formatTick = options.formatTick ?? format;
  if (options.orientation === 'vertical') drawVertical(doc, options, plot, axis, format, formatTick);
  else drawHorizontal(doc, options, plot, axis, format, formatTick);
  doc.font(PDF_FONT).fontSize(10).fillColor(INK);
  doc.x = page.x;
  // Placed charts (given `y`) side by side leave `doc.y` below the taller of them.
  doc.y = options.y === undefined ? box.y + box.height + 10 : Math.max(startY, box.y + box.height + 10);
  return box;
}

type Axis = { max: number; step: number };
type Format = (value: number | null) => string;
type FormatTick = (value: number) => string;

const ticksOf = (axis: Axis) =>
  Array.from({ length: Math.round(axis.max / axis.step) + 1 }, (_unused, index) => index * axis.step);

function drawHorizontal(
  doc: PdfDocument,
  options: PdfBarChartOptions,
  plot: PdfBox,
  axis: Axis,
  format: Format,
  formatTick: FormatTick,
) {
  doc.font(PDF_FONT).fontSize(LABEL_SIZE);
  const labelWidth = Math.min(
    plot.width * 0.35,
    Math.max(40, ...options.bars.map((bar) => doc.widthOfString(pdfSafeText(bar.label)) + 8)),
  );
  const valueWidth = Math.max(36, ...options.bars.map((bar) => doc.widthOfString(format(bar.value)) + 6));
  const area = { x: plot.x + labelWidth, width: plot.width - labelWidth - valueWidth };
  const barsHeight = options.bars.length * BAR_ROW;
  const scale = (value: number) => area.x + (Math.min(value, axis.max) / axis.max) * area.width;
  for (const tick of ticksOf(axis)) {
    const x = scale(tick);
    doc
      .moveTo(x, plot.y)
      .lineTo(x, plot.y + barsHeight)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
    const label = formatTick(tick);
    doc
      .fillColor(MUTED_INK)
      .text(label, x - doc.widthOfString(label) / 2, plot.y + barsHeight + 3, { lineBreak: false });
  }
  options.bars.forEach((bar, index) => {
    const rowY = plot.y + index * BAR_ROW;
    const barY = rowY + (BAR_ROW - BAR_THICKNESS) / 2;
    const textY = barY + (BAR_THICKNESS - doc.currentLineHeight()) / 2 + 1;
    doc.fillColor(INK).text(fitText(doc, bar.label, labelWidth - 6), plot.x, textY, { lineBreak: false });
    let end = area.x;
    if (bar.value !== null && bar.value > 0) {
      end = scale(bar.value);
      doc.rect(area.x, barY, end - area.x, BAR_THICKNESS).fill(bar.colour ?? options.colour ?? SERIES_COLOURS[0]);
    }
    doc.fillColor(INK).text(format(bar.value), end + 3, textY, { lineBreak: false });
  });
  doc
    .moveTo(area.x, plot.y)
    .lineTo(area.x, plot.y + barsHeight)
    .lineWidth(0.75)
    .strokeColor(MUTED_INK)
    .stroke();
  if (options.axisLabel) {
    doc.fillColor(MUTED_INK).text(pdfSafeText(options.axisLabel), area.x, plot.y + barsHeight + TICK_LABELS_HEIGHT, {
      width: area.width,
      align: 'center',
      lineBreak: false,
    });
  }
}

function drawVertical(
  doc: PdfDocument,
  options: PdfBarChartOptions,
  plot: PdfBox,
  axis: Axis,
  format: Format,
  formatTick: FormatTick,
) {
  doc.font(PDF_FONT).fontSize(LABEL_SIZE);
  const lineHeight = doc.currentLineHeight(true);
  const tickWidth = Math.max(...ticksOf(axis).map((tick) => doc.widthOfString(formatTick(tick)))) + 6;
  const labelsHeight = 2 * lineHeight + 4;
  const axisLabelWidth = options.axisLabel ? AXIS_LABEL_HEIGHT : 0;
  const area = {
    x: plot.x + axisLabelWidth + tickWidth,
    y: plot.y + lineHeight + 2,
    width: plot.width - axisLabelWidth - tickWidth,
    height: plot.height - labelsHeight - lineHeight - 2,
  };
  const scale = (value: number) => area.y + area.height - (Math.min(value, axis.max) / axis.max) * area.height;
  drawValueAxis(doc, {
    area,
    left: plot.x,
    labelWidth: axisLabelWidth,
    tickWidth,
    lineHeight,
    ticks: ticksOf(axis),
    yOf: scale,
    formatTick,
    label: options.axisLabel,
  });
  const slot = area.width / Math.max(1, options.bars.length);
  const barWidth = Math.min(60, slot * 0.6);
  options.bars.forEach((bar, index) => {
    const centre = area.x + slot * (index + 0.5);
    let top = area.y + area.height;
    if (bar.value !== null && bar.value > 0) {
      top = scale(bar.value);
      doc
        .rect(centre - barWidth / 2, top, barWidth, area.y + area.height - top)
        .fill(bar.colour ?? options.colour ?? SERIES_COLOURS[0]);
    }
    doc.fillColor(INK).text(format(bar.value), centre - slot / 2, top - lineHeight - 1, {
      width: slot,
      align: 'center',
      lineBreak: false,
    });
    doc.text(pdfSafeText(bar.label), centre - slot / 2 + 2, area.y + area.height + 3, {
      width: slot - 4,
      height: labelsHeight,
      align: 'center',
      ellipsis: true,
    });
  });
  doc
    .moveTo(area.x, area.y + area.height)
    .lineTo(area.x + area.width, area.y + area.height)
    .lineWidth(0.75)
    .strokeColor(MUTED_INK)
    .stroke();
}
