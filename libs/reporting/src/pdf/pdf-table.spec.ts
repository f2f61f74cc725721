import { readPdf } from '#testing';
import { createPdfDocument, renderPdfToBuffer, writeParagraph } from './pdf-document.js';
import { writeTable, type PdfTableColumn } from './pdf-table.js';

const COLUMNS: PdfTableColumn[] = [
  { header: 'Contract', width: 1 },
  { header: 'Title', width: 4 },
  { header: 'Value', width: 1, align: 'right' },
];

async function render(draw: (doc: ReturnType<typeof createPdfDocument>) => void) {
  const doc = createPdfDocument({ title: 'Table' });
  draw(doc);
  return readPdf(await renderPdfToBuffer(doc));
}

describe('writeTable', () => {
  it('should flow over pages, repeating the header row, with every row once and in order', async () => {
    const rows = Array.from({ length: 120 }, (_unused, index) => [`C-${index + 1}`, `Title ${index + 1}`, `${index}`]);
    let written = 0;
    const pdf = await render((doc) => {
      written = writeTable(doc, COLUMNS, rows);
    });

    expect(written).toBe(120);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    // Page headers and footers are stamped last, so each page's text starts with what was drawn on it.
    for (const page of pdf.pages) expect(page.split('\n').slice(0, 3)).toEqual(['Contract', 'Title', 'Value']);
    const contracts = pdf.text.split('\n').filter((line) => /^C-\d+$/.test(line));
    expect(contracts).toEqual(rows.map((row) => row[0]));
  });

  it('should fit more rows on a page when the text is smaller', async () => {
    const rows = Array.from({ length: 120 }, (_unused, index) => [`C-${index}`, 'Title', '1']);
    const small = await render((doc) => writeTable(doc, COLUMNS, rows, { fontSize: 6 }));
    const large = await render((doc) => writeTable(doc, COLUMNS, rows, { fontSize: 12 }));
    expect(small.pages.length).toBeLessThan(large.pages.length);
  });

  it('should wrap a long cell onto at most maxLines lines and end it with an ellipsis', async () => {
    const long = Array.from({ length: 80 }, (_unused, index) => `word${index}`).join(' ');
    const pdf = await render((doc) => writeTable(doc, COLUMNS, [['C-1', long, '1']], { maxLines: 2 }));
    const lines = pdf.pages[0].split('\n').filter((line) => line.startsWith('word'));
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(pdf.text).not.toContain('word79');
  });

  it('should keep the header with the first row rather than leave it alone at the foot of a page', async () => {
    const pdf = await render((doc) => {
      for (let line = 0; line < 200 && doc.y < doc.page.height - doc.page.margins.bottom - 25; line += 1)
        writeParagraph(doc, `Filler ${line}`);
      writeTable(doc, COLUMNS, [['C-1', 'Only row', '1']]);
    });
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages[0].split('\n')).not.toContain('Contract');
    expect(pdf.pages[1].split('\n')).toEqual(expect.arrayContaining(['Contract', 'C-1', 'Only row']));
  });

  it('should write the header alone when there are no rows', async () => {
    let written = -1;
    const pdf = await render((doc) => {
      written = writeTable(doc, COLUMNS, []);
    });
    expect(written).toBe(0);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0].split('\n')).toEqual(expect.arrayContaining(['Contract', 'Title', 'Value']));
  });

  it('should draw custom cells and make their text safe for the fonts', async () => {
    const drawn: { width: number; height: number }[] = [];
    const pdf = await render((doc) =>
      writeTable(doc, COLUMNS, [
        [
          { text: 'C-1', bold: true },
          { draw: (_doc, box) => void drawn.push({ width: box.width, height: box.height }), height: 30 },
          { text: 'Łódź 東京', fill: '#ffdddd', colour: '#c62828' },
        ],
      ]),
    );
    expect(drawn).toHaveLength(1);
    expect(drawn[0].height).toBeGreaterThanOrEqual(30);
    expect(pdf.pages[0].split('\n')).toEqual(expect.arrayContaining(['C-1', 'Łódź ??']));
  });
});
