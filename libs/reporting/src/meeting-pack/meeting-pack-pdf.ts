// The meeting pack as a PDF, drawn with the shared primitives: the same sections and words as the HTML page.
import type { KpiStatus } from '#domain';
import {
  contentBox,
  createPdfDocument,
  renderPdfToBuffer,
  writeHeading,
  writeParagraph,
  type PdfDocument,
} from '../pdf/pdf-document.js';
import { formatMoney, formatPercent } from '../pdf/pdf-format.js';
import { STATUS_COLOURS } from '../pdf/pdf-palette.js';
import { writeTable, type PdfTableCell } from '../pdf/pdf-table.js';
import { drawStatusLegend, trendStripCell } from '../pdf/pdf-trend-strip.js';
import type { MeetingPack } from './meeting-pack.js';
import {
  coverageText,
  DELIVERY_WORDS,
  goalMetText,
  headlineRows,
  kpiValueText,
  NONE,
  NOTICE_WORDS,
  offTrackIfText,
  packTitle,
  periodWords,
  shortMonth,
  STATUS_WORDS,
  targetText,
  withinGraceText,
} from './pack-text.js';

const TREND_CELL_WIDTH = 34;

/**
 * A section's heading, kept on the page of what follows: a table's header and first rows, or the one line that
 * says the section is empty. True when there is something to show.
 */
function startSection(doc: PdfDocument, heading: string, empty: string | null): boolean {
  writeHeading(doc, heading, 2, empty === null ? 60 : 16);
  if (empty !== null) writeParagraph(doc, empty, { muted: true });
  return empty === null;
}

const statusCell = (status: KpiStatus): PdfTableCell => ({
  text: STATUS_WORDS[status],
  colour: STATUS_COLOURS[status],
  bold: true,
});

/** The whole pack as PDF bytes; amounts in `currency` (ISO 4217). */
export async function renderMeetingPackPdf(pack: MeetingPack, options: { currency: string }): Promise<Buffer> {
  const doc = createPdfDocument({
    title: packTitle(pack),
    subtitle: `${pack.department.name} (${pack.department.code}), ${periodWords(pack.month)}`,
  });
  writeHeading(doc, packTitle(pack));
  writeParagraph(doc, coverageText(pack), { muted: true });
  const notFinal = withinGraceText(pack);
  if (notFinal !== null) writeParagraph(doc, notFinal);

  // Side by side: performance on the left, notices and payments on the right.
  writeHeading(doc, 'Headline figures', 2);
  const figures = headlineRows(pack, options.currency);
  const half = Math.ceil(figures.length / 2);
  writeTable(
    doc,
    [
      { header: 'Figure', width: 3 },
      { header: 'Value', width: 1.5, align: 'right' },
      { header: 'Figure', width: 3 },
      { header: 'Value', width: 1.5, align: 'right' },
    ],
    figures.slice(0, half).map((left, index) => [...left, ...(figures[half + index] ?? ['', ''])]),
  );

  contractsSection(doc, pack);
  noticesSection(doc, pack);
  missingSection(doc, pack);
  diversitySection(doc, pack, options.currency);
  return renderPdfToBuffer(doc);
}

function contractsSection(doc: PdfDocument, pack: MeetingPack): void {
  const none = 'No contract is off track or at risk this month.';
  if (!startSection(doc, 'Contracts off track or at risk', pack.contracts.length ? null : none)) return;
  const strip = { cellWidth: TREND_CELL_WIDTH };
  const box = contentBox(doc);
  doc.y += drawStatusLegend(doc, box.x, doc.y, box.width) + 6;
  writeTable(
    doc,
    [
      { header: 'Contract', width: 4 },
      { header: 'Vendor', width: 3 },
      { header: 'Status', width: 1.5 },
      // About 260 points on a landscape page: six cells of 34 points and their gaps fit.
      { header: `Contract status, last ${pack.trendMonths.length} months`, width: 4.5 },
    ],
    pack.contracts.map((contract) => [
      `${contract.number}: ${contract.title}`,
      contract.vendorName,
      statusCell(contract.status),
      trendStripCell(
        contract.trend.map((entry) => ({ period: shortMonth(entry.month), status: entry.status })),
        strip,
      ),
    ]),
  );

  writeHeading(doc, 'Their KPIs', 2);
  writeTable(
    doc,
    [
      { header: 'Contract', width: 1.5 },
      { header: 'KPI', width: 3 },
      { header: 'Period', width: 1.2 },
      { header: 'Value', width: 1.5, align: 'right' },
      { header: 'Target', width: 2 },
      { header: 'Off track if', width: 2 },
      { header: 'Status', width: 1.3 },
    ],
    pack.contracts.flatMap((contract) =>
      contract.kpis.map((kpi) => [
        contract.number,
        kpi.name,
        kpi.period,
        kpiValueText(kpi),
        targetText(kpi),
        offTrackIfText(kpi),
        statusCell(kpi.status),
      ]),
    ),
  );
}

function noticesSection(doc: PdfDocument, pack: MeetingPack): void {
  const none = 'No notice was recorded for the period.';
  if (!startSection(doc, 'Notices for the period', pack.notices.length ? null : none)) return;
  writeTable(
    doc,
    [
      { header: 'Contract', width: 1.5 },
      { header: 'Period', width: 1.2 },
      { header: 'Notice', width: 2 },
      { header: 'To', width: 3.5 },
      { header: 'Cc', width: 3 },
      { header: 'Status', width: 1.8 },
    ],
    pack.notices.map((notice) => [
      notice.contractNumber,
      notice.period,
      NOTICE_WORDS[notice.kind],
      notice.to.join(', '),
      notice.cc.length ? notice.cc.join(', ') : NONE,
      DELIVERY_WORDS[notice.status],
    ]),
  );
}

function missingSection(doc: PdfDocument, pack: MeetingPack): void {
  const none = 'Every KPI evaluated has data.';
  if (!startSection(doc, 'KPIs with missing data', pack.missingKpis.length ? null : none)) return;
  writeTable(
    doc,
    [
      { header: 'Contract', width: 1.5 },
      { header: 'Vendor', width: 3 },
      { header: 'KPI', width: 3.5 },
      { header: 'Period', width: 1.2 },
    ],
    pack.missingKpis.map((kpi) => [kpi.contractNumber, kpi.vendorName, kpi.kpiName, kpi.period]),
  );
}

function diversitySection(doc: PdfDocument, pack: MeetingPack, currency: string): void {
  const none = 'No active contract has a diversity goal.';
  if (!startSection(doc, 'Payments to diverse vendors against diversity goals', pack.diversity.length ? null : none))
    return;
  writeParagraph(doc, `Payments to date, through ${periodWords(pack.month)}.`, { muted: true });
  writeTable(
    doc,
    [
      { header: 'Contract', width: 3.5 },
      { header: 'Vendor', width: 2.5 },
      { header: 'Goal', width: 1, align: 'right' },
      { header: 'Paid to date', width: 1.8, align: 'right' },
      { header: 'Paid to diverse vendors', width: 1.8, align: 'right' },
      { header: 'Diverse share', width: 1.2, align: 'right' },
      { header: 'Goal met', width: 1.1 },
    ],
    pack.diversity.map((row) => [
      `${row.contractNumber}: ${row.title}`,
      row.vendorName,
      formatPercent(row.goalPercent),
      formatMoney(row.paidTotal, currency),
      formatMoney(row.paidDiverse, currency),
      formatPercent(row.diversePercent),
      goalMetText(row.goalMet),
    ]),
  );
}
