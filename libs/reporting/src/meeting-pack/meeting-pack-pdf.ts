// The meeting pack as a PDF, drawn with the shared primitives: the same sections and words as the HTML page.
import type { KpiStatus, Language } from '#domain';
import {
  contentBox,
  createPdfDocument,
  renderPdfToBuffer,
  writeHeading,
  writeParagraph,
  type PdfDocument,
} from '../pdf/pdf-document.js';
import { STATUS_COLOURS } from '../pdf/pdf-palette.js';
import { writeTable, type PdfTableCell } from '../pdf/pdf-table.js';
import { drawStatusLegend, trendStripCell } from '../pdf/pdf-trend-strip.js';
import type { MeetingPack } from './meeting-pack.js';
import { NONE, packText, type PackText } from './pack-text.js';

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

const statusCell = (t: PackText, status: KpiStatus): PdfTableCell => ({
  text: t.status[status],
  colour: STATUS_COLOURS[status],
  bold: true,
});

/** The whole pack as PDF bytes in `language`; amounts in `currency` (ISO 4217). */
export async function renderMeetingPackPdf(
  pack: MeetingPack,
  options: { currency: string; language: Language },
): Promise<Buffer> {
  const t = packText(options.language);
  const { words } = t;
  const doc = createPdfDocument({
    title: t.title(pack),
    subtitle: t.subtitle(pack),
    pageLabel: (page, count) => words.pageOf({ page, count }),
  });
  writeHeading(doc, t.title(pack));
  writeParagraph(doc, t.coverage(pack), { muted: true });
  const notFinal = t.notFinal(pack);
  if (notFinal !== null) writeParagraph(doc, notFinal);

  // Side by side: performance on the left, notices and payments on the right.
  writeHeading(doc, words.headline, 2);
  const figures = t.headlineRows(pack, options.currency);
  const half = Math.ceil(figures.length / 2);
  const { figure, value } = words.columns;
  writeTable(
    doc,
    [
      { header: figure, width: 3 },
      { header: value, width: 1.5, align: 'right' },
      { header: figure, width: 3 },
      { header: value, width: 1.5, align: 'right' },
    ],
    figures.slice(0, half).map((left, index) => [...left, ...(figures[half + index] ?? ['', ''])]),
  );

  contractsSection(doc, t, pack);
  worseningSection(doc, t, pack);
  noticesSection(doc, t, pack);
  missingSection(doc, t, pack);
  diversitySection(doc, t, pack, options.currency);
  engagementsSection(doc, t, pack);
  return renderPdfToBuffer(doc);
}

function contractsSection(doc: PdfDocument, t: PackText, pack: MeetingPack): void {
  const { contracts: words, columns } = t.words;
  if (!startSection(doc, words.heading, pack.contracts.length ? null : words.none)) return;
  const strip = { cellWidth: TREND_CELL_WIDTH };
  const box = contentBox(doc);
  doc.y += drawStatusLegend(doc, box.x, doc.y, box.width, { status: t.status, notEvaluated: t.words.notEvaluated }) + 6;
  writeTable(
    doc,
    [
      { header: columns.contract, width: 4 },
      { header: columns.vendor, width: 3 },
      { header: columns.status, width: 1.5 },
      // About 260 points on a landscape page: six cells of 34 points and their gaps fit.
      { header: columns.trend({ count: pack.trendMonths.length }), width: 4.5 },
    ],
    pack.contracts.map((contract) => [
      `${contract.number}: ${contract.title}`,
      contract.vendorName,
      statusCell(t, contract.status),
      trendStripCell(
        contract.trend.map((entry) => ({ period: t.shortMonth(entry.month), status: entry.status })),
        strip,
      ),
    ]),
  );

  writeHeading(doc, words.theirKpis, 2);
  writeTable(
    doc,
    [
      { header: columns.contract, width: 1.5 },
      { header: columns.kpi, width: 3 },
      { header: columns.period, width: 1.2 },
      { header: columns.value, width: 1.5, align: 'right' },
      { header: columns.target, width: 2 },
      { header: columns.offTrackIf, width: 2 },
      { header: columns.status, width: 1.3 },
    ],
    pack.contracts.flatMap((contract) =>
      contract.kpis.map((kpi) => [
        contract.number,
        kpi.name,
        kpi.period,
        t.kpiValue(kpi),
        t.target(kpi),
        t.offTrackIf(kpi),
        statusCell(t, kpi.status),
      ]),
    ),
  );
}

