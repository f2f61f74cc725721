// Table cells shared by the templates: results with units, targets and off-track thresholds in words.
import { formatNumber } from './format.js';
import type { Cell } from './layout.js';
import type { MessageCatalogue } from './messages/index.js';
import type { EmailKpiDirection, EmailKpiStatus } from './types.js';

/** A result with its unit in the catalogue's language, or the words for "no data". */
export function resultText(messages: MessageCatalogue, value: number | null, unit: string): string {
  return value === null ? messages.noData : messages.quantity({ value: formatNumber(value, messages.locale), unit });
}

function requireDirection(direction: EmailKpiDirection): EmailKpiDirection {
  if (direction !== 'higher_is_better' && direction !== 'lower_is_better') {
    throw new RangeError(`Not a KPI direction: ${JSON.stringify(direction)}`);
  }
  return direction;
}

/** The target in words: "95% or more" when higher is better, "48 hours or less" when lower is. */
export function targetText(
  messages: MessageCatalogue,
  kpi: { direction: EmailKpiDirection; target: number; unit: string },
) {
  return messages.target({
    direction: requireDirection(kpi.direction),
    quantity: resultText(messages, kpi.target, kpi.unit),
  });
}

/** When a result is off track: "below 90%" when higher is better, "above 60 hours" when lower is. */
export function offTrackIfText(
  messages: MessageCatalogue,
  kpi: { direction: EmailKpiDirection; offTrackThreshold: number; unit: string },
) {
  return messages.offTrackIf({
    direction: requireDirection(kpi.direction),
    quantity: resultText(messages, kpi.offTrackThreshold, kpi.unit),
  });
}

const STATUS_TONES: Record<EmailKpiStatus, 'danger' | 'warning' | 'neutral'> = {
  off_track: 'danger',
  missing: 'danger',
  at_risk: 'warning',
  on_track: 'neutral',
};

/** The status in words, highlighted by its tone. */
export function statusCell(messages: MessageCatalogue, status: EmailKpiStatus): Cell {
  return { text: messages.status[status], tone: STATUS_TONES[status] };
}
