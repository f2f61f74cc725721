import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ApiKey,
  Bid,
  Certification,
  Contract,
  Department,
  Kpi,
  KpiEvaluation,
  LibraryKpi,
  Solicitation,
  Vendor,
} from '#database';
import {
  displayPrefix,
  generateToken,
  hashToken,
  parsePeriod,
  periodFirstDay,
  periodLastDay,
  type KpiDefinition,
  type Role,
} from '#domain';

let sequence = 0;
const next = () => ++sequence;

export const buildDepartment = (overrides: Partial<Department> = {}): Department => {
  const n = next();
  return Object.assign(new Department(), {
    name: `Department ${n}`,
    code: `D${n}`,
    headEmail: `head${n}@city.example`,
    ...overrides,
  });
};

export const createDepartment = (dataSource: DataSource, overrides?: Partial<Department>): Promise<Department> =>
  dataSource.getRepository(Department).save(buildDepartment(overrides));

export const buildVendor = (overrides: Partial<Vendor> = {}): Vendor => {
  const n = next();
  return Object.assign(new Vendor(), {
    legalName: `Vendor ${n} LLC`,
    taxId: `TAX-${n}`,
    email: `vendor${n}@vendors.example`,
    preferredLanguage: 'en',
    isLocal: false,
    ...overrides,
  });
};

export const createVendor = (dataSource: DataSource, overrides?: Partial<Vendor>): Promise<Vendor> =>
  dataSource.getRepository(Vendor).save(buildVendor(overrides));

export type KeyScope = { departments?: Department[]; vendor?: Vendor };

/** Inserts an API key straight into the database and returns its token, as the CLI would print it. */
export async function createApiKey(dataSource: DataSource, role: Role, scope: KeyScope = {}): Promise<string> {
  const token = generateToken();
  await dataSource.getRepository(ApiKey).save(
    Object.assign(new ApiKey(), {
      name: `${role} ${next()}`,
      role,
      tokenHash: hashToken(token),
      tokenPrefix: displayPrefix(token),
      vendorId: scope.vendor?.id ?? null,
      departments: scope.departments ?? [],
    }),
  );
  return token;
}

export const buildKpiDefinition = (overrides: Partial<KpiDefinition> = {}): KpiDefinition => ({
  name: `KPI ${next()}`,
  description: null,
  unit: '%',
  direction: 'higher_is_better',
  target: 95,
  offTrackThreshold: 90,
  frequency: 'monthly',
  ...overrides,
});

/**
 * A KPI library version: a new entry's version 1 (higher is better, suggested 90/80) unless `entryId` and
 * `version` say it is a later version of an entry.
 */
export const createLibraryKpi = (dataSource: DataSource, overrides: Partial<LibraryKpi> = {}): Promise<LibraryKpi> => {
  const id = randomUUID();
  return dataSource.getRepository(LibraryKpi).save(
    Object.assign(new LibraryKpi(), {
      id,
      entryId: id,
      version: 1,
      name: `Library KPI ${next()}`,
      category: 'general',
      unit: '%',
      direction: 'higher_is_better',
      description: 'A measure of the library.',
      suggestedTarget: 90,
      suggestedOffTrackThreshold: 80,
      ...overrides,
    }),
  );
};

export const createSolicitation = (
  dataSource: DataSource,
  department: Department,
  overrides: Partial<Solicitation> = {},
): Promise<Solicitation> => {
  const n = next();
  return dataSource.getRepository(Solicitation).save(
    Object.assign(new Solicitation(), {
      referenceNumber: `RFP-${n}`,
      title: `Solicitation ${n}`,
      departmentId: department.id,
      category: 'services',
      method: 'rfp',
      status: 'draft',
      kpiTemplates: [],
      ...overrides,
    }),
  );
};

export const createBid = (
  dataSource: DataSource,
  solicitation: Solicitation,
  vendor: Vendor,
  overrides: Partial<Bid> = {},
): Promise<Bid> =>
  dataSource.getRepository(Bid).save(
    Object.assign(new Bid(), {
      solicitationId: solicitation.id,
      vendorId: vendor.id,
      amount: 1000,
      submittedAt: new Date('2026-01-15T12:00:00Z'),
      ...overrides,
    }),
  );

export const createContract = (
  dataSource: DataSource,
  vendor: Vendor,
  department: Department,
  overrides: Partial<Contract> = {},
): Promise<Contract> =>
  dataSource.getRepository(Contract).save(
    Object.assign(new Contract(), {
      number: `C-${next()}`,
      title: 'Contract',
      vendorId: vendor.id,
      departmentId: department.id,
      value: 100000,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      managerEmail: 'manager@city.example',
      status: 'active',
      ...overrides,
    }),
  );

export const createKpi = (dataSource: DataSource, contract: Contract, overrides: Partial<Kpi> = {}): Promise<Kpi> =>
  dataSource
    .getRepository(Kpi)
    .save(Object.assign(new Kpi(), { ...buildKpiDefinition(), contractId: contract.id, active: true, ...overrides }));

/** An evaluation of `kpi` (2026-01, on track at its target unless overridden), with its period's days. */
export const createEvaluation = (
  dataSource: DataSource,
  kpi: Kpi,
  overrides: Partial<KpiEvaluation> = {},
): Promise<KpiEvaluation> => {
  const evaluation = Object.assign(new KpiEvaluation(), {
    contractId: kpi.contractId,
    kpiId: kpi.id,
    period: '2026-01',
    value: kpi.target,
    target: kpi.target,
    offTrackThreshold: kpi.offTrackThreshold,
    status: 'on_track',
    evaluatedAt: new Date(),
    ...overrides,
  });
  const period = parsePeriod(evaluation.period)!;
  return dataSource
    .getRepository(KpiEvaluation)
    .save(Object.assign(evaluation, { periodFirstDay: periodFirstDay(period), periodLastDay: periodLastDay(period) }));
};
/** A certification of `vendor`: minority-owned, valid from 2020-01-01 with no expiry, unless overridden. */
export const buildCertification = (vendor: Vendor, overrides: Partial<Certification> = {}): Certification => {
  const n = next();
  return Object.assign(new Certification(), {
    vendorId: vendor.id,
    type: 'minority_owned',
    certifyingAgency: 'State Office of Supplier Diversity',
    certificateNumber: `CERT-${n}`,
    validFrom: '2020-01-01',
    validTo: null,
    ...overrides,
  });
};

export const createCertification = (
  dataSource: DataSource,
  vendor: Vendor,
  overrides?: Partial<Certification>,
): Promise<Certification> => dataSource.getRepository(Certification).save(buildCertification(vendor, overrides));

/**
 * Records `value` as the KPI's measurement for `period` by staff, recorded now; recording again replaces it, as
 * `PUT /kpis/:id/measurements/:period` does.
 */
export const recordMeasurement = (dataSource: DataSource, kpiId: string, period: string, value: number) =>
  dataSource.query(
    `INSERT INTO measurements (kpi_id, period, value, source, recorded_by_name, recorded_at)
     VALUES ($1, $2, $3, 'staff', 'seed', now())
     ON CONFLICT (kpi_id, period) DO UPDATE SET value = EXCLUDED.value, recorded_at = now()`,
    [kpiId, period, value],
  );
