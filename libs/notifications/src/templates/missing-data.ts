// The missing-data notice (the product design §3): to the vendor, the KPIs without a value for the period, how to
// submit them (the measurement endpoint or the CSV import, product design §4) and by when.
import { contractLink, requireContractInput } from './common.js';
import { csvRecord, formatCalendarDate, requireHttpUrl, requireNonEmpty } from './format.js';
import { resultText, statusCell } from './kpi-cells.js';
import { renderEmail } from './layout.js';
import { messagesFor } from './messages/index.js';
import type { MissingDataInput, RenderedEmail } from './types.js';

const CSV_COLUMNS = ['contractNumber', 'kpiName', 'period', 'value', 'note'];

export function renderMissingData(input: MissingDataInput): RenderedEmail {
  requireContractInput(input);
  const messages = messagesFor(input.language);
  const kpis = requireNonEmpty(input.kpis, 'kpis');
  const date = formatCalendarDate(input.submitBy, messages.locale);
  if (typeof input.period !== 'string' || !/^\d{4}(?:-(?:0[1-9]|1[0-2]|Q[1-4]))?$/.test(input.period)) {
    throw new RangeError(`period must be written 2026-03, 2026-Q1 or 2026, got ${JSON.stringify(input.period)}`);
  }
  const api = requireHttpUrl(input.apiBaseUrl, 'apiBaseUrl').replace(/\/+$/, '');
  const { columns } = messages;

  return renderEmail({
    locale: messages.locale,
    subject: messages.missingData.subject(input),
    greeting: messages.greetingVendor(input),
    blocks: [
      { kind: 'paragraph', text: messages.missingData.intro({ ...input, count: kpis.length }) },
      {
        kind: 'table',
        caption: messages.missingData.tableCaption(input),
        columns: [columns.indicator, columns.unit, columns.result, columns.status],
        rows: kpis.map((kpi) => [
          kpi.name,
          kpi.unit.trim() === '' ? messages.noUnit : kpi.unit,
          resultText(messages, null, kpi.unit),
          statusCell(messages, 'missing'),
        ]),
      },
      { kind: 'notice', text: messages.missingData.submitRequest({ date }) },
      { kind: 'heading', text: messages.missingData.howToSubmit },
      { kind: 'paragraph', text: messages.missingData.howIntro },
      {
        kind: 'list',
        ordered: true,
        items: [
          {
            text: messages.missingData.oneByOne,
            code: kpis.flatMap((kpi, index) => [
              ...(index > 0 ? [''] : []),
              `${kpi.name}:`,
              `PUT ${api}/kpis/${encodeURIComponent(kpi.kpiId)}/measurements/${input.period}`,
            ]),
          },
          {
            text: messages.missingData.csvImport,
            code: [
              `POST ${api}/measurements/import`,
              '',
              csvRecord(CSV_COLUMNS),
              ...kpis.map((kpi) => csvRecord([input.contractNumber, kpi.name, input.period, '', ''])),
            ],
          },
        ],
      },
      { kind: 'paragraph', text: messages.missingData.valueFormat(input) },
      { kind: 'paragraph', text: messages.missingData.alternative(input) },
      { kind: 'paragraph', text: messages.missingData.closingRemark },
      contractLink(messages, input),
    ],
    closing: messages.closing,
    signature: input.cityName,
    footer: messages.footer(input),
  });
}
