// The meeting pack as one self-contained HTML page: no scripts, no external assets, styles in the page. Every
// value enters the markup through `escapeHtml()`, which escapes it.
import escapeHtml from 'escape-html';
import type { KpiStatus } from '#domain';
import { formatMoney, formatPercent } from '../pdf/pdf-format.js';
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

/** A status is always written in words; the colour only emphasises it. */
const statusClass = (status: KpiStatus | null) => (status === null ? 'none' : status.replace('_', '-'));

function cell(value: string, status?: KpiStatus | null): string {
  return status === undefined
    ? `<td>${escapeHtml(value)}</td>`
    : `<td class="${statusClass(status)}">${escapeHtml(value)}</td>`;
}

function table(caption: string, columns: string[], rows: string[][], className?: string): string {
  const head = columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  return [
    className ? `<table class="${className}">` : '<table>',
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.map((row) => `<tr>${row.join('')}</tr>`).join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

const empty = (sentence: string) => `<p class="empty">${escapeHtml(sentence)}</p>`;

const STYLE = `
body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.45; color: #1f2933; }
main { max-width: 1000px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px 0; }
h2 { font-size: 18px; margin: 28px 0 10px 0; border-bottom: 2px solid #cbd2d9; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px 0; }
p { margin: 0 0 12px 0; }
.meta, .empty { color: #52606d; }
.not-final { background: #fffbea; border-left: 4px solid #8d2b0b; padding: 8px 12px; }
table { border-collapse: collapse; width: 100%; margin: 0 0 14px 0; }
caption { text-align: left; font-weight: bold; padding: 0 0 6px 0; }
th, td { border: 1px solid #cbd2d9; padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: #f0f4f8; }
td.on-track { background: #e3f9e5; color: #05400a; }
td.at-risk { background: #fffbea; color: #8d2b0b; font-weight: bold; }
td.missing { background: #f0f4f8; color: #3e4c59; font-weight: bold; }
td.off-track { background: #ffe3e3; color: #8a041a; font-weight: bold; }
td.none { color: #9aa5b1; text-align: center; }
table.trend td { text-align: center; }
`;

/** The whole pack as an HTML page; amounts in `currency` (ISO 4217). */
export function renderMeetingPackHtml(pack: MeetingPack, options: { currency: string }): string {
  const title = packTitle(pack);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(coverageText(pack))}</p>`,
    ...notFinal(pack),
    headlineSection(pack, options.currency),
    contractsSection(pack),
    noticesSection(pack),
    missingSection(pack),
    diversitySection(pack, options.currency),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function notFinal(pack: MeetingPack): string[] {
  const text = withinGraceText(pack);
  return text === null ? [] : [`<p class="not-final" role="status">${escapeHtml(text)}</p>`];
}

function headlineSection(pack: MeetingPack, currency: string): string {
  const rows = headlineRows(pack, currency).map(([label, value]) => [
    `<th scope="row">${escapeHtml(label)}</th>`,
    cell(value),
  ]);
  return ['<h2>Headline figures</h2>', table(periodWords(pack.month), ['Figure', 'Value'], rows)].join('\n');
}

function contractsSection(pack: MeetingPack): string {
  const parts = ['<h2>Contracts off track or at risk</h2>'];
  if (pack.contracts.length === 0) parts.push(empty('No contract is off track or at risk this month.'));
  for (const contract of pack.contracts) {
    parts.push(
      `<h3>${escapeHtml(`${contract.number}: ${contract.title}`)}</h3>`,
      `<p>${escapeHtml(`Vendor: ${contract.vendorName}. Status for the month: ${STATUS_WORDS[contract.status]}.`)}</p>`,
      table(
        `Contract status, last ${contract.trend.length} months`,
        contract.trend.map((entry) => shortMonth(entry.month)),
        [contract.trend.map((entry) => cell(entry.status === null ? NONE : STATUS_WORDS[entry.status], entry.status))],
        'trend',
      ),
      table(
        `KPIs of ${contract.number}`,
        ['KPI', 'Period', 'Value', 'Target', 'Off track if', 'Status'],
        contract.kpis.map((kpi) => [
          cell(kpi.name),
          cell(kpi.period),
          cell(kpiValueText(kpi)),
          cell(targetText(kpi)),
          cell(offTrackIfText(kpi)),
          cell(STATUS_WORDS[kpi.status], kpi.status),
        ]),
      ),
    );
  }
  return parts.join('\n');
}

function noticesSection(pack: MeetingPack): string {
  const heading = '<h2>Notices for the period</h2>';
  if (pack.notices.length === 0) return [heading, empty('No notice was recorded for the period.')].join('\n');
  return [
    heading,
    table(
      'Notices',
      ['Contract', 'Period', 'Notice', 'To', 'Cc', 'Status'],
      pack.notices.map((notice) => [
        cell(notice.contractNumber),
        cell(notice.period),
        cell(NOTICE_WORDS[notice.kind]),
        cell(notice.to.join(', ')),
        cell(notice.cc.length ? notice.cc.join(', ') : NONE),
        cell(DELIVERY_WORDS[notice.status]),
      ]),
    ),
  ].join('\n');
}

function missingSection(pack: MeetingPack): string {
  const heading = '<h2>KPIs with missing data</h2>';
  if (pack.missingKpis.length === 0) return [heading, empty('Every KPI evaluated has data.')].join('\n');
  return [
    heading,
    table(
      'KPIs without a value',
      ['Contract', 'Vendor', 'KPI', 'Period'],
      pack.missingKpis.map((kpi) => [
        cell(kpi.contractNumber),
        cell(kpi.vendorName),
        cell(kpi.kpiName),
        cell(kpi.period),
      ]),
    ),
  ].join('\n');
}

function diversitySection(pack: MeetingPack, currency: string): string {
  const heading = '<h2>Payments to diverse vendors against diversity goals</h2>';
  if (pack.diversity.length === 0) return [heading, empty('No active contract has a diversity goal.')].join('\n');
  return [
    heading,
    table(
      `Payments to date, through ${periodWords(pack.month)}`,
      ['Contract', 'Vendor', 'Goal', 'Paid to date', 'Paid to diverse vendors', 'Diverse share', 'Goal met'],
      pack.diversity.map((row) => [
        cell(`${row.contractNumber}: ${row.title}`),
        cell(row.vendorName),
        cell(formatPercent(row.goalPercent)),
        cell(formatMoney(row.paidTotal, currency)),
        cell(formatMoney(row.paidDiverse, currency)),
        cell(formatPercent(row.diversePercent)),
        cell(goalMetText(row.goalMet)),
      ]),
    ),
  ].join('\n');
}
