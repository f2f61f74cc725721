// The meeting pack as one self-contained HTML page: no scripts, no external assets, styles in the page. Every
// value enters the markup through `escapeHtml()`, which escapes it.
import escapeHtml from 'escape-html';
import type { KpiStatus, Language } from '#domain';
import type { MeetingPack } from './meeting-pack.js';
import { NONE, packText, type PackText } from './pack-text.js';

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

/** The whole pack as an HTML page in `language`; amounts in `currency` (ISO 4217). */
export function renderMeetingPackHtml(pack: MeetingPack, options: { currency: string; language: Language }): string {
  const t = packText(options.language);
  const title = t.title(pack);
  return [
    '<!DOCTYPE html>',
    `<html lang="${t.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(t.coverage(pack))}</p>`,
    ...notFinal(t, pack),
    headlineSection(t, pack, options.currency),
    contractsSection(t, pack),
    worseningSection(t, pack),
    noticesSection(t, pack),
    missingSection(t, pack),
    diversitySection(t, pack, options.currency),
    engagementsSection(t, pack),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function notFinal(t: PackText, pack: MeetingPack): string[] {
  const text = t.notFinal(pack);
  return text === null ? [] : [`<p class="not-final" role="status">${escapeHtml(text)}</p>`];
}

function headlineSection(t: PackText, pack: MeetingPack, currency: string): string {
  const rows = t
    .headlineRows(pack, currency)
    .map(([label, value]) => [`<th scope="row">${escapeHtml(label)}</th>`, cell(value)]);
  const { words } = t;
  return [
    `<h2>${escapeHtml(words.headline)}</h2>`,
    table(t.periodWords(pack.month), [words.columns.figure, words.columns.value], rows),
  ].join('\n');
}

function contractsSection(t: PackText, pack: MeetingPack): string {
  const { contracts: words, columns } = t.words;
  const parts = [`<h2>${escapeHtml(words.heading)}</h2>`];
  if (pack.contracts.length === 0) parts.push(empty(words.none));
  for (const contract of pack.contracts) {
    parts.push(
      `<h3>${escapeHtml(`${contract.number}: ${contract.title}`)}</h3>`,
      `<p>${escapeHtml(words.vendorAndStatus({ vendorName: contract.vendorName, status: t.status[contract.status] }))}</p>`,
      table(
        columns.trend({ count: contract.trend.length }),
        contract.trend.map((entry) => t.shortMonth(entry.month)),
        [contract.trend.map((entry) => cell(entry.status === null ? NONE : t.status[entry.status], entry.status))],
        'trend',
      ),
      table(
        words.kpisOf({ contractNumber: contract.number }),
        [columns.kpi, columns.period, columns.value, columns.target, columns.offTrackIf, columns.status],
        contract.kpis.map((kpi) => [
          cell(kpi.name),
          cell(kpi.period),
          cell(t.kpiValue(kpi)),
          cell(t.target(kpi)),
          cell(t.offTrackIf(kpi)),
          cell(t.status[kpi.status], kpi.status),
        ]),
      ),
    );
  }
  return parts.join('\n');
}

function worseningSection(t: PackText, pack: MeetingPack): string {
  const { worsening: words, columns } = t.words;
  const heading = `<h2>${escapeHtml(words.heading)}</h2>`;
  if (pack.worsening.length === 0) return [heading, empty(words.none)].join('\n');
  return [
    heading,
    `<p>${escapeHtml(words.intro({ count: pack.trendPeriods }))}</p>`,
    table(
      words.caption,
      [
        columns.contract,
        columns.vendor,
        columns.kpi,
        columns.period,
        words.latest,
        columns.status,
        columns.offTrackIf,
        words.projected,
        words.projectedPeriod,
      ],
      pack.worsening.map((kpi) => [
        cell(kpi.contractNumber),
        cell(kpi.vendorName),
        cell(kpi.name),
        cell(kpi.period),
        cell(t.kpiValue(kpi)),
        cell(t.status[kpi.status], kpi.status),
        cell(t.offTrackIf(kpi)),
        cell(t.projectedValue(kpi), 'off_track'),
        cell(kpi.trend.projectedPeriod),
      ]),
    ),
  ].join('\n');
}

function noticesSection(t: PackText, pack: MeetingPack): string {
  const { notices: words, columns } = t.words;
  const heading = `<h2>${escapeHtml(words.heading)}</h2>`;
  if (pack.notices.length === 0) return [heading, empty(words.none)].join('\n');
  return [
    heading,
    table(
      words.caption,
      [columns.contract, columns.period, columns.notice, columns.to, columns.cc, columns.status],
      pack.notices.map((notice) => [
        cell(notice.contractNumber),
        cell(notice.period),
        cell(words.kinds[notice.kind]),
        cell(notice.to.join(', ')),
        cell(notice.cc.length ? notice.cc.join(', ') : NONE),
        cell(words.delivery[notice.status]),
      ]),
    ),
  ].join('\n');
}

function missingSection(t: PackText, pack: MeetingPack): string {
  const { missing: words, columns } = t.words;
  const heading = `<h2>${escapeHtml(words.heading)}</h2>`;
  if (pack.missingKpis.length === 0) return [heading, empty(words.none)].join('\n');
  return [
    heading,
    table(
      words.caption,
      [columns.contract, columns.vendor, columns.kpi, columns.period],
      pack.missingKpis.map((kpi) => [
        cell(kpi.contractNumber),
        cell(kpi.vendorName),
        cell(kpi.kpiName),
        cell(kpi.period),
      ]),
    ),
  ].join('\n');
}

function diversitySection(t: PackText, pack: MeetingPack, currency: string): string {
  const { diversity: words, columns } = t.words;
  const heading = `<h2>${escapeHtml(words.heading)}</h2>`;
  if (pack.diversity.length === 0) return [heading, empty(words.none)].join('\n');
  return [
    heading,
    table(
      words.caption({ monthLabel: t.periodWords(pack.month) }),
      [
        columns.contract,
        columns.vendor,
        columns.goal,
        columns.paidToDate,
        columns.paidDiverse,
        columns.diverseShare,
        columns.goalMet,
      ],
      pack.diversity.map((row) => [
        cell(`${row.contractNumber}: ${row.title}`),
        cell(row.vendorName),
        cell(t.percent(row.goalPercent)),
        cell(t.money(row.paidTotal, currency)),
        cell(t.money(row.paidDiverse, currency)),
        cell(t.percent(row.diversePercent)),
        cell(t.goalMet(row.goalMet)),
      ]),
    ),
  ].join('\n');
}

function engagementsSection(t: PackText, pack: MeetingPack): string {
  const { engagements: words } = t.words;
  const heading = `<h2>${escapeHtml(words.heading)}</h2>`;
  if (pack.engagements.length === 0) return [heading, empty(words.none)].join('\n');
  return [
    heading,
    table(
      words.caption({ monthLabel: t.periodWords(pack.month) }),
      [
        t.words.columns.contract,
        words.columns.date,
        words.columns.kind,
        words.columns.attendees,
        words.columns.actions,
      ],
      t.engagementRows(pack).map((row) => row.map((value) => cell(value))),
    ),
  ].join('\n');
}
