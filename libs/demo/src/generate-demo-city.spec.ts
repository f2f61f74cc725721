import { STARTER_LIBRARY_KPIS } from '#database';
import { addCalendarDays, contractPeriods, kpiRuleProblems, parsePeriodFor } from '#domain';
import {
  ANNUAL_KPI,
  DEPARTMENTS,
  KPI_LIBRARY,
  SERVICE_LINES,
  serviceLineOfTitle,
  serviceLineOfVendorName,
} from './city-catalogue.js';
import { demoNotifyWithinDays, generateDemoCity, type DemoCity } from './generate-demo-city.js';

const TODAY = '2026-11-22';
const SMALL = { departments: 5, vendors: 40, solicitations: 30, contracts: 36, months: 12 };
const city: DemoCity = generateDemoCity({ seed: 7, today: TODAY, sizes: SMALL });
const startOfToday = new Date(`${TODAY}T00:00:00Z`);

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
const unique = (values: string[]) => new Set(values).size === values.length;

describe('generateDemoCity', () => {
  it('should give the same city for the same seed and day, and another for another seed', () => {
    expect(generateDemoCity({ seed: 7, today: TODAY, sizes: SMALL })).toEqual(city);
    const other = generateDemoCity({ seed: 8, today: TODAY, sizes: SMALL });
    expect(other.vendors.map((vendor) => vendor.legalName)).not.toEqual(city.vendors.map((vendor) => vendor.legalName));
    expect(other.contracts[0].id).not.toBe(city.contracts[0].id);
  });

  it('should make the sizes asked for, with unique natural keys', () => {
    expect(city.departments).toHaveLength(SMALL.departments);
    expect(city.vendors).toHaveLength(SMALL.vendors);
    expect(city.solicitations).toHaveLength(SMALL.solicitations);
    expect(city.contracts).toHaveLength(SMALL.contracts);
    expect(unique(city.departments.map((department) => department.code))).toBe(true);
    expect(unique(city.vendors.map((vendor) => vendor.taxId))).toBe(true);
    expect(unique(city.solicitations.map((solicitation) => solicitation.referenceNumber))).toBe(true);
    expect(unique(city.contracts.map((contract) => contract.number))).toBe(true);
    expect(unique(city.kpis.map((kpi) => `${kpi.contractId} ${kpi.name}`))).toBe(true);
    expect(unique(city.measurements.map((measurement) => `${measurement.kpiId} ${measurement.period}`))).toBe(true);
    expect(
      unique(city.payments.map((payment) => `${payment.contractId} ${payment.payeeVendorId} ${payment.invoiceNumber}`)),
    ).toBe(true);
    const ids = Object.values(city).flatMap((rows: { id: string }[]) => rows.map((row) => row.id));
    expect(unique(ids)).toBe(true);
  });

  it('should mix languages, local and outside vendors, and certifications current and lapsed', () => {
    expect(new Set(city.vendors.map((vendor) => vendor.preferredLanguage))).toEqual(new Set(['en', 'es', 'pt']));
    expect(new Set(city.vendors.map((vendor) => vendor.isLocal))).toEqual(new Set([true, false]));
    for (const certification of city.certifications) {
      if (certification.validTo) expect(certification.validFrom <= certification.validTo).toBe(true);
    }
    expect(city.certifications.some((certification) => certification.validTo && certification.validTo < TODAY)).toBe(
      true,
    );
    expect(city.certifications.some((certification) => !certification.validTo || certification.validTo >= TODAY)).toBe(
      true,
    );
  });

  it('should have solicitations in every state with timestamps in lifecycle order, all in the past', () => {
    expect(new Set(city.solicitations.map((solicitation) => solicitation.status))).toEqual(
      new Set(['draft', 'published', 'closed', 'awarded', 'cancelled']),
    );
    for (const solicitation of city.solicitations) {
      const steps = [
        solicitation.requisitionReceivedAt,
        solicitation.publishedAt,
        solicitation.closedAt,
        solicitation.awardedAt ?? solicitation.cancelledAt,
      ].filter((step): step is Date => step !== null);
      expect(steps.map(Number)).toEqual([...steps.map(Number)].sort((a, b) => a - b));
      expect(steps.every((step) => step < startOfToday)).toBe(true);
      const expected = {
        draft: { publishedAt: false, closedAt: false, awardedAt: false, cancelledAt: false },
        published: { publishedAt: true, closedAt: false, awardedAt: false, cancelledAt: false },
        closed: { publishedAt: true, closedAt: true, awardedAt: false, cancelledAt: false },
        awarded: { publishedAt: true, closedAt: true, awardedAt: true, cancelledAt: false },
        cancelled: { awardedAt: false, cancelledAt: true },
      }[solicitation.status];
      for (const [field, present] of Object.entries(expected)) {
        expect([
          solicitation.referenceNumber,
          field,
          solicitation[field as keyof typeof solicitation] !== null,
        ]).toEqual([solicitation.referenceNumber, field, present]);
      }
      for (const template of solicitation.kpiTemplates) expect(kpiRuleProblems(template)).toEqual([]);
    }
  });

  it('should place bids only on solicitations past draft, while they were open', () => {
    const solicitations = byId(city.solicitations);
    for (const bid of city.bids) {
      const solicitation = solicitations.get(bid.solicitationId)!;
      expect(solicitation.status).not.toBe('draft');
      expect(bid.submittedAt > solicitation.publishedAt!).toBe(true);
      expect(bid.submittedAt < (solicitation.closedAt ?? solicitation.cancelledAt ?? startOfToday)).toBe(true);
      expect(bid.amount).toBeGreaterThan(0);
    }
    expect(unique(city.bids.map((bid) => `${bid.solicitationId} ${bid.vendorId}`))).toBe(true);
  });

  it('should give every awarded solicitation one contract, from one of its bids, started after the award', () => {
    const bids = byId(city.bids);
    for (const solicitation of city.solicitations) {
      const contracts = city.contracts.filter((contract) => contract.solicitationId === solicitation.id);
      if (solicitation.status !== 'awarded') {
        expect(contracts).toEqual([]);
        continue;
      }
      expect(contracts).toHaveLength(1);
      const [contract] = contracts;
      const bid = bids.get(contract.bidId!)!;
      expect(bid.solicitationId).toBe(solicitation.id);
      expect(contract.vendorId).toBe(bid.vendorId);
      expect(contract.value).toBe(bid.amount);
      expect(contract.departmentId).toBe(solicitation.departmentId);
      expect(contract.startDate > solicitation.awardedAt!.toISOString().slice(0, 10)).toBe(true);
      expect(city.kpis.filter((kpi) => kpi.contractId === contract.id).map((kpi) => kpi.name)).toEqual(
        solicitation.kpiTemplates.map((template) => template.name),
      );
    }
    expect(city.contracts.some((contract) => contract.solicitationId === null)).toBe(true);
    // Most come from solicitations: a proportion, so judged at the default sizes, where it does not hang on luck.
    const full = generateDemoCity({ seed: 7, today: TODAY });
    expect(full.contracts.filter((contract) => contract.solicitationId === null).length).toBeLessThan(
      full.contracts.length / 2,
    );
  });

  it('should give every contract 1 to 5 valid KPIs and a status that fits its dates', () => {
    for (const contract of city.contracts) {
      const kpis = city.kpis.filter((kpi) => kpi.contractId === contract.id);
      expect(kpis.length).toBeGreaterThanOrEqual(1);
      expect(kpis.length).toBeLessThanOrEqual(5);
      for (const kpi of kpis) expect(kpiRuleProblems(kpi)).toEqual([]);
      expect(contract.startDate <= contract.endDate).toBe(true);
      expect(contract.status).toEqual(
        contract.endDate >= TODAY ? 'active' : expect.stringMatching(/^(completed|terminated)$/),
      );
    }
  });

  it("should measure only ended periods of the KPI's frequency within the contract and the window", () => {
    const kpis = byId(city.kpis);
    const contracts = byId(city.contracts);
    const windowStart = '2025-11-01';
    let gaps = 0;
    for (const kpi of city.kpis) {
      const contract = contracts.get(kpi.contractId)!;
      expect(contract.startDate >= windowStart).toBe(true);
      const measured = new Set(city.measurements.filter((m) => m.kpiId === kpi.id).map((m) => m.period));
      const expected = contractPeriods(contract.startDate, contract.endDate, kpi.frequency).filter(
        (period) => period.lastDay < '2026-11-01' && period.lastDay >= windowStart,
      );
      gaps += expected.filter((period) => !measured.has(period.key)).length;
      expect([...measured].every((key) => expected.some((period) => period.key === key))).toBe(true);
    }
    expect(gaps).toBeGreaterThan(0);
    for (const measurement of city.measurements) {
      const kpi = kpis.get(measurement.kpiId)!;
      expect(parsePeriodFor(measurement.period, kpi.frequency)).not.toBeNull();
      expect(measurement.recordedAt >= measurement.createdAt).toBe(true);
      expect(measurement.recordedAt < startOfToday).toBe(true);
    }
    // Late corrections: recorded again well after the first report, with a note saying so.
    expect(city.measurements.some((m) => m.recordedAt > m.createdAt && m.note?.startsWith('Corrected'))).toBe(true);
    expect(city.measurements.some((m) => m.period === '2026-10')).toBe(true);
  });

  it('should pay primes and subcontractors within the contract, before today', () => {
    const contracts = byId(city.contracts);
    for (const payment of city.payments) {
      const contract = contracts.get(payment.contractId)!;
      expect(payment.amount).toBeGreaterThan(0);
      expect(payment.paidOn > contract.startDate).toBe(true);
      expect(payment.paidOn < TODAY).toBe(true);
    }
    expect(city.payments.some((payment) => payment.payeeVendorId !== contracts.get(payment.contractId)!.vendorId)).toBe(
      true,
    );
  });
});

