import type {
  Bid,
  Certification,
  Contract,
  Department,
  Kpi,
  Measurement,
  Payment,
  Solicitation,
  Vendor,
} from '#database';
import {
  addCalendarDays,
  contractPeriods,
  type KpiDefinition,
  type ProcurementMethod,
  type SolicitationStatus,
} from '#domain';
import {
  ANNUAL_KPI,
  CERTIFICATION_WEIGHTS,
  CERTIFYING_AGENCIES,
  CITY,
  DEPARTMENTS,
  KPI_LIBRARY,
  LEGAL_FORMS,
  MANAGER_NAMES,
  OTHER_CITIES,
  PLACE_NAMES,
  SERVICE_LINES,
  STREETS,
  SURNAMES,
  type KpiTemplate,
  type ServiceLine,
  type VendorLanguage,
} from './city-catalogue.js';
import { Prng } from './prng.js';

export type DemoCitySizes = {
  departments: number;
  vendors: number;
  solicitations: number;
  /** Contracts in all: one per awarded solicitation, the rest entered directly. */
  contracts: number;
  /** Months of measurements, ending with the month before `today`. */
  months: number;
};

export const DEMO_CITY_SIZES: DemoCitySizes = {
  departments: 12,
  vendors: 300,
  solicitations: 150,
  contracts: 200,
  months: 18,
};

export type DemoCityOptions = {
  seed: number | string;
  /** The city's calendar date the data is generated for (`YYYY-MM-DD`); nothing happens on or after it. */
  today: string;
  sizes?: Partial<DemoCitySizes>;
};

// Rows as the tables hold them, without the relations the entities declare.
export type DemoDepartment = Department;
export type DemoVendor = Vendor;
export type DemoCertification = Omit<Certification, 'vendor'>;
/** Estimates from this amount up make a demo solicitation a key procurement. */
const KEY_PROCUREMENT_ESTIMATE = 2_000_000;

export type DemoSolicitation = Omit<Solicitation, 'department'>;
export type DemoBid = Omit<Bid, 'solicitation' | 'vendor'>;
export type DemoContract = Omit<Contract, 'vendor' | 'department' | 'solicitation' | 'bid'>;
export type DemoKpi = Omit<Kpi, 'contract' | 'libraryKpi'>;
export type DemoMeasurement = Omit<Measurement, 'kpi'>;
export type DemoPayment = Omit<Payment, 'contract' | 'payeeVendor'>;

export type DemoCity = {
  departments: DemoDepartment[];
  vendors: DemoVendor[];
  certifications: DemoCertification[];
  solicitations: DemoSolicitation[];
  bids: DemoBid[];
  contracts: DemoContract[];
  kpis: DemoKpi[];
  measurements: DemoMeasurement[];
  payments: DemoPayment[];
};

const LANGUAGE_WEIGHTS = [
  ['en', 65],
  ['es', 25],
  ['pt', 10],
] as const;

const STATUS_WEIGHTS: [SolicitationStatus, number][] = [
  ['awarded', 80],
  ['draft', 5],
  ['published', 6],
  ['closed', 5],
  ['cancelled', 4],
];

const METHOD_WEIGHTS: [ProcurementMethod, number][] = [
  ['rfp', 40],
  ['ifb', 20],
  ['rfq', 15],
  ['cooperative', 10],
  ['sole_source', 8],
  ['emergency', 7],
];

const METHOD_PREFIX: Record<ProcurementMethod, string> = {
  rfp: 'RFP',
  ifb: 'IFB',
  rfq: 'RFQ',
  sole_source: 'SS',
  emergency: 'EMG',
  cooperative: 'COOP',
};

/** How a KPI's results move over the months: a level, a drift across the window, and noise. */
type Trend = { level: number; drift: number; noise: number };
const TRENDS: [Trend, number][] = [
  [{ level: 0.7, drift: 0, noise: 0.35 }, 40], // steady and on track
  [{ level: -1.6, drift: 2.4, noise: 0.4 }, 15], // improving after a poor start
  [{ level: 0.8, drift: -2.4, noise: 0.4 }, 15], // slipping
  [{ level: 0.1, drift: 0, noise: 1.0 }, 15], // erratic
  [{ level: -1.3, drift: 0.2, noise: 0.5 }, 15], // struggling
];

/** The shortest `reportingGraceDays` of a demo contract. */
const MIN_GRACE_DAYS = 10;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);
const minDate = (a: string, b: string) => (a < b ? a : b);
const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

