import type { Readable } from 'node:stream';
import { PROCUREMENT_METHODS, type ProcurementMethod } from '#domain';
import {
  barChartHeight,
  contentBox,
  createPdfDocument,
  drawBarChart,
  ensureSpace,
  finishPdf,
  formatMoney,
  formatNumber,
  formatPercent,
  NO_VALUE,
  SERIES_COLOURS,
  STATUS_COLOURS,
  STATUS_LABELS,
  STATUS_ORDER,
  writeHeading,
  writeParagraph,
  writeTable,
  type PdfBar,
  type PdfDocument,
} from '#reporting';
import { metricRows, type ProcurementMetrics } from './procurement-metrics.js';

const METHOD_NAMES: Record<ProcurementMethod, string> = {
  rfp: 'Request for proposals',
  ifb: 'Invitation for bids',
  rfq: 'Request for quotations',
  sole_source: 'Sole source',
  emergency: 'Emergency',
  cooperative: 'Cooperative',
};

/** What each figure is, by its name in the CSV (docs/metrics.md defines them). */
const METRIC_DESCRIPTIONS: Record<string, string> = {
  from: 'First month',
  to: 'Last month',
  departmentId: 'Department (none: every department in scope)',
  definitionsVersion: 'Version of the definitions',
  'solicitations.awarded': 'Solicitations awarded',
  'solicitations.cycleTimeDays.median': 'Cycle time, median (days)',
  'solicitations.cycleTimeDays.p90': 'Cycle time, 90th percentile (days)',
  'solicitations.bidsPerSolicitation.mean': 'Bids per solicitation, mean',
  'solicitations.bidsPerSolicitation.median': 'Bids per solicitation, median',
  'solicitations.singleBidPercent': 'Solicitations with a single bid',
  'solicitations.zeroBidPercent': 'Solicitations without bids',
  'bids.count': 'Bids',
  'bids.diverseVendorPercent': 'Bids from diverse vendors',
  'awards.count': 'Awards',
  'awards.value': 'Award value',
  'awards.diverseVendorPercent': 'Awards to diverse vendors (count)',
  'awards.diverseValuePercent': 'Awards to diverse vendors (value)',
  'awards.newVendorPercent': 'Awards to new vendors (count)',
  'awards.newVendorValuePercent': 'Awards to new vendors (value)',
  ...Object.fromEntries(
    PROCUREMENT_METHODS.map((method) => [`awards.valueByMethod.${method}`, `Award value: ${METHOD_NAMES[method]}`]),
  ),
  'awards.nonCompetitivePercent': 'Award value without competition (sole source, emergency)',
  'spend.total': 'Spend',
  'spend.diverseVendorPercent': 'Spend with diverse vendors',
  'spend.smallBusinessPercent': 'Spend with small businesses',
  'spend.localBusinessPercent': 'Spend with local businesses',
  'performance.contractsWithKpisPercent': 'Contracts with an active KPI',
  ...Object.fromEntries(
    STATUS_ORDER.map((status) => [
      `performance.evaluations.${status}`,
      `Evaluations: ${STATUS_LABELS[status].toLowerCase()}`,
    ]),
  ),
  'performance.onTrackPercent': 'Share of evaluations on track',
};

const compact = new Intl.NumberFormat('en-US', { notation: 'compact' });

const MONEY_METRICS = /^(awards\.value|awards\.valueByMethod\..+|spend\.total)$/;

/** A figure as the PDF writes it: percentages with one decimal and %, money in the currency, null as "—". */
function formatMetric(metric: string, value: string | number | null, currency: string): string {
  if (value === null) return NO_VALUE;
  if (typeof value === 'string') return value;
  if (metric.endsWith('Percent')) return formatPercent(value);
  if (MONEY_METRICS.test(metric)) return formatMoney(value, currency);
  return formatNumber(value);
}

/**
 * The procurement metrics as a PDF: charts of the diverse and new-vendor shares, competition, cycle time,
 * evaluations and award value by method, then every figure of the JSON and CSV in a table, in the same order.
 */
