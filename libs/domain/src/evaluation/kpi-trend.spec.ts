import type { KpiRule } from './evaluate-kpi.js';
import { kpiTrend, type TrendPoint } from './kpi-trend.js';

const uptime: KpiRule = { direction: 'higher_is_better', target: 95, offTrackThreshold: 90 };
const responseHours: KpiRule = { direction: 'lower_is_better', target: 4, offTrackThreshold: 8 };

/** Monthly points from January 2026 on, judged by `rule`. */
const monthly = (rule: KpiRule, values: (number | null)[], from = 1): TrendPoint[] =>
  values.map((value, index) => ({
    period: `2026-${String(from + index).padStart(2, '0')}`,
    value,
    status:
      value === null
        ? 'missing'
        : (rule.direction === 'higher_is_better' ? value >= rule.target : value <= rule.target)
          ? 'on_track'
          : (rule.direction === 'higher_is_better' ? value >= rule.offTrackThreshold : value <= rule.offTrackThreshold)
            ? 'at_risk'
            : 'off_track',
  }));

describe('kpiTrend', () => {
  it('should flag a worsening higher-is-better KPI with the value its line projects (worked by hand)', () => {
    // x = 0..3 (January to April), mean x 1.5; y = 98, 96, 93, 91, mean y 94.5.
    // Σ(x − x̄)(y − ȳ) = (−1.5)(3.5) + (−0.5)(1.5) + (0.5)(−1.5) + (1.5)(−3.5) = −12; Σ(x − x̄)² = 5; slope −2.4.
    // May is x = 4: 94.5 − 2.4 × (4 − 1.5) = 88.5, below the threshold of 90.
    expect(kpiTrend(uptime, monthly(uptime, [98, 96, 93, 91]), 4)).toEqual({
      direction: 'worsening',
      projectedValue: 88.5,
      projectedPeriod: '2026-05',
    });
  });

  it('should flag a worsening lower-is-better KPI (worked by hand)', () => {
    // y = 3, 4, 6, 7, mean 5; Σ(x − x̄)(y − ȳ) = 3 + 0.5 + 0.5 + 3 = 7; slope 1.4; May: 5 + 1.4 × 2.5 = 8.5 > 8.
    expect(kpiTrend(responseHours, monthly(responseHours, [3, 4, 6, 7]), 4)).toEqual({
      direction: 'worsening',
      projectedValue: 8.5,
      projectedPeriod: '2026-05',
    });
  });

  it('should not flag a worsening line that stays on the right side of the threshold', () => {
    // y = 99, 97, 95, 93: slope −2, May 96 − 2 × 2.5 = 91, still at least 90.
    expect(kpiTrend(uptime, monthly(uptime, [99, 97, 95, 93]), 4)).toBeNull();
    // Lower is better, y = 3, 4, 5, 6: slope 1, May 4.5 + 2.5 = 7, not above 8.
    expect(kpiTrend(responseHours, monthly(responseHours, [3, 4, 5, 6]), 4)).toBeNull();
  });

  it('should not flag a flat or improving KPI, in either direction', () => {
    expect(kpiTrend(uptime, monthly(uptime, [91, 91, 91, 91]), 4)).toBeNull();
    expect(kpiTrend(uptime, monthly(uptime, [91, 92, 93, 94]), 4)).toBeNull();
    expect(kpiTrend(responseHours, monthly(responseHours, [7, 7, 7, 7]), 4)).toBeNull();
    expect(kpiTrend(responseHours, monthly(responseHours, [7.9, 7, 6, 5]), 4)).toBeNull();
  });

  it('should not flag an improving line that a low start drags below the threshold', () => {
    // y = 0, 0, 0, 95: the line rises (slope 28.5) to 95 in May; never flagged however low its mean.
    expect(kpiTrend(uptime, monthly(uptime, [0, 0, 0, 95]), 4)).toBeNull();
  });

  it('should not flag a KPI with fewer values than TREND_PERIODS', () => {
    expect(kpiTrend(uptime, monthly(uptime, [98, 93, 91]), 4)).toBeNull();
    expect(kpiTrend(uptime, monthly(uptime, [98, 93, 91]), 3)).not.toBeNull();
    // A missing period has no value: four evaluated periods, three values.
    expect(kpiTrend(uptime, monthly(uptime, [98, null, 93, 91]), 4)).toBeNull();
  });

  it('should use only the last TREND_PERIODS values', () => {
    // The early 50 would make the line rise; the last four fall to an 88.5 projection.
    expect(kpiTrend(uptime, monthly(uptime, [50, 98, 96, 93, 91]), 4)?.projectedValue).toBe(88.5);
  });

  it('should keep a missing period’s distance on the line', () => {
    // x = 0, 1, 3, 4 (March missing), y = 98, 96, 92, 91: x̄ 2, ȳ 94.25; Σ(x − x̄)(y − ȳ) = −7.5 − 1.75 − 2.25 − 6.5
    // = −18; Σ(x − x̄)² = 4 + 1 + 1 + 4 = 10; slope −1.8; June is x = 5: 94.25 − 1.8 × 3 = 88.85.
    expect(kpiTrend(uptime, monthly(uptime, [98, 96, null, 92, 91]), 4)).toEqual({
      direction: 'worsening',
      projectedValue: 88.85,
      projectedPeriod: '2026-06',
    });
  });

  it('should flag only KPIs on track or at risk in their latest period', () => {
    expect(kpiTrend(uptime, monthly(uptime, [98, 96, 93, 85]), 4)).toBeNull(); // already off track
    expect(kpiTrend(uptime, monthly(uptime, [98, 96, 93, 91, null]), 4)).toBeNull(); // latest missing
    expect(kpiTrend(uptime, [], 4)).toBeNull();
  });

  it('should project quarters and years to the next of their kind', () => {
    const quarters: TrendPoint[] = [98, 96, 93, 91].map((value, index) => ({
      period: index === 3 ? '2026-Q1' : `2025-Q${index + 2}`,
      value,
      status: value >= 95 ? 'on_track' : 'at_risk',
    }));
    expect(kpiTrend(uptime, quarters, 4)?.projectedPeriod).toBe('2026-Q2');
    const years: TrendPoint[] = [98, 96, 93, 91].map((value, index) => ({
      period: String(2023 + index),
      value,
      status: value >= 95 ? 'on_track' : 'at_risk',
    }));
    expect(kpiTrend(uptime, years, 4)?.projectedPeriod).toBe('2027');
  });

  it('should refuse fewer than three periods', () => {
    expect(() => kpiTrend(uptime, monthly(uptime, [98, 91]), 2)).toThrow(RangeError);
  });

  it('should draw the line through the periods of the KPI’s latest frequency only', () => {
    const history: TrendPoint[] = [
      { period: '2025-Q4', value: 20, status: 'off_track' },
      ...monthly(uptime, [96, 93, 91]),
    ];
    expect(kpiTrend(uptime, history, 4)).toBeNull(); // three monthly values
    expect(kpiTrend(uptime, history, 3)?.projectedPeriod).toBe('2026-04');
  });
});