/** The first day of the month `offset` months from the month of `date`. */
function monthStart(date: string, offset: number): string {
  const months = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + offset;
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
}

/** The calendar date `months` months after `date`, less one day: the last day of a term that starts on `date`. */
function endOfTerm(date: string, months: number): string {
  const start = monthStart(date, months);
  const day = Math.min(Number(date.slice(8, 10)), 28);
  return addCalendarDays(`${start.slice(0, 8)}${String(day).padStart(2, '0')}`, -1);
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * A firm name that says what the firm does, in its language: "Keystone Tree Care LLC", "Jardinería Flores Inc.",
 * "Pavimentação Silva e Costa LLC". English names take a surname or a place; the others a surname, or two.
 */
function vendorName(random: Prng, serviceLine: ServiceLine, language: VendorLanguage): string {
  const trade = random.pick(serviceLine.trades[language]);
  if (language === 'en') {
    if (random.chance(0.1)) return `${random.pick(SURNAMES.en)} & Sons ${trade} ${random.pick(['Inc.', 'Co.'])}`;
    const owner = random.chance(0.6) ? random.pick(SURNAMES.en) : random.pick(PLACE_NAMES);
    return `${owner} ${trade} ${random.pick(LEGAL_FORMS)}`;
  }
  const [first, second] = random.sample(SURNAMES[language], 2);
  const owner = random.chance(0.75) ? first : `${first} ${language === 'es' ? 'y' : 'e'} ${second}`;
  return `${trade} ${owner} ${random.pick(LEGAL_FORMS.slice(0, 4))}`;
}

const toDefinition = ({ decimals: _decimals, bounds: _bounds, ...definition }: KpiTemplate): KpiDefinition =>
  definition;

/**
 * A whole city's procurement history, as rows with their ids: pure, so that the same seed and day give the same
 * city anywhere, and tests can check it without a database. `writeDemoCity()` stores it.
 */
export function generateDemoCity(options: DemoCityOptions): DemoCity {
  const sizes = { ...DEMO_CITY_SIZES, ...options.sizes };
  const { today } = options;
  const random = new Prng(options.seed);
  const yesterday = addCalendarDays(today, -1);
  /** An instant on `date` during office hours (US Eastern, written in UTC), never later than yesterday. */
  const at = (date: string) => {
    const day = minDate(date, yesterday);
    return new Date(
      `${day}T${String(random.int(13, 21)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
    );
  };
  const city: DemoCity = {
    departments: [],
    vendors: [],
    certifications: [],
    solicitations: [],
    bids: [],
    contracts: [],
    kpis: [],
    measurements: [],
    payments: [],
  };
  // Contracts start within the measured window, so that every period before last month has a value or is a gap.
  const windowStart = monthStart(today, -sizes.months);
  const windowDays = daysBetween(windowStart, today);
  const lastMonthEnd = addCalendarDays(monthStart(today, 0), -1);
  const cityFounded = at(addCalendarDays(today, -6 * 365));

  // Departments, and the service lines they buy.
  for (const template of DEPARTMENTS.slice(0, sizes.departments)) {
    city.departments.push({
      id: random.uuid(),
      name: template.name,
      code: template.code,
      headEmail: `${slug(template.code)}.director@${CITY.emailDomain}`,
      createdAt: cityFounded,
      updatedAt: cityFounded,
    });
  }
  const departmentByCode = new Map(city.departments.map((department) => [department.code, department]));
  // Every line gets a vendor first, as far as there are vendors; only lines with vendors are bought.
  const lines = SERVICE_LINES.filter((candidate) => departmentByCode.has(candidate.department)).slice(0, sizes.vendors);
  const vendorsOfLine = new Map<ServiceLine, DemoVendor[]>(lines.map((candidate) => [candidate, []]));

  // Vendors and their certifications.
  const legalNames = new Set<string>();
  const taxIds = new Set<string>();
  const certified = new Set<string>();
  for (let index = 0; index < sizes.vendors; index++) {
    const serviceLine = index < lines.length ? lines[index] : random.pick(lines);
    const language = random.weighted(LANGUAGE_WEIGHTS);
    const isLocal = random.chance(0.55);
    let legalName: string;
    do legalName = vendorName(random, serviceLine, language);
    while (legalNames.has(legalName));
    legalNames.add(legalName);
    let taxId: string;
    do taxId = `${random.int(10, 99)}-${random.int(1_000_000, 9_999_999)}`;
    while (taxIds.has(taxId));
    taxIds.add(taxId);
    const other = random.pick(OTHER_CITIES);
    const createdAt = at(addCalendarDays(today, -random.int(3 * 365, 6 * 365)));
    const vendor: DemoVendor = {
      id: random.uuid(),
      legalName,
      taxId,
      email: `contracts@${slug(legalName.replace(/\b(LLC|LLP|Inc|Corp|Co)\b\.?/g, ''))}.example`,
      preferredLanguage: language,
      isLocal,
      addressLine1: `${random.int(10, 2999)} ${random.pick(STREETS)}`,
      addressLine2: random.chance(0.25) ? `Suite ${random.int(100, 900)}` : null,
      city: isLocal ? CITY.name : other.city,
      region: isLocal ? CITY.region : other.region,
      postalCode: isLocal ? `${CITY.postalPrefix}${random.int(10, 99)}` : other.postal,
      country: 'US',
      createdAt,
      updatedAt: createdAt,
    };
    city.vendors.push(vendor);
    vendorsOfLine.get(serviceLine)!.push(vendor);

    const types = new Set(
      Array.from(
        {
          length: random.weighted([
            [0, 55],
            [1, 30],
            [2, 12],
            [3, 3],
          ] as const),
        },
        () => random.weighted(CERTIFICATION_WEIGHTS),
      ),
    );
    if (isLocal && random.chance(0.3)) types.add('local_business');
    for (const type of types) {
      const { agency, prefix } = random.pick(CERTIFYING_AGENCIES[type]);
      // About one in five has lapsed; half the small-business certificates carry no end date.
      const expired = random.chance(0.2);
      const validTo = expired
        ? addCalendarDays(today, -random.int(1, 400))
        : type === 'small_business' && random.chance(0.5)
          ? null
          : addCalendarDays(today, random.int(30, 4 * 365));
      const validFrom = validTo
        ? minDate(addCalendarDays(validTo, -random.int(2, 5) * 365), addCalendarDays(today, -30))
        : addCalendarDays(today, -random.int(60, 8 * 365));
      city.certifications.push({
        id: random.uuid(),
        vendorId: vendor.id,
        type,
        certifyingAgency: agency,
        certificateNumber: `${prefix}-${validFrom.slice(0, 4)}-${random.int(10000, 99999)}`,
        validFrom,
        validTo,
        createdAt: at(validFrom),
      });
      certified.add(vendor.id);
    }
  }

  const kpisFor = (serviceLine: ServiceLine): KpiTemplate[] => {
    const chosen = random.sample(serviceLine.kpis, random.int(1, Math.min(5, serviceLine.kpis.length)));
    const kpis = chosen.map((key) => KPI_LIBRARY[key]);
    if (kpis.length < 5 && random.chance(0.1)) kpis.push(ANNUAL_KPI);
    return kpis;
  };
  const graceDays = () => (random.chance(0.8) ? MIN_GRACE_DAYS : 15);
  const managerEmail = () => `${random.pick(MANAGER_NAMES)}@${CITY.emailDomain}`;
  const linesOfDepartment = (department: DemoDepartment) =>
    lines.filter((candidate) => candidate.department === department.code);
  // Departments with no line bought (a city smaller than the catalogue) buy nothing.
  const buyers = city.departments.filter((department) => linesOfDepartment(department).length > 0);

  // Solicitations, their bids, and the contracts awarded from them.
  const kpiTemplateOf = new Map<string, KpiTemplate>();
  let contractSequence = 0;
  const addContract = (
    contract: Omit<DemoContract, 'id' | 'number' | 'status' | 'createdAt' | 'updatedAt'>,
    createdAt: Date,
    kpis: KpiTemplate[],
  ) => {
    const department = city.departments.find((candidate) => candidate.id === contract.departmentId)!;
    const status = contract.endDate >= today ? 'active' : random.chance(0.06) ? 'terminated' : 'completed';
    const row: DemoContract = {
      ...contract,
      id: random.uuid(),
      number: `${department.code}-${contract.startDate.slice(0, 4)}-${String(++contractSequence).padStart(4, '0')}`,
      status,
      createdAt,
      updatedAt: createdAt,
    };
    city.contracts.push(row);
    for (const template of kpis) {
      const kpi: DemoKpi = {
        ...toDefinition(template),
        libraryKpiId: template.libraryKpiId ?? null,
        id: random.uuid(),
        contractId: row.id,
        active: true,
        createdAt,
        updatedAt: createdAt,
      };
      city.kpis.push(kpi);
      kpiTemplateOf.set(kpi.id, template);
    }
    return row;
  };

  for (let index = 0; index < sizes.solicitations; index++) {
    const department = random.pick(buyers);
    const serviceLine = random.pick(linesOfDepartment(department));
    const purchase = random.pick(serviceLine.purchases);
    // The first five cover every state, whatever the size.
    const status = index < STATUS_WEIGHTS.length ? STATUS_WEIGHTS[index][0] : random.weighted(STATUS_WEIGHTS);
    const method = random.weighted(METHOD_WEIGHTS);
    const kpis = kpisFor(serviceLine);
    const estimatedValue = random.int(5, 3000) * 1000;

    let published: string | null = null;
    let closed: string | null = null;
    let awarded: string | null = null;
    let cancelled: string | null = null;
    let due: string | null;
    if (status === 'awarded') {
      awarded = addCalendarDays(today, -random.int(30, windowDays - 7));
      closed = addCalendarDays(awarded, -random.int(10, 60));
      published = addCalendarDays(closed, -random.int(21, 42));
      due = closed;
    } else if (status === 'closed') {
      closed = addCalendarDays(today, -random.int(1, 40));
      published = addCalendarDays(closed, -random.int(21, 42));
      due = closed;
    } else if (status === 'published') {
      published = addCalendarDays(today, -random.int(1, 20));
      due = addCalendarDays(published, random.int(21, 42));
    } else if (status === 'cancelled') {
      const stage = random.weighted([
        ['draft', 30],
        ['published', 50],
        ['closed', 20],
      ] as const);
      cancelled = addCalendarDays(today, -random.int(10, 500));
      if (stage !== 'draft') {
        closed = stage === 'closed' ? addCalendarDays(cancelled, -random.int(1, 30)) : null;
        published = addCalendarDays(closed ?? cancelled, -random.int(closed ? 21 : 5, 42));
      }
      due = published ? (closed ?? addCalendarDays(published, random.int(21, 42))) : null;
    } else {
      due = null;
    }
    const requisition = published
      ? addCalendarDays(published, -random.int(14, 90))
      : cancelled
        ? addCalendarDays(cancelled, -random.int(14, 90))
        : addCalendarDays(today, -random.int(1, 30));
    const requisitionAt = at(requisition);
    const publishedAt = published ? at(published) : null;
    const closedAt = closed ? at(closed) : null;
    const awardedAt = awarded ? at(awarded) : null;
    const cancelledAt = cancelled ? at(cancelled) : null;
    const lastChange = awardedAt ?? cancelledAt ?? closedAt ?? publishedAt ?? requisitionAt;
    const year = (published ?? requisition).slice(0, 4);
    const solicitation: DemoSolicitation = {
      id: random.uuid(),
      referenceNumber: `${METHOD_PREFIX[method]}-${year}-${String(index + 1).padStart(3, '0')}`,
      title: purchase.title,
      description: `${department.name}: ${purchase.title.toLowerCase()}, with performance measured against the KPIs below.`,
      departmentId: department.id,
      category: purchase.category,
      method,
      estimatedValue,
      diversityGoalPercent: random.chance(0.6) ? random.pick([10, 15, 20, 25, 30]) : null,
      dueAt: due ? new Date(`${due}T19:00:00Z`) : null,
      kpiTemplates: kpis.map(toDefinition),
      status,
      // The largest purchases are the city's key procurements (decided without a draw, so the seed's city is kept).
      isKeyProcurement: estimatedValue >= KEY_PROCUREMENT_ESTIMATE,
      requisitionReceivedAt: requisitionAt,
      publishedAt,
      closedAt,
      awardedAt,
      cancelledAt,
      createdAt: requisitionAt,
      updatedAt: lastChange,
    };
    city.solicitations.push(solicitation);

    // Bids: none before publication; one for the non-competitive methods; at least one on anything awarded.
    const lastBidDay = minDate(closed ?? cancelled ?? yesterday, yesterday);
    // Bids arrive after the day of publication and before the day of closing.
    const biddingDays = published ? daysBetween(published, lastBidDay) - 1 : 0;
    if (biddingDays < 1) continue;
    const nonCompetitive = method === 'sole_source' || method === 'emergency';
    const bidCount = nonCompetitive
      ? status === 'awarded'
        ? 1
        : random.int(0, 1)
      : status === 'awarded'
        ? random.weighted([
            [1, 12],
            [2, 20],
            [3, 25],
            [4, 20],
            [5, 13],
            [6, 10],
          ] as const)
        : random.int(0, status === 'published' ? 4 : 6);
    const bidders = vendorsOfLine.get(serviceLine)!;
    const bids: DemoBid[] = random.sample(bidders, Math.min(bidCount, bidders.length)).map((vendor) => {
      const submittedAt = at(addCalendarDays(published!, random.int(1, biddingDays)));
      return {
        id: random.uuid(),
        solicitationId: solicitation.id,
        vendorId: vendor.id,
        amount: round(estimatedValue * random.between(0.8, 1.25), 2),
        submittedAt,
        createdAt: submittedAt,
      };
    });
    city.bids.push(...bids);
    if (status !== 'awarded') continue;

    // The lowest bid wins an invitation for bids; otherwise the best value, which is usually among the cheapest.
    const ranked = [...bids].sort((a, b) => a.amount - b.amount);
    const winner =
      method === 'ifb'
        ? ranked[0]
        : ranked[
            Math.min(
              ranked.length - 1,
              random.weighted([
                [0, 60],
                [1, 30],
                [2, 10],
              ] as const),
            )
          ];
    const startDate = addCalendarDays(awarded!, random.int(7, 45));
    addContract(
      {
        title: purchase.title,
        vendorId: winner.vendorId,
        departmentId: department.id,
        solicitationId: solicitation.id,
        bidId: winner.id,
        value: winner.amount,
        startDate,
        endDate: endOfTerm(startDate, random.pick([12, 24, 24, 36, 36, 48])),
        managerEmail: managerEmail(),
        diversityGoalPercent: solicitation.diversityGoalPercent,
        isKeyProcurement: solicitation.isKeyProcurement,
        reportingGraceDays: graceDays(),
        escalateAfterPeriods: random.weighted([
          [2, 80],
          [3, 20],
        ] as const),
      },
      awardedAt!,
      kpis,
    );
  }

  // Contracts entered directly (cooperative purchases, renewals from before the tracker).
  while (city.contracts.length < sizes.contracts) {
    const department = random.pick(buyers);
    const serviceLine = random.pick(linesOfDepartment(department));
    const startDate = addCalendarDays(today, -random.int(60, windowDays));
    addContract(
      {
        title: random.pick(serviceLine.purchases).title,
        vendorId: random.pick(vendorsOfLine.get(serviceLine)!).id,
        departmentId: department.id,
        solicitationId: null,
        bidId: null,
        isKeyProcurement: false,
        value: random.int(20, 2500) * 1000,
        startDate,
        endDate: endOfTerm(startDate, random.pick([12, 24, 36])),
        managerEmail: managerEmail(),
        diversityGoalPercent: null,
        reportingGraceDays: graceDays(),
        escalateAfterPeriods: 2,
      },
      at(addCalendarDays(startDate, -random.int(1, 20))),
      kpisFor(serviceLine),
    );
  }

  // Measurements: every ended period within the window, with trends, gaps and late corrections.
  const contractsById = new Map(city.contracts.map((contract) => [contract.id, contract]));
  const vendorsById = new Map(city.vendors.map((vendor) => [vendor.id, vendor]));
  const departmentsById = new Map(city.departments.map((department) => [department.id, department]));
  const vendorReliability = new Map(
    city.vendors.map((vendor) => [
      vendor.id,
      random.weighted([
        [0.01, 60],
        [0.06, 30],
        [0.15, 10],
      ] as const),
    ]),
  );
  for (const kpi of city.kpis) {
    const contract = contractsById.get(kpi.contractId)!;
    const template = kpiTemplateOf.get(kpi.id)!;
    const periods = contractPeriods(contract.startDate, contract.endDate, kpi.frequency).filter(
      (period) => period.lastDay <= lastMonthEnd && period.lastDay >= windowStart,
    );
    const trend = random.weighted(TRENDS);
    const gapRate = vendorReliability.get(contract.vendorId)!;
    const margin = Math.abs(kpi.target - kpi.offTrackThreshold);
    const vendor = vendorsById.get(contract.vendorId)!;
    periods.forEach((period, index) => {
      const latest = index === periods.length - 1 && period.lastDay === lastMonthEnd;
      if (random.chance(latest ? gapRate + 0.12 : gapRate)) return;
      const progress = periods.length > 1 ? index / (periods.length - 1) : 0;
      const quality = trend.level + trend.drift * progress + trend.noise * random.gaussian();
      const valueOf = (q: number) => {
        const raw = kpi.direction === 'higher_is_better' ? kpi.target + q * margin : kpi.target - q * margin;
        return round(Math.min(template.bounds[1], Math.max(template.bounds[0], raw)), template.decimals);
      };
      const value = valueOf(quality);
      const source = random.weighted([
        ['vendor', 70],
        ['import', 20],
        ['staff', 10],
      ] as const);
      const firstRecorded = at(
        addCalendarDays(period.lastDay, random.chance(0.85) ? random.int(1, 10) : random.int(11, 30)),
      );
      const corrected = random.chance(0.05);
      const correctedAt = corrected ? at(addCalendarDays(period.lastDay, random.int(30, 120))) : firstRecorded;
      const recordedAt = correctedAt < firstRecorded ? firstRecorded : correctedAt;
      city.measurements.push({
        id: random.uuid(),
        kpiId: kpi.id,
        period: period.key,
        value,
        note: corrected
          ? `Corrected after the department's review of the field records; first reported as ${valueOf(quality + random.between(0.5, 1.5))}.`
          : null,
        source,
        recordedById: null,
        recordedByName:
          source === 'vendor'
            ? vendor.legalName
            : source === 'import'
              ? 'Monthly data import'
              : `${departmentsById.get(contract.departmentId)!.code} contract manager`,
        recordedAt,
        createdAt: firstRecorded,
      });
    });
  }

  const serviceLineOfVendor = new Map(
    [...vendorsOfLine].flatMap(([serviceLine, vendors]) => vendors.map((vendor) => [vendor.id, serviceLine] as const)),
  );
  // Payments: invoices to the prime every month or two, and a share to subcontractors on some contracts.
  for (const contract of city.contracts) {
    const paidThrough = minDate(contract.endDate, lastMonthEnd);
    if (contract.startDate > paidThrough) continue;
    const termMonths = Math.max(1, Math.round(daysBetween(contract.startDate, contract.endDate) / 30.4));
    const monthly = contract.value / termMonths;
    // Subcontractors are certified firms of the same trade as the prime.
    const subcontractors = random.chance(0.35)
      ? random.sample(
          vendorsOfLine
            .get(serviceLineOfVendor.get(contract.vendorId)!)!
            .filter((vendor) => vendor.id !== contract.vendorId && certified.has(vendor.id)),
          random.int(1, 2),
        )
      : [];
    const every = random.pick([1, 1, 2]);
    let invoice = 0;
    for (let month = monthStart(contract.startDate, every); ; month = monthStart(month, every)) {
      const billed = addCalendarDays(month, -1);
      if (billed > paidThrough) break;
      const paidOn = addCalendarDays(billed, random.int(15, 40));
      if (paidOn >= today) break;
      invoice++;
      const amount = round(monthly * every * random.between(0.8, 1.1), 2);
      const subShares = subcontractors.map((vendor) => [vendor, round(amount * random.between(0.08, 0.2), 2)] as const);
      const primeAmount = round(amount - subShares.reduce((sum, [, share]) => sum + share, 0), 2);
      const createdAt = at(paidOn);
      city.payments.push({
        id: random.uuid(),
        contractId: contract.id,
        payeeVendorId: contract.vendorId,
        amount: primeAmount,
        paidOn,
        invoiceNumber: `INV-${contract.number}-${String(invoice).padStart(3, '0')}`,
        createdAt,
      });
      for (const [vendor, share] of subShares) {
        city.payments.push({
          id: random.uuid(),
          contractId: contract.id,
          payeeVendorId: vendor.id,
          amount: share,
          paidOn,
          invoiceNumber: `SUB-${contract.number}-${String(invoice).padStart(3, '0')}`,
          createdAt,
        });
      }
    }
  }
  return city;
}

/**
 * The NOTIFY_WITHIN_DAYS under which an evaluation on `today` emails about last month's periods and suppresses
 * every earlier one: the days since last month became due under the shortest grace, and one more for the part of
 * today already gone. The month before became due at least 18 days earlier, so it stays out.
 */
export function demoNotifyWithinDays(today: string): number {
  return Math.max(1, daysBetween(addCalendarDays(monthStart(today, 0), MIN_GRACE_DAYS), today) + 1);
}