export function renderProcurementMetricsPdf(
  metrics: ProcurementMetrics,
  departments: string,
  currency: string,
): Readable {
  const range = `${metrics.from} to ${metrics.to}`;
  const doc = createPdfDocument({ title: 'Procurement metrics', subtitle: `${departments} · ${range}` });
  writeHeading(doc, 'Procurement metrics');
  writeParagraph(doc, `Departments: ${departments}`);
  writeParagraph(
    doc,
    `Range: ${range}. Definitions version ${metrics.definitionsVersion} (docs/metrics.md). A share is "${NO_VALUE}" when there is nothing to divide by.`,
    { muted: true },
  );
  drawCharts(doc, metrics, currency);
  writeHeading(doc, 'All figures', 2);
  writeTable(
    doc,
    [
      { header: 'Metric', width: 3 },
      { header: 'Description', width: 3.4 },
      // Wide enough for a department's UUID on one line.
      { header: 'Value', width: 2.6, align: 'right' },
    ],
    metricRows(metrics).map(({ metric, value }) => [
      metric,
      METRIC_DESCRIPTIONS[metric] ?? '',
      formatMetric(metric, value, currency),
    ]),
  );
  return finishPdf(doc);
}

function drawCharts(doc: PdfDocument, metrics: ProcurementMetrics, currency: string): void {
  const { solicitations, bids, awards, spend, performance } = metrics;
  const share = (label: string, value: number | null): PdfBar => ({ label, value });
  const percentChart = { max: 100, formatValue: formatPercent };

  drawBarChart(doc, {
    ...percentChart,
    title: 'Diverse and new vendors',
    axisLabel: 'Share (%)',
    bars: [
      share('Bids from diverse vendors', bids.diverseVendorPercent),
      share('Awards to diverse vendors (count)', awards.diverseVendorPercent),
      share('Awards to diverse vendors (value)', awards.diverseValuePercent),
      share('Awards to new vendors (count)', awards.newVendorPercent),
      share('Awards to new vendors (value)', awards.newVendorValuePercent),
      share('Spend with diverse vendors', spend.diverseVendorPercent),
      share('Spend with small businesses', spend.smallBusinessPercent),
      share('Spend with local businesses', spend.localBusinessPercent),
    ],
  });

  // Cycle time and evaluations side by side.
  const height = 170;
  ensureSpace(doc, height + 10);
  const page = contentBox(doc);
  const half = (page.width - 30) / 2;
  const y = doc.y;
  drawBarChart(doc, {
    title: `Cycle time (${solicitations.awarded} solicitations awarded)`,
    orientation: 'vertical',
    axisLabel: 'Days',
    bars: [
      { label: 'Median', value: solicitations.cycleTimeDays.median },
      { label: '90th percentile', value: solicitations.cycleTimeDays.p90 },
    ],
    formatValue: (value) => formatNumber(value, 1),
    y,
    width: half,
    height,
  });
  drawBarChart(doc, {
    title: `Evaluations (${formatPercent(performance.onTrackPercent)} on track)`,
    orientation: 'vertical',
    axisLabel: 'Evaluations',
    integers: true,
    bars: STATUS_ORDER.map((status) => ({
      label: STATUS_LABELS[status],
      value: performance.evaluations[status],
      colour: STATUS_COLOURS[status],
    })),
    x: page.x + half + 30,
    y,
    width: half,
    height,
  });

  const competition = [
    share('Solicitations with a single bid', solicitations.singleBidPercent),
    share('Solicitations without bids', solicitations.zeroBidPercent),
    share('Award value without competition', awards.nonCompetitivePercent),
    share('Contracts with an active KPI', performance.contractsWithKpisPercent),
  ];
  const byMethod = PROCUREMENT_METHODS.map((method) => ({
    label: METHOD_NAMES[method],
    value: awards.valueByMethod[method],
  }));
  const rowHeight = Math.max(
    barChartHeight({ bars: competition, title: 'x' }),
    barChartHeight({ bars: byMethod, title: 'x' }),
  );
  ensureSpace(doc, rowHeight + 10);
  const rowY = doc.y;
  drawBarChart(doc, {
    ...percentChart,
    title: 'Competition and KPI coverage',
    bars: competition,
    colour: SERIES_COLOURS[1],
    y: rowY,
    width: half,
  });
  drawBarChart(doc, {
    title: `Award value by method (${formatMoney(awards.value, currency)} in ${awards.count} awards)`,
    bars: byMethod,
    formatValue: (value) => formatMoney(value, currency),
    formatTick: (value) => compact.format(value),
    colour: SERIES_COLOURS[2],
    x: page.x + half + 30,
    y: rowY,
    width: half,
  });
}
