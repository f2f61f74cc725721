// The performance-evaluation email (the product design §9): to the vendor, cc the contract manager, an evaluation
// issued for its comment: the rating in words, the figures it rests on, the officer's narrative, the comment
// deadline and the link to the contract's page in the portal.
import { contractLink, requireContractInput } from './common.js';
import { formatCalendarDate, formatNumber } from './format.js';
import { renderEmail, type Block } from './layout.js';
import { messagesFor } from './messages/index.js';
import type { PerformanceEvaluationInput, RenderedEmail } from './types.js';

export function renderPerformanceEvaluation(input: PerformanceEvaluationInput): RenderedEmail {
  const messages = messagesFor(input.language);
  const words = messages.performanceEvaluation;
  const contract = { ...input, periodLabel: words.range(input) };
  requireContractInput(contract);
  const rating = words.ratings[input.rating];
  if (rating === undefined) throw new RangeError(`Not a performance rating: ${JSON.stringify(input.rating)}`);
  const date = formatCalendarDate(input.commentDueOn, messages.locale);
  const { figures } = input;
  const count = (value: number) => {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`Counts must be integers >= 0, got ${value}`);
    return formatNumber(value, messages.locale);
  };
  const percent =
    figures.onTrackPercent === null ? messages.noUnit : `${formatNumber(figures.onTrackPercent, messages.locale)}%`;

  const blocks: Block[] = [
    { kind: 'paragraph', text: words.intro(contract) },
    { kind: 'notice', text: words.ratingIs({ rating }) },
    {
      kind: 'table',
      caption: words.tableCaption(contract),
      columns: [words.columns.figure, words.columns.value],
      rows: [
        [words.figures.rating, rating],
        [words.figures.evaluated, count(figures.evaluated)],
        [words.figures.onTrack, count(figures.onTrack)],
        [words.figures.onTrackPercent, percent],
      ],
    },
  ];
  if (input.narrative !== null && input.narrative.trim() !== '') {
    blocks.push({ kind: 'heading', text: words.narrativeHeading }, { kind: 'paragraph', text: input.narrative });
  }
  blocks.push(
    { kind: 'paragraph', text: words.commentRequest({ date }) },
    { kind: 'paragraph', text: words.afterDeadline },
    contractLink(messages, contract),
  );

  return renderEmail({
    locale: messages.locale,
    subject: words.subject(contract),
    greeting: messages.greetingVendor(input),
    blocks,
    closing: messages.closing,
    signature: input.cityName,
    footer: messages.footer(input),
  });
}
