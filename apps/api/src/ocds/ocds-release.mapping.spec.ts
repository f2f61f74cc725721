import type { Bid, Contract, Department, Payment, Solicitation, Vendor } from '#database';
import { buildRelease, PROCUREMENT_METHOD, type ProcessData } from './ocds-release.mapping.js';

const settings = { currency: 'USD', timeZone: 'America/New_York' };
const department = { id: 'd1', name: 'Parks', code: 'PRK' } as Department;
const vendor = (id: string, legalName: string) => ({ id, legalName, taxId: `T-${id}` }) as Vendor;

const process = (overrides: Partial<ProcessData> = {}): ProcessData => ({
  ocid: 'ocds-cpt000-RFQ-1',
  changedAt: new Date('2026-04-01T12:00:00Z'),
  solicitation: {
    id: 's1',
    title: 'Mowing',
    description: null,
    status: 'published',
    method: 'rfq',
    category: 'services',
    estimatedValue: null,
    publishedAt: new Date('2026-03-01T12:00:00Z'),
    closedAt: null,
    dueAt: null,
  } as Solicitation,
  department,
  bids: [],
  contracts: [],
  payments: [],
  kpis: [],
  evaluations: [],
  vendors: new Map([
    ['v1', vendor('v1', 'Green Co')],
    ['v2', vendor('v2', 'Sub Co')],
  ]),
  certifications: new Map(),
  ...overrides,
});

describe('buildRelease', () => {
  it('should map every method to an OCDS method, competitive ones never to direct', () => {
    expect(PROCUREMENT_METHOD).toEqual({
      rfp: 'open',
      ifb: 'open',
      rfq: 'limited',
      sole_source: 'direct',
      emergency: 'direct',
      cooperative: 'selective',
    });
  });

  it('should give the same id to the same content, whatever the change time', () => {
    const a = buildRelease(process(), settings);
    const b = buildRelease(process({ changedAt: new Date('2026-05-01T00:00:00Z') }), settings);
    expect(a.id).toBe(b.id);
    expect(a.date).not.toBe(b.date);
  });

  it('should publish an open tender with no bids yet, omitting what is unknown', () => {
    const release = buildRelease(process(), settings);
    expect(release.tag).toEqual(['tender']);
    expect(release.tender).toEqual({
      id: 's1',
      title: 'Mowing',
      status: 'active',
      procurementMethod: 'limited',
      procurementMethodDetails: 'rfq',
      mainProcurementCategory: 'services',
      tenderPeriod: { startDate: '2026-03-01T12:00:00.000Z' },
      numberOfTenderers: 0,
    });
    expect(release.awards).toBeUndefined();
  });

  it('should gather each party once with all its roles', () => {
    const contract = {
      id: 'c1',
      bidId: 'b1',
      vendorId: 'v1',
      title: 'Mowing',
      value: 10,
      status: 'completed',
      startDate: '2026-01-01',
      endDate: '2026-01-31',
      createdAt: new Date('2026-01-01T00:00:00Z'),
    } as Contract;
    const release = buildRelease(
      process({
        bids: [{ id: 'b1', vendorId: 'v1', amount: 10, submittedAt: new Date('2026-03-02T00:00:00Z') } as Bid],
        contracts: [contract],
        payments: [{ id: 'p1', contractId: 'c1', payeeVendorId: 'v2', amount: 3, paidOn: '2026-01-15' } as Payment],
      }),
      settings,
    );
    expect((release.parties as { id: string; roles: string[] }[]).map(({ id, roles }) => [id, roles])).toEqual([
      ['d1', ['buyer', 'payer']],
      ['v1', ['tenderer', 'supplier']],
      ['v2', ['payee']],
    ]);
    expect(release.contracts).toEqual([expect.objectContaining({ status: 'terminated', awardID: 'b1' })]);
    expect(release.tag).toEqual(['tender', 'award', 'contract', 'implementation']);
  });
});
