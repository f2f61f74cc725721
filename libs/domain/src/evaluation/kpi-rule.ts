import type { ErrorDetail } from '../errors/domain-error.js';
import type { KpiDirection } from './kpi-definition.js';

/**
 * The direction/threshold rule (product design §2): the off-track threshold lies on the bad side of the target,
 * `offTrackThreshold <= target` when higher is better and `>=` when lower is better. Returns what is wrong,
 * naming the fields under `prefix` (e.g. `kpiTemplates.0.`).
 */
export function kpiRuleProblems(
  rule: { direction: KpiDirection; target: number; offTrackThreshold: number },
  prefix = '',
): ErrorDetail[] {
  const field = `${prefix}offTrackThreshold`;
  if (rule.direction === 'higher_is_better' && rule.offTrackThreshold > rule.target) {
    return [{ field, message: `${field} must not be above target when higher is better` }];
  }
  if (rule.direction === 'lower_is_better' && rule.offTrackThreshold < rule.target) {
    return [{ field, message: `${field} must not be below target when lower is better` }];
  }
  return [];
}