function worseningSection(doc: PdfDocument, t: PackText, pack: MeetingPack): void {
  const { worsening: words, columns } = t.words;
  if (!startSection(doc, words.heading, pack.worsening.length ? null : words.none)) return;
  writeParagraph(doc, words.intro({ count: pack.trendPeriods }), { muted: true });
  writeTable(
    doc,
    [
      { header: columns.contract, width: 1.5 },
      { header: columns.vendor, width: 2.5 },
      { header: columns.kpi, width: 3 },
      { header: columns.period, width: 1.2 },
      { header: words.latest, width: 1.5, align: 'right' },
      { header: columns.status, width: 1.3 },
      { header: columns.offTrackIf, width: 1.8 },
      { header: words.projected, width: 1.5, align: 'right' },
      { header: words.projectedPeriod, width: 1.3 },
    ],
    pack.worsening.map((kpi) => [
      kpi.contractNumber,
      kpi.vendorName,
      kpi.name,
      kpi.period,
      t.kpiValue(kpi),
      statusCell(t, kpi.status),
      t.offTrackIf(kpi),
      { text: t.projectedValue(kpi), colour: STATUS_COLOURS.off_track, bold: true },
      kpi.trend.projectedPeriod,
    ]),
  );
}

function noticesSection(doc: PdfDocument, t: PackText, pack: MeetingPack): void {
  const { notices: words, columns } = t.words;
  if (!startSection(doc, words.heading, pack.notices.length ? null : words.none)) return;
  writeTable(
    doc,
    [
      { header: columns.contract, width: 1.5 },
      { header: columns.period, width: 1.2 },
      { header: columns.notice, width: 2 },
      { header: columns.to, width: 3.5 },
      { header: columns.cc, width: 3 },
      { header: columns.status, width: 1.8 },
    ],
    pack.notices.map((notice) => [
      notice.contractNumber,
      notice.period,
      words.kinds[notice.kind],
      notice.to.join(', '),
      notice.cc.length ? notice.cc.join(', ') : NONE,
      words.delivery[notice.status],
    ]),
  );
}

function missingSection(doc: PdfDocument, t: PackText, pack: MeetingPack): void {
  const { missing: words, columns } = t.words;
  if (!startSection(doc, words.heading, pack.missingKpis.length ? null : words.none)) return;
  writeTable(
    doc,
    [
      { header: columns.contract, width: 1.5 },
      { header: columns.vendor, width: 3 },
      { header: columns.kpi, width: 3.5 },
      { header: columns.period, width: 1.2 },
    ],
    pack.missingKpis.map((kpi) => [kpi.contractNumber, kpi.vendorName, kpi.kpiName, kpi.period]),
  );
}

function diversitySection(doc: PdfDocument, t: PackText, pack: MeetingPack, currency: string): void {
  const { diversity: words, columns } = t.words;
  if (!startSection(doc, words.heading, pack.diversity.length ? null : words.none)) return;
  writeParagraph(doc, `${words.caption({ monthLabel: t.periodWords(pack.month) })}.`, { muted: true });
  writeTable(
    doc,
    [
      { header: columns.contract, width: 3.5 },
      { header: columns.vendor, width: 2.5 },
      { header: columns.goal, width: 1, align: 'right' },
      { header: columns.paidToDate, width: 1.8, align: 'right' },
      { header: columns.paidDiverse, width: 1.8, align: 'right' },
      { header: columns.diverseShare, width: 1.2, align: 'right' },
      { header: columns.goalMet, width: 1.1 },
    ],
    pack.diversity.map((row) => [
      `${row.contractNumber}: ${row.title}`,
      row.vendorName,
      t.percent(row.goalPercent),
      t.money(row.paidTotal, currency),
      t.money(row.paidDiverse, currency),
      t.percent(row.diversePercent),
      t.goalMet(row.goalMet),
    ]),
  );
}

function engagementsSection(doc: PdfDocument, t: PackText, pack: MeetingPack): void {
  const { engagements: words } = t.words;
  if (!startSection(doc, words.heading, pack.engagements.length ? null : words.none)) return;
  writeParagraph(doc, `${words.caption({ monthLabel: t.periodWords(pack.month) })}.`, { muted: true });
  writeTable(
    doc,
    [
      { header: t.words.columns.contract, width: 3.5 },
      { header: words.columns.date, width: 1.5 },
      { header: words.columns.kind, width: 1.3 },
      { header: words.columns.attendees, width: 4 },
      { header: words.columns.actions, width: 1.2, align: 'right' },
    ],
    t.engagementRows(pack),
  );
}
