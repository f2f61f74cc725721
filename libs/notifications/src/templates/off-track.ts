// The off-track digest (the product design §3): to the vendor, cc the contract manager, every off-track and
// at-risk KPI of the contract for the period, and what the vendor is expected to do next and by when.
import { contractLink, requireContractInput } from './common.js';
import { formatCalendarDate, requireNonEmpty } from './format.js';
import { offTrackIfText, resultText, statusCell, targetText } from './kpi-cells.js';
import { type Block, renderEmail } from './layout.js';
import { messagesFor } from './messages/index.js';
import type { OffTrackInput, RenderedEmail } from './types.js';

export function renderOffTrack(input: OffTrackInput): RenderedEmail {
  requireContractInput(input);
  const messages = messagesFor(input.language);
  const kpis = requireNonEmpty(input.kpis, 'kpis');
  const date = formatCalendarDate(input.respondBy, messages.locale);
  // Off-track KPIs first; within each status the caller's order stands (Array.prototype.filter keeps it).
  const offTrack = kpis.filter((kpi) => kpi.status === 'off_track');
  const atRisk = kpis.filter((kpi) => kpi.status === 'at_risk');
  if (offTrack.length + atRisk.length !== kpis.length) {
    throw new RangeError('kpis of an off-track digest must each be off_track or at_risk');
  }
  const hasOffTrack = offTrack.length > 0;
  const { columns } = messages;

  const blocks: Block[] = [
    { kind: 'paragraph', text: messages.offTrack.intro(input) },
    {
      kind: 'paragraph',
      text: messages.offTrack.summary({ offTrackCount: offTrack.length, atRiskCount: atRisk.length }),
    },
    {
      kind: 'table',
      caption: messages.offTrack.tableCaption(input),
      columns: [columns.indicator, columns.result, columns.target, columns.offTrackIf, columns.status],
      rows: [...offTrack, ...atRisk].map((kpi) => [
        kpi.name,
        resultText(messages, kpi.value, kpi.unit),
        targetText(messages, kpi),
        offTrackIfText(messages, kpi),
        statusCell(messages, kpi.status),
      ]),
    },
    { kind: 'heading', text: messages.offTrack.nextSteps },
  ];
  if (hasOffTrack) {
    blocks.push(
      { kind: 'notice', text: messages.offTrack.planRequest({ managerEmail: input.managerEmail, date }) },
      { kind: 'paragraph', text: messages.offTrack.planContentsIntro },
      { kind: 'list', ordered: false, items: messages.offTrack.planContents.map((text) => ({ text })) },
    );
  }
  if (atRisk.length > 0) {
    const text = messages.offTrack.atRiskRequest({ hasOffTrack, managerEmail: input.managerEmail, date });
    blocks.push({ kind: hasOffTrack ? 'paragraph' : 'notice', text });
  }
  blocks.push({ kind: 'paragraph', text: messages.offTrack.closingRemark }, contractLink(messages, input));

  return renderEmail({
    locale: messages.locale,
    subject: messages.offTrack.subject({ ...input, hasOffTrack }),
    greeting: messages.greetingVendor(input),
    blocks,
    closing: messages.closing,
    signature: input.cityName,
    footer: messages.footer(input),
  });
}
