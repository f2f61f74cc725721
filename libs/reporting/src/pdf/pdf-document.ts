import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { PDF_BOLD_FONT, PDF_FONT, registerPdfFonts } from './pdf-fonts.js';
import { pdfSafeText } from './pdf-format.js';
import { INK, MUTED_INK, RULE } from './pdf-palette.js';

/**
 * The document every PDF report is drawn on: A4 (landscape unless asked otherwise), the embedded DejaVu Sans fonts
 * (`pdf-fonts.ts`), every page held until the end so that each gets a header (the title, and the subtitle on the
 * right) and a footer ("Contract Performance Tracker", "Page n of m").
 *
 * - `createPdfDocument({ title, subtitle?, layout?, pageLabel? })` → `PdfDocument` (pdfkit's document; draw on
 *   it freely). `pageLabel(page, count)` writes the footer's page number in the document's language.
 * - `finishPdf(doc)` → `Readable`: stamps headers and footers, ends the document and returns its byte stream.
 * - `renderPdfToBuffer(doc)` → `Promise<Buffer>`: the same, collected.
 * - `contentBox(doc)` → `PdfBox` of the current page between the margins; `ensureSpace(doc, height)` starts a
 *   new page unless `height` points fit below `doc.y`; `writeHeading(doc, text, level?)` and
 *   `writeParagraph(doc, text, { muted? })` write flowing text at the left margin; `fitText(doc, text, width)`
 *   shortens one line of text with "…" to `width` points in the current font.
 * Drawing primitives flow from `doc.y` and leave `doc.y` below what they drew, with `doc.x` at the left margin.
 */
export type PdfDocument = PDFKit.PDFDocument;

/** A rectangle in points, from the page's top left corner. */
export type PdfBox = { x: number; y: number; width: number; height: number };

export type PdfDocumentOptions = {
  /** The report's name: the document's title and every page's header. */
  title: string;
  /** What it covers (departments, range): the right side of every page's header. */
  subtitle?: string;
  layout?: 'landscape' | 'portrait';
  /** The footer's page number: "Page 2 of 5" by default. */
  pageLabel?: (page: number, count: number) => string;
};

const englishPageLabel = (page: number, count: number) => `Page ${page} of ${count}`;

export const PDF_AUTHOR = 'Contract Performance Tracker';
export { PDF_BOLD_FONT, PDF_FONT } from './pdf-fonts.js';

const MARGINS = { top: 56, bottom: 48, left: 40, right: 40 };
const HEADER_Y = 24;
const FOOTER_OFFSET = 30;
const BODY_SIZE = 10;

export function createPdfDocument(options: PdfDocumentOptions): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'landscape',
    margins: MARGINS,
    bufferPages: true,
    // No standard font: pdfkit would load Helvetica and write it into every document unused.
    font: '',
    info: {
      Title: pdfSafeText(options.title),
      Author: PDF_AUTHOR,
      Creator: PDF_AUTHOR,
      ...(options.subtitle ? { Subject: pdfSafeText(options.subtitle) } : {}),
    },
  });
  registerPdfFonts(doc);
  doc.font(PDF_FONT).fontSize(BODY_SIZE).fillColor(INK);
  headers.set(doc, {
    title: options.title,
    subtitle: options.subtitle ?? '',
    pageLabel: options.pageLabel ?? englishPageLabel,
  });
  return doc;
}

type Furniture = { title: string; subtitle: string; pageLabel: (page: number, count: number) => string };
const headers = new WeakMap<PdfDocument, Furniture>();

/** Writes every page's header and footer, ends the document and returns its bytes as a stream. */
export function finishPdf(doc: PdfDocument): Readable {
  const { title, subtitle, pageLabel } = headers.get(doc) ?? { title: '', subtitle: '', pageLabel: englishPageLabel };
  const pages = doc.bufferedPageRange();
  for (let index = 0; index < pages.count; index += 1) {
    doc.switchToPage(pages.start + index);
    const { width, height } = doc.page;
    const inner = width - MARGINS.left - MARGINS.right;
    // Header and footer lie in the margins: with no bottom margin pdfkit does not break the page for them.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(PDF_BOLD_FONT).fontSize(9).fillColor(INK);
    doc.text(fitText(doc, title, inner / 2 - 8), MARGINS.left, HEADER_Y, { lineBreak: false });
    doc.font(PDF_FONT).fillColor(MUTED_INK);
    doc.text(fitText(doc, subtitle, inner / 2 - 8), MARGINS.left + inner / 2, HEADER_Y, {
      width: inner / 2,
      align: 'right',
      lineBreak: false,
    });
    doc
      .moveTo(MARGINS.left, HEADER_Y + 14)
      .lineTo(width - MARGINS.right, HEADER_Y + 14)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.fontSize(8);
    doc.text(PDF_AUTHOR, MARGINS.left, height - FOOTER_OFFSET, { width: inner / 2, lineBreak: false });
    doc.text(pdfSafeText(pageLabel(index + 1, pages.count)), MARGINS.left + inner / 2, height - FOOTER_OFFSET, {
      width: inner / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return doc;
}

/** The finished document's bytes. */
export async function renderPdfToBuffer(doc: PdfDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of finishPdf(doc)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The current page's area inside the margins, `y` at the top margin. */
export function contentBox(doc: PdfDocument): PdfBox {
  const { width, height, margins } = doc.page;
  return {
    x: margins.left,
    y: margins.top,
    width: width - margins.left - margins.right,
    height: height - margins.top - margins.bottom,
  };
}

/** Starts a new page unless `height` points fit between `doc.y` and the bottom margin. True when it did. */
export function ensureSpace(doc: PdfDocument, height: number): boolean {
  const box = contentBox(doc);
  if (doc.y + height <= box.y + box.height || doc.y <= box.y) return false;
  doc.addPage();
  return true;
}

/** A heading at the left margin, kept on the page of what follows it (at least `keepWith` points). */
export function writeHeading(doc: PdfDocument, text: string, level: 1 | 2 = 1, keepWith = 60): void {
  const size = level === 1 ? 16 : 12;
  ensureSpace(doc, size * 1.5 + keepWith);
  const box = contentBox(doc);
  doc.font(PDF_BOLD_FONT).fontSize(size).fillColor(INK);
  doc.text(pdfSafeText(text), box.x, doc.y, { width: box.width });
  doc.moveDown(0.3);
  doc.font(PDF_FONT).fontSize(BODY_SIZE);
}

/** A paragraph of body text at the left margin; `muted` for notes. */
export function writeParagraph(doc: PdfDocument, text: string, options: { muted?: boolean } = {}): void {
  const box = contentBox(doc);
  doc
    .font(PDF_FONT)
    .fontSize(BODY_SIZE)
    .fillColor(options.muted ? MUTED_INK : INK);
  doc.text(pdfSafeText(text), box.x, doc.y, { width: box.width });
  doc.moveDown(0.5);
  doc.fillColor(INK);
}

/** `text` (made safe for the fonts) shortened with "…" to fit `width` points on one line in the current font. */
export function fitText(doc: PdfDocument, text: string, width: number): string {
  const safe = pdfSafeText(text);
  if (doc.widthOfString(safe) <= width) return safe;
  let low = 0;
  let high = safe.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${safe.slice(0, middle)}…`) <= width) low = middle;
    else high = middle - 1;
  }
  return `${safe.slice(0, low).trimEnd()}…`;
}
