import type { Readable } from 'node:stream';
import { type KpiStatus } from '#domain';
import {
  createPdfDocument,
  drawStackedBarChart,
  finishPdf,
  formatNumber,
  formatPercent,
  STATUS_COLOURS,
  STATUS_LABELS,
  STATUS_ORDER,
  writeHeading,
  writeParagraph,
  writeTable,
  type PdfDocument,
  type PdfTableColumn,
} from '#reporting';

/** Evaluations of one period (or of the whole range, `period` null) by status. */
export type OutcomePeriodCounts = Record<KpiStatus, number> & {
  period: string | null;
  total: number;
  contracts: number;
  onTrackPercent: number | null;
};

export type OffTrackOutcome = {
  department: string;
  contractNumber: string;
  contractTitle: string;
  vendor: string;
  kpi: string;
  unit: string;
  period: string;
  value: number | null;
  target: number;
  offTrackThreshold: number;
};

export type OutcomePdfData = {
  from: string;
  to: string;
  departments: string;
  periods: OutcomePeriodCounts[];
  totals: OutcomePeriodCounts;
  /** The most recent off-track results, at most `OFF_TRACK_PDF_LIMIT`, and how many there are in all. */
  offTrack: OffTrackOutcome[];
  offTrackTotal: number;
};

/** Off-track results listed in the PDF; the CSV, XLSX and JSON have them all. */
export const OFF_TRACK_PDF_LIMIT = 200;

/** Periods a chart shows; more periods are drawn as several charts, one after another. */
const PERIODS_PER_CHART = 36;

const COUNT_COLUMNS: PdfTableColumn[] = [
  ...STATUS_ORDER.map((status) => ({ header: STATUS_LABELS[status], width: 1, align: 'right' as const })),
  { header: 'Evaluations', width: 1, align: 'right' },
  { header: 'On track %', width: 1, align: 'right' },
  { header: 'Contracts', width: 1, align: 'right' },
];

const countCells = (counts: OutcomePeriodCounts) => [
  ...STATUS_ORDER.map((status) => formatNumber(counts[status])),
  formatNumber(counts.total),
  formatPercent(counts.onTrackPercent),
  formatNumber(counts.contracts),
];

/**
 * The outcome report as a PDF: what it covers, the totals, a stacked bar chart of results per period with the
 * same counts as a table, and the most recent off-track results.
 */
export function renderOutcomePdf(data: OutcomePdfData): Readable {
  const range = `${data.from} to ${data.to}`;
  const doc = createPdfDocument({ title: 'Outcome report', subtitle: `${data.departments} · ${range}` });
  writeHeading(doc, 'Outcome report');
  writeParagraph(doc, `Departments: ${data.departments}`);
  writeParagraph(doc, `Range: ${range}. A period counts when all its days lie within the range.`);

  writeHeading(doc, 'Totals', 2);
  writeTable(doc, COUNT_COLUMNS, [countCells(data.totals)]);

  writeHeading(doc, 'KPI results per period', 2, 200);
  if (data.periods.length === 0) writeParagraph(doc, 'No KPI was evaluated for a period within this range.');
  else drawPeriodCharts(doc, data.periods);
  writeTable(
    doc,
    [{ header: 'Period', width: 1 }, ...COUNT_COLUMNS],
    data.periods.map((counts) => [counts.period!, ...countCells(counts)]),
  );

  writeOffTrack(doc, data);
  return finishPdf(doc);
}

function drawPeriodCharts(doc: PdfDocument, periods: OutcomePeriodCounts[]): void {
  const charts = Math.ceil(periods.length / PERIODS_PER_CHART);
  for (let chart = 0; chart < charts; chart += 1) {
    const slice = periods.slice(chart * PERIODS_PER_CHART, (chart + 1) * PERIODS_PER_CHART);
    drawStackedBarChart(doc, {
      title: charts > 1 ? `Evaluations per period (${chart + 1} of ${charts})` : 'Evaluations per period',
      categories: slice.map((counts) => counts.period!),
      series: STATUS_ORDER.map((status) => ({
        name: STATUS_LABELS[status],
        colour: STATUS_COLOURS[status],
        values: slice.map((counts) => counts[status]),
      })),
      integers: true,
      xLabel: 'Period',
      yLabel: 'Evaluations',
    });
  }
}

function writeOffTrack(doc: PdfDocument, data: OutcomePdfData): void {
  writeHeading(doc, 'Off-track results', 2);
  if (data.offTrackTotal === 0) {
    writeParagraph(doc, 'No KPI was off track in this range.');
    return;
  }
  const more = data.offTrackTotal - data.offTrack.length;
  writeParagraph(
    doc,
    more > 0
      ? `The ${data.offTrack.length} most recent of ${data.offTrackTotal} off-track results, latest period first; ${more} more — use the CSV export for all of them.`
      : `${data.offTrackTotal} off-track ${data.offTrackTotal === 1 ? 'result' : 'results'}, latest period first.`,
    { muted: true },
  );
  writeTable(
    doc,
    [
      { header: 'Department', width: 0.8 },
      { header: 'Contract', width: 1 },
      { header: 'Title', width: 2.6 },
      { header: 'Vendor', width: 2 },
      { header: 'KPI', width: 1.8 },
      { header: 'Period', width: 0.8 },
      { header: 'Value', width: 0.9, align: 'right' },
      { header: 'Target', width: 0.9, align: 'right' },
      { header: 'Threshold', width: 0.9, align: 'right' },
    ],
    data.offTrack.map((row) => [
      row.department,
      row.contractNumber,
      row.contractTitle,
      row.vendor,
      `${row.kpi} (${row.unit})`,
      row.period,
      { text: formatNumber(row.value), colour: STATUS_COLOURS.off_track, bold: true },
      formatNumber(row.target),
      formatNumber(row.offTrackThreshold),
    ]),
  );
}
