import { contentBox, PDF_BOLD_FONT, PDF_FONT, type PdfBox, type PdfDocument } from './pdf-document.js';
import { pdfSafeText } from './pdf-format.js';
import { HEADER_FILL, INK, RULE } from './pdf-palette.js';

/**
 * A table that flows over as many pages as its rows need, repeating its header row on each new page.
 *
 * `writeTable(doc, columns, rows, options?)`: `columns` are `{ header, width, align? }`, `width` a relative weight
 * (the table spans the page between the margins); `rows` any iterable of cell arrays, read once, row by row. A cell
 * is a string, or `{ text?, fill?, colour?, bold?, draw?, height? }`: a background, a text colour, bold text, or a
 * drawing of its own (`draw(doc, box)` inside the cell's padding, `height` points tall; see `trendStripCell`).
 * Text wraps within its column up to `maxLines` lines (default 2) and ends in "…" beyond. `doc.y` is left below
 * the table. Returns the number of rows written.
 */
export type PdfTableColumn = { header: string; width: number; align?: 'left' | 'center' | 'right' };

export type PdfTableCell =
  | string
  | {
      text?: string;
      fill?: string;
      colour?: string;
      bold?: boolean;
      draw?: (doc: PdfDocument, box: PdfBox) => void;
      height?: number;
    };

export type PdfTableOptions = { fontSize?: number; maxLines?: number };

const PADDING = 3;

type Layout = { x: number; widths: number[]; fontSize: number; maxLines: number };

export function writeTable(
  doc: PdfDocument,
  columns: readonly PdfTableColumn[],
  rows: Iterable<readonly PdfTableCell[]>,
  options: PdfTableOptions = {},
): number {
  const box = contentBox(doc);
  const totalWeight = columns.reduce((sum, column) => sum + column.width, 0);
  const layout: Layout = {
    x: box.x,
    widths: columns.map((column) => (column.width / totalWeight) * box.width),
    fontSize: options.fontSize ?? 8,
    maxLines: options.maxLines ?? 2,
  };
  const header = columns.map((column): PdfTableCell => ({ text: column.header, bold: true, fill: HEADER_FILL }));
  const headerHeight = rowHeight(doc, layout, header);
  const top = contentBox(doc).y;
  const bottom = top + contentBox(doc).height;
  let written = 0;
  let y = doc.y;
  const startPageIfShort = (needed: number) => {
    if (y + needed > bottom && y > top) {
      doc.addPage();
      y = top;
    }
  };
  for (const row of rows) {
    const height = rowHeight(doc, layout, row);
    // The header goes with the first row (never alone at the foot of a page) and again atop every new page.
    if (written === 0 || y + height > bottom) {
      if (written === 0) startPageIfShort(headerHeight + height);
      else {
        doc.addPage();
        y = top;
      }
      drawRow(doc, layout, columns, header, y, headerHeight);
      y += headerHeight;
    }
    drawRow(doc, layout, columns, row, y, height);
    y += height;
    written += 1;
  }
  if (written === 0) {
    startPageIfShort(headerHeight);
    drawRow(doc, layout, columns, header, y, headerHeight);
    y += headerHeight;
  }
  doc.font(PDF_FONT).fontSize(10).fillColor(INK);
  doc.x = box.x;
  doc.y = y + 8;
  return written;
}

const cellObject = (cell: PdfTableCell | undefined) => (typeof cell === 'object' ? cell : { text: cell ?? '' });

function lineHeight(doc: PdfDocument, layout: Layout): number {
  return doc.font(PDF_FONT).fontSize(layout.fontSize).currentLineHeight(true);
}

function textHeight(doc: PdfDocument, layout: Layout, text: string, width: number, bold: boolean): number {
  if (text === '') return lineHeight(doc, layout);
  doc.font(bold ? PDF_BOLD_FONT : PDF_FONT).fontSize(layout.fontSize);
  const natural = doc.heightOfString(text, { width });
  return Math.min(natural, layout.maxLines * lineHeight(doc, layout));
}

function rowHeight(doc: PdfDocument, layout: Layout, row: readonly PdfTableCell[]): number {
  let tallest = lineHeight(doc, layout);
  layout.widths.forEach((width, index) => {
    const cell = cellObject(row[index]);
    const inner = width - 2 * PADDING;
    tallest = Math.max(
      tallest,
      cell.height ?? 0,
      textHeight(doc, layout, pdfSafeText(cell.text ?? ''), inner, cell.bold ?? false),
    );
  });
  return tallest + 2 * PADDING;
}

function drawRow(
  doc: PdfDocument,
  layout: Layout,
  columns: readonly PdfTableColumn[],
  row: readonly PdfTableCell[],
  y: number,
  height: number,
): void {
  let x = layout.x;
  const maxTextHeight = layout.maxLines * lineHeight(doc, layout);
  layout.widths.forEach((width, index) => {
    const cell = cellObject(row[index]);
    if (cell.fill) doc.rect(x, y, width, height).fill(cell.fill);
    const inner: PdfBox = { x: x + PADDING, y: y + PADDING, width: width - 2 * PADDING, height: height - 2 * PADDING };
    if (cell.draw) cell.draw(doc, inner);
    const text = pdfSafeText(cell.text ?? '');
    if (text !== '') {
      doc
        .font(cell.bold ? PDF_BOLD_FONT : PDF_FONT)
        .fontSize(layout.fontSize)
        .fillColor(cell.colour ?? INK);
      // Half a line of slack so that rounding never drops the last permitted line.
      doc.text(text, inner.x, inner.y, {
        width: inner.width,
        height: maxTextHeight + lineHeight(doc, layout) / 2,
        ellipsis: true,
        align: columns[index].align ?? 'left',
      });
    }
    x += width;
  });
  const right = layout.x + layout.widths.reduce((sum, width) => sum + width, 0);
  doc
    .moveTo(layout.x, y + height)
    .lineTo(right, y + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
}
