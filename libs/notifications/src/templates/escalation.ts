// The escalation notice (the product design §3): to the department head, cc the contract manager, the KPIs that
// have been off track for `escalateAfterPeriods` consecutive periods or more, their recent results and recommended
// steps. Subject and text state the KPIs' actual runs; the escalation point is named as the contract's.
import { contractLink, requireContractInput } from './common.js';
import { formatNumber, requireNonEmpty } from './format.js';
import { offTrackIfText, resultText, statusCell, targetText } from './kpi-cells.js';
import { type Block, renderEmail } from './layout.js';
import { messagesFor } from './messages/index.js';
import type { EscalationInput, RenderedEmail } from './types.js';

function requirePositiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be an integer >= 1, got ${value}`);
  return value;
}

export function renderEscalation(input: EscalationInput): RenderedEmail {
  requireContractInput(input);
  const messages = messagesFor(input.language);
  const kpis = requireNonEmpty(input.kpis, 'kpis');
  const periods = requirePositiveInteger(input.escalateAfterPeriods, 'escalateAfterPeriods');
  const runs = kpis.map((kpi) => requirePositiveInteger(kpi.consecutivePeriods, 'consecutivePeriods'));
  const run = { shortest: Math.min(...runs), longest: Math.max(...runs) };
  const { columns } = messages;

  const blocks: Block[] = [
    { kind: 'paragraph', text: messages.escalation.intro({ ...input, count: kpis.length, run, periods }) },
    { kind: 'paragraph', text: messages.escalation.copied(input) },
    {
      kind: 'table',
      caption: messages.escalation.tableCaption(input),
      columns: [
        columns.indicator,
        columns.latestResult,
        columns.target,
        columns.offTrackIf,
        columns.status,
        columns.consecutivePeriods,
      ],
      rows: kpis.map((kpi, index) => [
        kpi.name,
        resultText(messages, kpi.history.at(-1)?.value ?? null, kpi.unit),
        targetText(messages, kpi),
        offTrackIfText(messages, kpi),
        statusCell(messages, 'off_track'),
        formatNumber(runs[index], messages.locale),
      ]),
    },
  ];
  const withHistory = kpis.filter((kpi) => kpi.history.length > 0);
  if (withHistory.length > 0) {
    blocks.push(
      { kind: 'heading', text: messages.escalation.recentResults },
      ...withHistory.map((kpi): Block => ({
        kind: 'table',
        caption: kpi.name,
        columns: [columns.period, columns.result],
        rows: kpi.history.map((entry) => [entry.periodLabel, resultText(messages, entry.value, kpi.unit)]),
      })),
    );
  }
  blocks.push(
    { kind: 'heading', text: messages.escalation.nextSteps },
    { kind: 'list', ordered: true, items: messages.escalation.recommendations.map((text) => ({ text })) },
    contractLink(messages, input),
  );

  return renderEmail({
    locale: messages.locale,
    subject: messages.escalation.subject({ ...input, run }),
    greeting: messages.escalation.greeting,
    blocks,
    closing: messages.closing,
    signature: input.cityName,
    footer: messages.footer(input),
  });
}
