import { decideNotices, newNoticeStatus, type ContractPeriodOutcome } from './contract-notices.js';

const DAY_MS = 86_400_000;
const due = new Date('2026-04-11T04:00:00Z');

describe('newNoticeStatus', () => {
  it.each([
    [0, 'pending'],
    [45 * DAY_MS, 'pending'],
    [45 * DAY_MS + 1, 'suppressed'],
    [-DAY_MS, 'pending'],
  ])('should make a period first evaluated %p ms after it fell due %p (45 days allowed)', (after, expected) => {
    expect(newNoticeStatus(due, new Date(due.getTime() + after), 45)).toBe(expected);
  });
});

describe('decideNotices', () => {
  const outcome = (overrides: Partial<ContractPeriodOutcome>): ContractPeriodOutcome => ({
    contractId: 'c1',
    period: '2026-03',
    kpis: [],
    escalateAfterPeriods: 2,
    firstEvaluatedAt: due,
    dueAt: due,
    vendorEmail: 'vendor@vendors.example',
    vendorLanguage: 'es',
    managerEmail: 'manager@city.example',
    headEmail: 'head@city.example',
    ...overrides,
  });
  const settings = { notifyWithinDays: 45, escalationLanguage: 'pt' } as const;

  it('should address each kind of notice', () => {
    const notices = decideNotices(
      [
        outcome({
          kpis: [
            { status: 'off_track', offTrackRun: 2 },
            { status: 'missing', offTrackRun: 0 },
          ],
        }),
      ],
      settings,
    );
    expect(notices).toEqual([
      {
        contractId: 'c1',
        period: '2026-03',
        kind: 'off_track',
        status: 'pending',
        to: ['vendor@vendors.example'],
        cc: ['manager@city.example'],
        language: 'es',
      },
      {
        contractId: 'c1',
        period: '2026-03',
        kind: 'missing_data',
        status: 'pending',
        to: ['vendor@vendors.example'],
        cc: [],
        language: 'es',
      },
      {
        contractId: 'c1',
        period: '2026-03',
        kind: 'escalation',
        status: 'pending',
        to: ['head@city.example'],
        cc: ['manager@city.example'],
        language: 'pt',
      },
    ]);
  });

  it('should call for nothing when every KPI is on track or at risk', () => {
    const kpis = [
      { status: 'on_track', offTrackRun: 0 },
      { status: 'at_risk', offTrackRun: 0 },
    ] as const;
    expect(decideNotices([outcome({ kpis: [...kpis] })], settings)).toEqual([]);
  });

  it('should record the notices of a period that fell due long before it was evaluated as suppressed', () => {
    const late = new Date(due.getTime() + 46 * DAY_MS);
    const notices = decideNotices(
      [outcome({ firstEvaluatedAt: late, kpis: [{ status: 'off_track', offTrackRun: 1 }] })],
      settings,
    );
    expect(notices.map((notice) => [notice.kind, notice.status])).toEqual([['off_track', 'suppressed']]);
  });
});
