import { readPdf } from '#testing';
import { barChartHeight, drawBarChart } from './pdf-bar-chart.js';
import { contentBox, createPdfDocument, renderPdfToBuffer, type PdfDocument } from './pdf-document.js';
import { formatPercent } from './pdf-format.js';
import { STATUS_COLOURS, STATUS_LABELS, STATUS_ORDER } from './pdf-palette.js';
import { drawStackedBarChart } from './pdf-stacked-bar-chart.js';

async function render(draw: (doc: PdfDocument) => void) {
  const doc = createPdfDocument({ title: 'Charts' });
  draw(doc);
  return readPdf(await renderPdfToBuffer(doc));
}

const lines = (text: string) => text.split('\n');

describe('drawStackedBarChart', () => {
  const categories = ['2026-01', '2026-02', '2026-Q1'];
  const counts: Record<string, number[]> = {
    on_track: [3, 0, 1],
    at_risk: [1, 2, 0],
    missing: [0, 0, 2],
    off_track: [1, 0, 4],
  };
  const series = STATUS_ORDER.map((status) => ({
    name: STATUS_LABELS[status],
    colour: STATUS_COLOURS[status],
    values: counts[status],
  }));

  it('should label categories, the legend, the axes, every total and the segments that fit', async () => {
    const pdf = await render((doc) =>
      drawStackedBarChart(doc, {
        title: 'Evaluations per period',
        categories,
        series,
        integers: true,
        xLabel: 'Period',
        yLabel: 'Evaluations',
      }),
    );
    expect(pdf.pages).toHaveLength(1);
    expect(lines(pdf.text)).toEqual(
      expect.arrayContaining([
        'Evaluations per period',
        'On track',
        'At risk',
        'Missing',
        'Off track',
        ...categories,
        'Period',
        'Evaluations',
        // Totals above the bars: 5, 2 and 7; the axis runs to 8 in steps of 2.
        '5',
        '2',
        '7',
        '8',
        '4',
      ]),
    );
  });

  it('should move doc.y below the chart, and start a new page when the chart does not fit', async () => {
    let after = 0;
    let box = { y: 0, height: 0 };
    const pdf = await render((doc) => {
      doc.y = contentBox(doc).y + contentBox(doc).height - 100;
      box = drawStackedBarChart(doc, { categories, series, height: 150 });
      after = doc.y;
    });
    expect(pdf.pages).toHaveLength(2);
    expect(box.height).toBe(150);
    expect(after).toBeGreaterThanOrEqual(box.y + 150);
  });

  it('should label only every n-th category when there are too many to write them all', async () => {
    const many = Array.from({ length: 120 }, (_unused, index) => `P${index}`);
    const pdf = await render((doc) =>
      drawStackedBarChart(doc, {
        categories: many,
        series: [{ name: 'Count', colour: '#000000', values: many.map(() => 1) }],
        integers: true,
      }),
    );
    const labelled = lines(pdf.text).filter((line) => /^P\d+$/.test(line));
    expect(labelled.length).toBeGreaterThan(10);
    expect(labelled.length).toBeLessThan(many.length);
    expect(labelled[0]).toBe('P0');
  });
});

describe('drawBarChart', () => {
  const bars = [
    { label: 'Bids to diverse vendors', value: 33.3 },
    { label: 'Awards to diverse vendors', value: 50 },
    { label: 'Spend with local businesses', value: null },
  ];

  it.each(['horizontal', 'vertical'] as const)(
    'should write each label and value, "—" for a null, on a %s chart',
    async (orientation) => {
      const pdf = await render((doc) =>
        drawBarChart(doc, { title: 'Shares', bars, max: 100, formatValue: formatPercent, orientation }),
      );
      expect(pdf.pages).toHaveLength(1);
      const text = lines(pdf.text);
      expect(text).toEqual(expect.arrayContaining(['Shares', '33.3%', '50.0%', '—', '0.0%', '100.0%']));
      // Vertical charts may wrap a label over two lines.
      for (const bar of bars) expect(pdf.text.replace(/\n/g, ' ')).toContain(bar.label);
    },
  );

  it('should place charts side by side and leave doc.y below the taller', async () => {
    let after = 0;
    let boxes: { x: number; y: number; height: number }[] = [];
    await render((doc) => {
      const y = doc.y;
      boxes = [
        drawBarChart(doc, { bars, width: 300, y }),
        drawBarChart(doc, { bars, orientation: 'vertical', x: 400, width: 300, y, height: 200 }),
      ];
      after = doc.y;
    });
    expect(boxes.map((box) => box.y)).toEqual([boxes[0].y, boxes[0].y]);
    expect(boxes[1].x).toBe(400);
    expect(boxes[0].height).toBe(barChartHeight({ bars }));
    expect(after).toBeGreaterThanOrEqual(boxes[0].y + 200);
  });

  it('should choose a round axis end above the largest value when none is given', async () => {
    const pdf = await render((doc) =>
      drawBarChart(doc, {
        bars: [
          { label: 'Median', value: 35 },
          { label: 'p90', value: 40 },
        ],
        orientation: 'vertical',
        axisLabel: 'days',
      }),
    );
    expect(lines(pdf.text)).toEqual(
      expect.arrayContaining(['35', '40', '0', '10', '20', '30', 'days', 'Median', 'p90']),
    );
    expect(lines(pdf.text)).not.toContain('50');
  });

  it('should write ticks with formatTick and keep them whole with integers', async () => {
    const pdf = await render((doc) =>
      drawBarChart(doc, {
        bars: [{ label: 'Awards', value: 3 }],
        integers: true,
        formatValue: (value) => `${value} awards`,
        formatTick: (value) => `t${value}`,
      }),
    );
    expect(lines(pdf.text)).toEqual(expect.arrayContaining(['3 awards', 't0', 't1', 't2', 't3']));
    expect(pdf.text).not.toMatch(/t0\.\d/);
  });
});
