import type { PdfBox, PdfDocument } from './pdf-document.js';
import { pdfSafeText } from './pdf-format.js';
import { GRID, MUTED_INK } from './pdf-palette.js';

/**
 * A value axis from 0 with round steps (1, 2 or 5 times a power of ten) for charts. `niceAxis(largest, ticks?)`
 * → `{ max, step }`, `max` a multiple of `step` at or above `largest`; `integers` keeps steps whole (counts).
 */
export function niceAxis(largest: number, ticks = 5, integers = false): { max: number; step: number } {
  if (!(largest > 0)) return { max: integers ? ticks : 1, step: integers ? 1 : 1 / ticks };
  const rough = largest / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  if (integers) step = Math.max(1, Math.ceil(step));
  return { max: Math.ceil(largest / step - 1e-9) * step, step };
}

/** What `drawValueAxis()` needs to draw a vertical value axis at the left of a plot area. */
export type ValueAxis = {
  /** The plot area the grid lines cross. */
  area: PdfBox;
  /** The chart's left edge: the rotated label's column, then the tick labels, then the area. */
  left: number;
  labelWidth: number;
  tickWidth: number;
  lineHeight: number;
  ticks: number[];
  yOf(value: number): number;
  formatTick(value: number): string;
  label?: string;
};

/** Grid lines across the area at each tick, the ticks' values right-aligned before it, the label written upwards. */
export function drawValueAxis(doc: PdfDocument, axis: ValueAxis): void {
  const { area, lineHeight } = axis;
  for (const tick of axis.ticks) {
    const y = axis.yOf(tick);
    doc
      .moveTo(area.x, y)
      .lineTo(area.x + area.width, y)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
    doc.fillColor(MUTED_INK).text(axis.formatTick(tick), axis.left + axis.labelWidth, y - lineHeight / 2, {
      width: axis.tickWidth - 4,
      align: 'right',
      lineBreak: false,
    });
  }
  if (axis.label) {
    const bottom = area.y + area.height;
    doc.save().rotate(-90, { origin: [axis.left, bottom] });
    doc.fillColor(MUTED_INK).text(pdfSafeText(axis.label), axis.left, bottom, {
      width: area.height,
      align: 'center',
      lineBreak: false,
    });
    doc.restore();
  }
}
