import { type PdfDocument } from './pdf-document.js';
import { pdfSafeText } from './pdf-format.js';
import { INK } from './pdf-palette.js';

/**
 * A one-line legend of coloured squares and names, wrapping onto more lines when `maxWidth` is reached.
 * `drawLegend(doc, x, y, items, maxWidth)` → the height it took; `doc.y` is left alone.
 */
export type PdfLegendItem = { label: string; colour: string };

const SWATCH = 8;
const GAP = 12;
const FONT_SIZE = 8;

export function drawLegend(
  doc: PdfDocument,
  x: number,
  y: number,
  items: readonly PdfLegendItem[],
  maxWidth: number,
): number {
  const savedY = doc.y;
  doc.fontSize(FONT_SIZE);
  const lineHeight = Math.max(SWATCH, doc.currentLineHeight()) + 4;
  let cursorX = x;
  let cursorY = y;
  for (const item of items) {
    const label = pdfSafeText(item.label);
    const width = SWATCH + 4 + doc.widthOfString(label);
    if (cursorX > x && cursorX + width > x + maxWidth) {
      cursorX = x;
      cursorY += lineHeight;
    }
    doc.rect(cursorX, cursorY, SWATCH, SWATCH).fill(item.colour);
    doc.fillColor(INK).text(label, cursorX + SWATCH + 4, cursorY, { lineBreak: false });
    cursorX += width + GAP;
  }
  doc.y = savedY;
  return cursorY + lineHeight - y;
}
