// The meeting-pack email (to the department head): the month's pack is attached as a PDF; the email gives its
// headline figures and a link to the pack online.
import { formatNumber, requireHttpUrl } from './format.js';
import { renderEmail, type Block } from './layout.js';
import { messagesFor } from './messages/index.js';
import type { MeetingPackInput, RenderedEmail } from './types.js';

function requireCount(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be an integer >= 0, got ${value}`);
  return value;
}

function requireText(value: string, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new RangeError(`${name} must be a non-empty string`);
  return value;
}

export function renderMeetingPack(input: MeetingPackInput): RenderedEmail {
  const messages = messagesFor(input.language);
  for (const field of ['departmentName', 'periodLabel', 'attachmentName', 'cityName'] as const) {
    requireText(input[field], field);
  }
  requireHttpUrl(input.packUrl, 'packUrl');
  const { figures } = input;
  const words = messages.meetingPack;
  const count = (value: number, name: string) => formatNumber(requireCount(value, name), messages.locale);
  const percent =
    figures.onTrackPercent === null ? messages.noUnit : `${formatNumber(figures.onTrackPercent, messages.locale)}%`;

  const blocks: Block[] = [
    { kind: 'paragraph', text: words.intro(input) },
    { kind: 'paragraph', text: words.contents },
    {
      kind: 'table',
      caption: words.tableCaption(input),
      columns: [words.columns.figure, words.columns.value],
      rows: [
        [words.figures.activeContracts, count(figures.activeContracts, 'activeContracts')],
        [words.figures.kpisEvaluated, count(figures.kpisEvaluated, 'kpisEvaluated')],
        [messages.status.on_track, count(figures.onTrack, 'onTrack')],
        [messages.status.at_risk, count(figures.atRisk, 'atRisk')],
        [messages.status.missing, count(figures.missing, 'missing')],
        [messages.status.off_track, count(figures.offTrack, 'offTrack')],
        [words.figures.onTrackPercent, percent],
        [
          words.figures.contractsNeedingAttention,
          count(figures.contractsNeedingAttention, 'contractsNeedingAttention'),
        ],
        [words.figures.worseningKpis, count(figures.worseningKpis, 'worseningKpis')],
      ],
    },
    { kind: 'paragraph', text: words.asOfSending },
    { kind: 'link', label: words.link, url: input.packUrl },
  ];

  return renderEmail({
    locale: messages.locale,
    subject: words.subject(input),
    greeting: words.greeting,
    blocks,
    closing: messages.closing,
    signature: input.cityName,
    footer: words.footer(input),
  });
}