describe('the service lines', () => {
  const trades = SERVICE_LINES.flatMap((line) =>
    Object.values(line.trades).flatMap((words) => words.map((trade) => ({ line: line.key, trade }))),
  );

  it('should each belong to a department and hold KPIs of the library, in every vendor language', () => {
    const codes = new Set(DEPARTMENTS.map((department) => department.code));
    for (const line of SERVICE_LINES) {
      expect([line.key, codes.has(line.department)]).toEqual([line.key, true]);
      expect(line.kpis.filter((key) => !(key in KPI_LIBRARY))).toEqual([]);
      expect(line.kpis.length).toBeGreaterThan(0);
      for (const language of ['en', 'es', 'pt'] as const) expect(line.trades[language].length).toBeGreaterThan(0);
    }
    const used = new Set(SERVICE_LINES.flatMap((line) => line.kpis));
    expect(Object.keys(KPI_LIBRARY).filter((key) => !used.has(key))).toEqual([]);
    for (const template of [...Object.values(KPI_LIBRARY), ANNUAL_KPI]) expect(kpiRuleProblems(template)).toEqual([]);
  });

  it('should pin starter library entries on several contracts, each KPI reading as its entry', () => {
    const pinned = city.kpis.filter((kpi) => kpi.libraryKpiId !== null);
    const contractsPerEntry = new Map<string, Set<string>>();
    for (const kpi of pinned) {
      const entry = STARTER_LIBRARY_KPIS.find((candidate) => candidate.id === kpi.libraryKpiId)!;
      expect([kpi.name, kpi.description, kpi.unit, kpi.direction]).toEqual([
        entry.name,
        entry.description,
        entry.unit,
        entry.direction,
      ]);
      contractsPerEntry.set(entry.id, (contractsPerEntry.get(entry.id) ?? new Set()).add(kpi.contractId));
    }
    // Peers to compare: some entry is held by several contracts.
    expect(Math.max(...[...contractsPerEntry.values()].map((contracts) => contracts.size))).toBeGreaterThanOrEqual(3);
    const pinnedTemplates = city.solicitations
      .flatMap((solicitation) => solicitation.kpiTemplates)
      .filter((t) => t.libraryKpiId);
    expect(pinnedTemplates.length).toBeGreaterThan(0);
  });

  it("should tell a title and a trade apart: no title in two lines, no trade inside another line's", () => {
    expect(unique(SERVICE_LINES.flatMap((line) => line.purchases.map((purchase) => purchase.title)))).toBe(true);
    const clashes = trades.flatMap((a) =>
      trades
        .filter((b) => a.line !== b.line && b.trade.toLowerCase().includes(a.trade.toLowerCase()))
        .map((b) => `${a.trade} (${a.line}) in ${b.trade} (${b.line})`),
    );
    expect(clashes).toEqual([]);
  });
});

