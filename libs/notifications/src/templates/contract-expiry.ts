// The expiry notice (the product design §9): to the contract manager, 120 and 60 days before the contract's end
// date, with its recent results and the decision to take (renew, re-procure, let it end).
import { formatCalendarDate, formatNumber, requireHttpUrl } from './format.js';
import { resultText, statusCell, targetText } from './kpi-cells.js';
import { type Block, renderEmail } from './layout.js';
import { messagesFor } from './messages/index.js';
import type { ContractExpiryInput, RenderedEmail } from './types.js';

const TEXT_FIELDS = ['contractNumber', 'contractTitle', 'vendorName', 'departmentName', 'cityName'] as const;

export function renderContractExpiry(input: ContractExpiryInput): RenderedEmail {
  for (const field of TEXT_FIELDS) {
    if (typeof input[field] !== 'string' || input[field].trim() === '') {
      throw new RangeError(`${field} must be a non-empty string`);
    }
  }
  requireHttpUrl(input.contractUrl, 'contractUrl');
  if (!Number.isInteger(input.daysLeft) || input.daysLeft < 0) {
    throw new RangeError(`daysLeft must be an integer >= 0, got ${input.daysLeft}`);
  }
  const messages = messagesFor(input.language);
  const words = messages.contractExpiry;
  const endDate = formatCalendarDate(input.endDate, messages.locale);
  const { results, kpis } = input;
  const { columns } = messages;

  const blocks: Block[] = [
    { kind: 'paragraph', text: words.intro({ ...input, endDate }) },
    {
      kind: 'paragraph',
      text:
        results.evaluated === 0
          ? words.noResults
          : words.results({
              ...results,
              percent:
                results.onTrackPercent === null
                  ? messages.noUnit
                  : `${formatNumber(results.onTrackPercent, messages.locale)}%`,
            }),
    },
  ];
  if (kpis.length > 0) {
    blocks.push({
      kind: 'table',
      caption: words.tableCaption,
      columns: [columns.indicator, columns.period, columns.result, columns.target, columns.status],
      rows: kpis.map((kpi) => [
        kpi.name,
        kpi.periodLabel,
        resultText(messages, kpi.value, kpi.unit),
        targetText(messages, kpi),
        statusCell(messages, kpi.status),
      ]),
    });
  }
  blocks.push(
    { kind: 'heading', text: words.decisionHeading },
    { kind: 'paragraph', text: words.decisionIntro({ endDate }) },
    { kind: 'list', ordered: false, items: words.decisions.map((text) => ({ text })) },
    { kind: 'paragraph', text: words.renewalNote },
    { kind: 'link', label: words.link(input), url: input.contractUrl },
  );

  return renderEmail({
    locale: messages.locale,
    subject: words.subject({ ...input, endDate }),
    greeting: words.greeting,
    blocks,
    closing: messages.closing,
    signature: input.cityName,
    footer: words.footer(input),
  });
}
