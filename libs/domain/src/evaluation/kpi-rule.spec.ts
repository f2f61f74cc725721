import { kpiRuleProblems } from './kpi-rule.js';

describe('kpiRuleProblems', () => {
  it.each([
    ['higher_is_better', 95, 90, 0],
    ['higher_is_better', 95, 95, 0],
    ['higher_is_better', 95, 96, 1],
    ['lower_is_better', 4, 8, 0],
    ['lower_is_better', 4, 4, 0],
    ['lower_is_better', 4, 3, 1],
    ['higher_is_better', -5, -10, 0],
  ] as const)('should accept or refuse %s target %d threshold %d', (direction, target, offTrackThreshold, problems) => {
    expect(kpiRuleProblems({ direction, target, offTrackThreshold })).toHaveLength(problems);
  });

  it('should name the field under the prefix', () => {
    expect(
      kpiRuleProblems({ direction: 'lower_is_better', target: 4, offTrackThreshold: 3 }, 'kpiTemplates.2.'),
    ).toEqual([
      {
        field: 'kpiTemplates.2.offTrackThreshold',
        message: 'kpiTemplates.2.offTrackThreshold must not be below target when lower is better',
      },
    ]);
  });
});