describe('generateDemoCity: vendors, contracts and KPIs of one service line', () => {
  const vendors = byId(city.vendors);
  const departments = byId(city.departments);
  const lineOfVendor = (vendorId: string) => serviceLineOfVendorName(vendors.get(vendorId)!.legalName);
  const kpiNames = (line: (typeof SERVICE_LINES)[number]) =>
    new Set([...line.kpis.map((key) => KPI_LIBRARY[key].name), ANNUAL_KPI.name]);

  it('should name every vendor after a trade of one line, in its own language', () => {
    for (const vendor of city.vendors) {
      const line = serviceLineOfVendorName(vendor.legalName);
      expect([vendor.legalName, line !== undefined]).toEqual([vendor.legalName, true]);
      const own = line!.trades[vendor.preferredLanguage as 'en' | 'es' | 'pt'];
      expect([vendor.legalName, own.some((trade) => ` ${vendor.legalName} `.includes(` ${trade} `))]).toEqual([
        vendor.legalName,
        true,
      ]);
    }
  });

  it("should give every contract a title, department and KPIs of its vendor's line", () => {
    for (const contract of city.contracts) {
      const line = lineOfVendor(contract.vendorId)!;
      const kpis = city.kpis.filter((kpi) => kpi.contractId === contract.id).map((kpi) => kpi.name);
      expect({
        title: serviceLineOfTitle(contract.title)?.key,
        department: departments.get(contract.departmentId)!.code,
        strayKpis: kpis.filter((name) => !kpiNames(line).has(name)),
      }).toEqual({ title: line.key, department: line.department, strayKpis: [] });
    }
  });

  it('should take bids and subcontractors only from vendors of the line bought', () => {
    const solicitations = byId(city.solicitations);
    const contracts = byId(city.contracts);
    for (const solicitation of city.solicitations) {
      const line = serviceLineOfTitle(solicitation.title)!;
      expect(solicitation.kpiTemplates.filter((kpi) => !kpiNames(line).has(kpi.name))).toEqual([]);
    }
    for (const bid of city.bids) {
      expect(lineOfVendor(bid.vendorId)).toBe(serviceLineOfTitle(solicitations.get(bid.solicitationId)!.title));
    }
    for (const payment of city.payments) {
      expect(lineOfVendor(payment.payeeVendorId)).toBe(lineOfVendor(contracts.get(payment.contractId)!.vendorId));
    }
  });
});

describe('demoNotifyWithinDays', () => {
  // Due (days after the period's last day + 1): 10 or 15 days of grace; evaluated during `today`.
  const daysAgo = (lastDay: string, graceDays: number, today: string) =>
    (Date.parse(`${today}T12:00:00Z`) - Date.parse(`${addCalendarDays(lastDay, 1 + graceDays)}T00:00:00Z`)) /
    86_400_000;

  it.each(['2026-11-01', '2026-11-11', '2026-11-22', '2026-12-31', '2026-03-01', '2026-03-31'])(
    'on %s should let last month through and hold the month before back',
    (today) => {
      const days = demoNotifyWithinDays(today);
      const lastMonthEnd = addCalendarDays(`${today.slice(0, 8)}01`, -1);
      const monthBeforeEnd = addCalendarDays(`${lastMonthEnd.slice(0, 8)}01`, -1);
      for (const grace of [10, 15]) {
        expect(daysAgo(lastMonthEnd, grace, today)).toBeLessThanOrEqual(days);
        expect(daysAgo(monthBeforeEnd, grace, today)).toBeGreaterThan(days);
      }
    },
  );
});
