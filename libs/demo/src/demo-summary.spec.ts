import type { EvaluationCounts } from '#domain';
import { countOf } from './count-of.js';
import { describeDemoCity, describeRun, type RunNotices } from './demo-summary.js';
import { generateDemoCity } from './generate-demo-city.js';

describe('countOf', () => {
  it.each([
    [0, 'KPI period', '0 KPI periods'],
    [1, 'KPI period', '1 KPI period'],
    [2, 'KPI period', '2 KPI periods'],
    [1, 'meeting pack', '1 meeting pack'],
    [2348, 'measurement', '2,348 measurements'],
  ])('should say %i %s as "%s"', (count, noun, expected) => {
    expect(countOf(count, noun)).toBe(expected);
  });
});

describe('describeDemoCity', () => {
  it('should count every kind of row, singular where there is one', () => {
    const city = generateDemoCity({
      seed: 1,
      today: '2026-11-22',
      sizes: { departments: 1, vendors: 2, solicitations: 1, contracts: 1, months: 3 },
    });
    const text = describeDemoCity(city);
    expect(text).toMatch(/^1 department, 2 vendors, \d+ certifications?, 1 solicitation, \d+ bids?, 1 contract, /);
    expect(text).toContain(`${city.kpis.length} KPI${city.kpis.length === 1 ? '' : 's'}`);
    expect(text).toMatch(/, \d+ measurements?, \d+ payments?$/);
  });
});

describe('describeRun', () => {
  const counts: EvaluationCounts = {
    contracts: 1,
    kpis: 1,
    on_track: 0,
    at_risk: 0,
    off_track: 1,
    missing: 0,
    notifications: 1,
  };
  const notices: RunNotices = {
    byKind: { off_track: 1, missing_data: 0, escalation: 0, meeting_pack: 1 },
    byStatus: { sent: 1, suppressed: 1, failed: 0, pending: 0 },
  };

  it('should count meeting packs among the notices, in the singular for one', () => {
    expect(describeRun(counts, notices)).toEqual({
      evaluation: '1 KPI period over 1 contract: 0 on track, 0 at risk, 0 missing, 1 off track',
      notices:
        '2 notices: 1 off-track notice, 0 missing-data notices, 0 escalations, 1 meeting pack; 1 emailed, 1 suppressed',
    });
  });

  it('should say when there was nothing to evaluate and nothing to send', () => {
    const none = {
      byKind: { ...notices.byKind, off_track: 0, meeting_pack: 0 },
      byStatus: { ...notices.byStatus, sent: 0, suppressed: 0 },
    };
    expect(describeRun({ ...counts, kpis: 0, off_track: 0, notifications: 0 }, none)).toEqual({
      evaluation: 'nothing new to evaluate: an earlier run judged every due period',
      notices: 'none',
    });
  });
});
