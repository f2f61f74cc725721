import { readPdf } from '#testing';
import {
  contentBox,
  createPdfDocument,
  ensureSpace,
  finishPdf,
  fitText,
  PDF_AUTHOR,
  renderPdfToBuffer,
  writeHeading,
  writeParagraph,
} from './pdf-document.js';

describe('createPdfDocument', () => {
  it('should write the title and author into the metadata, and a header and "Page n of m" on every page', async () => {
    const doc = createPdfDocument({ title: 'Outcome report', subtitle: 'Public Works (WRK), 2026-01 to 2026-03' });
    writeHeading(doc, 'First page');
    doc.addPage();
    writeParagraph(doc, 'Second page');
    doc.addPage();
    writeParagraph(doc, 'Third page', { muted: true });
    const pdf = await readPdf(await renderPdfToBuffer(doc));

    expect({ title: pdf.title, author: pdf.author }).toEqual({ title: 'Outcome report', author: PDF_AUTHOR });
    expect(pdf.pages).toHaveLength(3);
    pdf.pages.forEach((page, index) => {
      expect(page.split('\n')).toEqual(
        expect.arrayContaining([
          'Outcome report',
          'Public Works (WRK), 2026-01 to 2026-03',
          'Contract Performance Tracker',
          `Page ${index + 1} of 3`,
        ]),
      );
    });
    expect(pdf.pages.map((page) => page.split('\n').find((line) => line.endsWith('page')))).toEqual([
      'First page',
      'Second page',
      'Third page',
    ]);
  });

  it('should print Latin, Greek, Cyrillic and Armenian names as written, in the text and the metadata', async () => {
    const names = ['Łódź Ōkubo Dvořák', 'Αθηναϊκή Τεχνική Α.Ε.', 'ООО «Городской Свет»', 'Երևանի Շինարար ՍՊԸ'];
    const doc = createPdfDocument({ title: names[2], subtitle: names[3] });
    writeHeading(doc, names[1]);
    names.forEach((name) => writeParagraph(doc, name));
    const pdf = await readPdf(await renderPdfToBuffer(doc));
    expect(pdf.title).toBe(names[2]);
    expect(pdf.pages[0].split('\n')).toEqual(expect.arrayContaining(names));
  });

  it('should write the footer page numbers in the words given', async () => {
    const doc = createPdfDocument({ title: 'Paquete', pageLabel: (page, count) => `Página ${page} de ${count}` });
    doc.addPage();
    const pdf = await readPdf(await renderPdfToBuffer(doc));
    expect(pdf.pages[1].split('\n')).toContain('Página 2 de 2');
  });

  it('should be A4 landscape by default and portrait when asked', async () => {
    const landscape = await readPdf(await renderPdfToBuffer(createPdfDocument({ title: 'L' })));
    const portrait = await readPdf(await renderPdfToBuffer(createPdfDocument({ title: 'P', layout: 'portrait' })));
    expect(landscape.pageSizes).toEqual([{ width: 842, height: 595 }]);
    expect(portrait.pageSizes).toEqual([{ width: 595, height: 842 }]);
  });

  it('should stream the finished document as PDF bytes', async () => {
    const doc = createPdfDocument({ title: 'Streamed' });
    writeParagraph(doc, 'Hello');
    const chunks: Buffer[] = [];
    for await (const chunk of finishPdf(doc)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await readPdf(bytes)).text).toContain('Hello');
  });
});

describe('ensureSpace', () => {
  it('should start a new page only when the height does not fit below doc.y', async () => {
    const doc = createPdfDocument({ title: 'Space' });
    const box = contentBox(doc);
    expect(ensureSpace(doc, box.height)).toBe(false);
    doc.y = box.y + box.height - 50;
    expect(ensureSpace(doc, 40)).toBe(false);
    expect(ensureSpace(doc, 60)).toBe(true);
    expect(doc.y).toBe(box.y);
    // At the top of a page nothing is gained by another page, whatever the height.
    expect(ensureSpace(doc, box.height * 2)).toBe(false);
    expect((await readPdf(await renderPdfToBuffer(doc))).pages).toHaveLength(2);
  });
});

describe('fitText', () => {
  it('should shorten text with an ellipsis to the width, and keep text that fits', () => {
    const doc = createPdfDocument({ title: 'Fit' });
    doc.fontSize(10);
    expect(fitText(doc, 'Short', 100)).toBe('Short');
    const long = 'A title far too long for the little space it is given';
    const fitted = fitText(doc, long, 80);
    expect(fitted.endsWith('…')).toBe(true);
    expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(doc.widthOfString(fitted)).toBeLessThanOrEqual(80);
    expect(fitText(doc, 'Łódź 東京', 100)).toBe('Łódź ??');
  });
});
