import { readPdf } from '#testing';
import { createPdfDocument, renderPdfToBuffer } from './pdf-document.js';
import { writeTable } from './pdf-table.js';
import {
  drawStatusLegend,
  drawTrendStrip,
  trendStripCell,
  trendStripSize,
  type PdfTrendPeriod,
} from './pdf-trend-strip.js';

const SIX: PdfTrendPeriod[] = [
  { period: '2025-10', status: 'on_track' },
  { period: '2025-11', status: 'at_risk' },
  { period: '2025-12', status: null },
  { period: '2026-01', status: 'missing' },
  { period: '2026-02', status: 'off_track' },
  { period: '2026-03', status: 'off_track' },
];

describe('drawTrendStrip', () => {
  it('should write each period and its status letter, oldest first, and leave doc.y alone', async () => {
    const doc = createPdfDocument({ title: 'Trend' });
    const before = { x: doc.x, y: doc.y };
    const size = drawTrendStrip(doc, 100, 200, SIX);
    expect({ x: doc.x, y: doc.y }).toEqual(before);
    expect(size).toEqual(trendStripSize(6));
    const text = (await readPdf(await renderPdfToBuffer(doc))).pages[0].split('\n');
    expect(text.slice(0, 12)).toEqual([
      'OK',
      '2025-10',
      'R',
      '2025-11',
      '—',
      '2025-12',
      'M',
      '2026-01',
      'X',
      '2026-02',
      'X',
      '2026-03',
    ]);
  });

  it('should size the strip from its cells, with or without period labels', () => {
    expect(trendStripSize(6, { cellWidth: 20, cellHeight: 10, periodLabels: false })).toEqual({
      width: 6 * 20 + 5 * 2,
      height: 10,
    });
    expect(trendStripSize(6, { cellWidth: 20, cellHeight: 10 }).height).toBeGreaterThan(10);
    expect(trendStripSize(0).width).toBe(0);
  });

  it('should sit in a table cell, one strip a row', async () => {
    const doc = createPdfDocument({ title: 'Trend table' });
    writeTable(
      doc,
      [
        { header: 'Contract', width: 1 },
        { header: 'Last six periods', width: 3 },
      ],
      [
        ['W-001', trendStripCell(SIX)],
        ['W-002', trendStripCell(SIX.slice(3), { periodLabels: false })],
      ],
    );
    const text = (await readPdf(await renderPdfToBuffer(doc))).pages[0].split('\n');
    expect(text.filter((line) => line === 'X')).toHaveLength(4);
    expect(text.filter((line) => line === '2026-03')).toHaveLength(1);
    expect(text).toEqual(expect.arrayContaining(['W-001', 'W-002', 'Last six periods']));
  });
});

describe('drawStatusLegend', () => {
  it('should say what every colour and letter means', async () => {
    const doc = createPdfDocument({ title: 'Legend' });
    expect(drawStatusLegend(doc, 40, 80, 700)).toBeGreaterThan(0);
    const text = (await readPdf(await renderPdfToBuffer(doc))).pages[0].split('\n');
    expect(text).toEqual(
      expect.arrayContaining(['OK On track', 'R At risk', 'M Missing', 'X Off track', '— Not evaluated']),
    );
  });
});
