import type { KpiStatus } from '#domain';
import { fitText, PDF_BOLD_FONT, PDF_FONT, type PdfDocument } from './pdf-document.js';
import { drawLegend } from './pdf-legend.js';
import type { PdfTableCell } from './pdf-table.js';
import {
  INK,
  MUTED_INK,
  NO_STATUS_COLOUR,
  STATUS_COLOURS,
  STATUS_LABELS,
  STATUS_ORDER,
  STATUS_SHORT_LABELS,
} from './pdf-palette.js';
import { NO_VALUE } from './pdf-format.js';

/**
 * A KPI's last few periods as a strip of coloured cells, oldest first: each cell in its status' colour with the
 * status' short label (OK, R, M, X; "—" for a period not evaluated) and, below it, the period.
 *
 * - `drawTrendStrip(doc, x, y, periods, options?)` → `{ width, height }`; `periods` are `{ period, status }`
 *   (`status` null when not evaluated). Options: `cellWidth` (30), `cellHeight` (12), `periodLabels` (true).
 *   It draws at the given point and leaves `doc.x`/`doc.y` alone, so it can sit in a table cell or beside text.
 * - `trendStripSize(count, options?)` → `{ width, height }` of a strip of `count` periods.
 * - `trendStripCell(periods, options?)` → a `PdfTableCell` that draws the strip inside a `writeTable` row.
 * - `drawStatusLegend(doc, x, y, maxWidth, words?)` → height: what the colours and short labels mean; `words`
 *   (`{ status, notEvaluated }`) name them in another language than English.
 */
export type PdfTrendPeriod = { period: string; status: KpiStatus | null };

export type PdfTrendStripOptions = { cellWidth?: number; cellHeight?: number; periodLabels?: boolean };

const GAP = 2;
const STATUS_SIZE = 6.5;
const PERIOD_SIZE = 5.5;

export function trendStripSize(count: number, options: PdfTrendStripOptions = {}): { width: number; height: number } {
  const cellWidth = options.cellWidth ?? 30;
  const cellHeight = options.cellHeight ?? 12;
  return {
    width: count > 0 ? count * cellWidth + (count - 1) * GAP : 0,
    height: cellHeight + ((options.periodLabels ?? true) ? PERIOD_SIZE + 3 : 0),
  };
}

export function drawTrendStrip(
  doc: PdfDocument,
  x: number,
  y: number,
  periods: readonly PdfTrendPeriod[],
  options: PdfTrendStripOptions = {},
): { width: number; height: number } {
  const cellWidth = options.cellWidth ?? 30;
  const cellHeight = options.cellHeight ?? 12;
  const saved = { x: doc.x, y: doc.y };
  periods.forEach(({ period, status }, index) => {
    const left = x + index * (cellWidth + GAP);
    doc.rect(left, y, cellWidth, cellHeight).fill(status ? STATUS_COLOURS[status] : NO_STATUS_COLOUR);
    doc.font(PDF_BOLD_FONT).fontSize(STATUS_SIZE);
    // Dark text on the light colours (at risk, not evaluated), white on the dark ones.
    const light = status === null || status === 'at_risk';
    doc.fillColor(light ? INK : '#ffffff');
    doc.text(
      status ? STATUS_SHORT_LABELS[status] : NO_VALUE,
      left,
      y + (cellHeight - doc.currentLineHeight()) / 2 + 0.5,
      {
        width: cellWidth,
        align: 'center',
        lineBreak: false,
      },
    );
    if (options.periodLabels ?? true) {
      doc.font(PDF_FONT).fontSize(PERIOD_SIZE).fillColor(MUTED_INK);
      doc.text(fitText(doc, period, cellWidth), left, y + cellHeight + 1.5, {
        width: cellWidth,
        align: 'center',
        lineBreak: false,
      });
    }
  });
  doc.fillColor(INK).font(PDF_FONT);
  doc.x = saved.x;
  doc.y = saved.y;
  return trendStripSize(periods.length, options);
}

export function trendStripCell(periods: readonly PdfTrendPeriod[], options: PdfTrendStripOptions = {}): PdfTableCell {
  return {
    height: trendStripSize(periods.length, options).height,
    draw: (doc, box) => void drawTrendStrip(doc, box.x, box.y, periods, options),
  };
}

export type StatusLegendWords = { status: Readonly<Record<KpiStatus, string>>; notEvaluated: string };

const ENGLISH_LEGEND: StatusLegendWords = { status: STATUS_LABELS, notEvaluated: 'Not evaluated' };

/** "OK On track", "R At risk", … in their colours, and "—" for a period not evaluated. */
export function drawStatusLegend(
  doc: PdfDocument,
  x: number,
  y: number,
  maxWidth: number,
  words: StatusLegendWords = ENGLISH_LEGEND,
): number {
  return drawLegend(
    doc,
    x,
    y,
    [
      ...STATUS_ORDER.map((status) => ({
        label: `${STATUS_SHORT_LABELS[status]} ${words.status[status]}`,
        colour: STATUS_COLOURS[status],
      })),
      { label: `${NO_VALUE} ${words.notEvaluated}`, colour: NO_STATUS_COLOUR },
    ],
    maxWidth,
  );
}
