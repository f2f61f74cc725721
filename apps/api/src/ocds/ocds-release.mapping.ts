import { createHash } from 'node:crypto';
import {
  type Bid,
  type Certification,
  type Contract,
  type Department,
  type Kpi,
  type KpiEvaluation,
  type Payment,
  type Solicitation,
  type Vendor,
} from '#database';
import {
  addCalendarDays,
  localMidnight,
  parsePeriod,
  periodEndInstant,
  periodStartInstant,
  type ContractStatus,
  type ProcurementMethod,
  type SolicitationCategory,
  type SolicitationStatus,
} from '#domain';

/**
 * The registry's extensions whose fields the export writes; the package lists them (and the city's own
 * key-procurement extension, served by the API), the tests merge their schemas.
 */
export const OCDS_EXTENSIONS = {
  bids: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
  metrics: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/1.1/extension.json',
  organizationClassification:
    'https://raw.githubusercontent.com/open-contracting-extensions/ocds_organizationClassification_extension/master/extension.json',
} as const;

/** Our scheme for diversity certifications in `parties[].details.classifications`; `id` is the certification type. */
export const DIVERSITY_SCHEME = 'CPT-DIVERSITY';
/** Our scheme for vendor tax ids and department codes in `parties[].identifier`. */
export const TAX_ID_SCHEME = 'CPT-TAXID';
export const DEPARTMENT_SCHEME = 'CPT-DEPARTMENT';

/**
 * OCDS has four methods. Competitive solicitations open to anyone are `open`; an RFQ goes to vendors the city
 * invites (`limited`); a cooperative purchase rides on a contract another body competed (`selective`: the
 * competition happened among pre-qualified suppliers); sole-source and emergency purchases are `direct`.
 */
export const PROCUREMENT_METHOD: Record<ProcurementMethod, 'open' | 'selective' | 'limited' | 'direct'> = {
  rfp: 'open',
  ifb: 'open',
  rfq: 'limited',
  sole_source: 'direct',
  emergency: 'direct',
  cooperative: 'selective',
};

/** Drafts are never published; closed means bids are in and under evaluation, which OCDS still calls active. */
export const TENDER_STATUS: Record<Exclude<SolicitationStatus, 'draft'>, string> = {
  published: 'active',
  closed: 'active',
  awarded: 'complete',
  cancelled: 'cancelled',
};

/** OCDS `terminated` covers both completion and early termination. */
export const CONTRACT_STATUS: Record<ContractStatus, string> = {
  active: 'active',
  completed: 'terminated',
  terminated: 'terminated',
};

export const MAIN_CATEGORY: Record<SolicitationCategory, string> = {
  goods: 'goods',
  services: 'services',
  construction: 'works',
  professional_services: 'consultingServices',
};

/** Everything about one procurement process: a solicitation with what came of it, or a contract entered directly. */
export type ProcessData = {
  ocid: string;
  changedAt: Date;
  solicitation: Solicitation | null;
  department: Department;
  bids: Bid[];
  contracts: Contract[];
  payments: Payment[];
  kpis: Kpi[];
  evaluations: KpiEvaluation[];
  vendors: Map<string, Vendor>;
  certifications: Map<string, Certification[]>;
};

export type ExportSettings = { currency: string; timeZone: string };

type Json = Record<string, unknown>;

const orgRef = (party: { id: string; name: string }) => ({ id: party.id, name: party.name });
const money = (amount: number, settings: ExportSettings) => ({ amount, currency: settings.currency });
const startOfDay = (date: string, settings: ExportSettings) => localMidnight(date, settings.timeZone).toISOString();
/** The last second of a calendar day in the city: contract dates are inclusive. */
const endOfDay = (date: string, settings: ExportSettings) =>
  new Date(localMidnight(addCalendarDays(date, 1), settings.timeZone).getTime() - 1000).toISOString();

/** The award a contract came from: its winning bid's id, or the contract's own for contracts entered directly. */
export const awardIdOf = (contract: Contract): string => contract.bidId ?? contract.id;

/** The OCDS release of one process. Pure: the same data always gives the same release, id included. */
export function buildRelease(data: ProcessData, settings: ExportSettings): Json {
  const { solicitation, department } = data;
  const roles = new Map<string, Set<string>>([[department.id, new Set(['buyer'])]]);
  const addRole = (id: string, role: string) => (roles.get(id) ?? roles.set(id, new Set()).get(id)!).add(role);
  for (const bid of data.bids) addRole(bid.vendorId, 'tenderer');
  for (const contract of data.contracts) addRole(contract.vendorId, 'supplier');
  for (const payment of data.payments) {
    addRole(payment.payeeVendorId, 'payee');
    addRole(department.id, 'payer');
  }
  const buyer = { id: department.id, name: department.name };
  const vendorRef = (id: string) => orgRef({ id, name: data.vendors.get(id)!.legalName });

  const parties = [...roles].map(([id, partyRoles]) =>
    id === department.id
      ? {
          ...buyer,
          identifier: { scheme: DEPARTMENT_SCHEME, id: department.code, legalName: department.name },
          roles: [...partyRoles],
        }
      : vendorParty(data.vendors.get(id)!, data.certifications.get(id) ?? [], [...partyRoles]),
  );

  const release: Json = {
    ocid: data.ocid,
    id: '',
    date: data.changedAt.toISOString(),
    tag: [] as string[],
    initiationType: 'tender',
    parties,
    buyer,
  };
  const tag: string[] = [];
  if (solicitation) {
    release.tender = tenderOf(solicitation, data, vendorRef, settings);
    tag.push(solicitation.status === 'cancelled' ? 'tenderCancellation' : 'tender');
  }
  if (data.bids.length > 0) {
    release.bids = {
      details: data.bids.map((bid) => ({
        id: bid.id,
        date: bid.submittedAt.toISOString(),
        status: 'valid',
        tenderers: [vendorRef(bid.vendorId)],
        value: money(bid.amount, settings),
      })),
    };
  }
  if (data.contracts.length > 0) {
    tag.push('award', 'contract');
    release.awards = data.contracts.map((contract) => ({
      id: awardIdOf(contract),
      title: contract.title,
      status: 'active',
      date: (solicitation?.awardedAt ?? contract.createdAt).toISOString(),
      value: money(contract.value, settings),
      suppliers: [vendorRef(contract.vendorId)],
      contractPeriod: {
        startDate: startOfDay(contract.startDate, settings),
        endDate: endOfDay(contract.endDate, settings),
      },
    }));
    release.contracts = data.contracts.map((contract) => contractOf(contract, data, buyer, vendorRef, settings));
    if (data.payments.length > 0 || data.evaluations.length > 0) tag.push('implementation');
  }
  release.tag = tag;
  release.id = `${data.ocid}-${contentHash(release)}`;
  return release;
}

function vendorParty(vendor: Vendor, certifications: Certification[], roles: string[]): Json {
  const address = {
    ...(vendor.addressLine1 && {
      streetAddress: [vendor.addressLine1, vendor.addressLine2].filter(Boolean).join(', '),
    }),
    ...(vendor.city && { locality: vendor.city }),
    ...(vendor.region && { region: vendor.region }),
    ...(vendor.postalCode && { postalCode: vendor.postalCode }),
    ...(vendor.country && { countryName: vendor.country }),
  };
  return {
    id: vendor.id,
    name: vendor.legalName,
    identifier: { scheme: TAX_ID_SCHEME, id: vendor.taxId, legalName: vendor.legalName },
    ...(Object.keys(address).length > 0 && { address }),
    roles,
    ...(certifications.length > 0 && {
      details: {
        classifications: certifications.map((certification) => ({
          scheme: DIVERSITY_SCHEME,
          id: certification.type,
          description:
            `${certification.certifyingAgency}, certificate ${certification.certificateNumber}, ` +
            `valid from ${certification.validFrom}${certification.validTo ? ` to ${certification.validTo}` : ''}`,
        })),
      },
    }),
  };
}

function tenderOf(
  solicitation: Solicitation,
  data: ProcessData,
  vendorRef: (id: string) => Json,
  settings: ExportSettings,
): Json {
  const tenderers = [...new Set(data.bids.map((bid) => bid.vendorId))];
  const periodEnd = solicitation.closedAt ?? solicitation.dueAt;
  return {
    id: solicitation.id,
    title: solicitation.title,
    ...(solicitation.description && { description: solicitation.description }),
    status: TENDER_STATUS[solicitation.status as Exclude<SolicitationStatus, 'draft'>],
    procurementMethod: PROCUREMENT_METHOD[solicitation.method],
    procurementMethodDetails: solicitation.method,
    mainProcurementCategory: MAIN_CATEGORY[solicitation.category],
    ...(solicitation.estimatedValue !== null && { value: money(solicitation.estimatedValue, settings) }),
    ...((solicitation.publishedAt || periodEnd) && {
      tenderPeriod: {
        ...(solicitation.publishedAt && { startDate: solicitation.publishedAt.toISOString() }),
        ...(periodEnd && { endDate: periodEnd.toISOString() }),
      },
    }),
    numberOfTenderers: tenderers.length,
    ...(tenderers.length > 0 && { tenderers: tenderers.map(vendorRef) }),
    // The key-procurement extension (key-procurement-extension.ts).
    isKeyProcurement: solicitation.isKeyProcurement,
  };
}

function contractOf(
  contract: Contract,
  data: ProcessData,
  buyer: { id: string; name: string },
  vendorRef: (id: string) => Json,
  settings: ExportSettings,
): Json {
  const kpis = data.kpis.filter((kpi) => kpi.contractId === contract.id);
  const transactions = data.payments
    .filter((payment) => payment.contractId === contract.id)
    .map((payment) => ({
      id: payment.id,
      date: startOfDay(payment.paidOn, settings),
      value: money(payment.amount, settings),
      payer: buyer,
      payee: vendorRef(payment.payeeVendorId),
    }));
  const metrics = kpis
    .map((kpi) => ({ kpi, evaluations: data.evaluations.filter((evaluation) => evaluation.kpiId === kpi.id) }))
    .filter(({ evaluations }) => evaluations.length > 0)
    .map(({ kpi, evaluations }) => ({
      id: kpi.id,
      title: kpi.name,
      observations: evaluations.map((evaluation) => observationOf(evaluation, kpi, settings)),
    }));
  const implementation = {
    ...(transactions.length > 0 && { transactions }),
    ...(metrics.length > 0 && { metrics }),
  };
  return {
    id: contract.id,
    awardID: awardIdOf(contract),
    title: contract.title,
    status: CONTRACT_STATUS[contract.status],
    value: money(contract.value, settings),
    period: { startDate: startOfDay(contract.startDate, settings), endDate: endOfDay(contract.endDate, settings) },
    isKeyProcurement: contract.isKeyProcurement,
    ...(kpis.length > 0 && {
      agreedMetrics: kpis.map((kpi) => ({
        id: kpi.id,
        title: kpi.name,
        ...(kpi.description && { description: kpi.description }),
        observations: [
          {
            id: `${kpi.id}-target`,
            measure: kpi.target,
            unit: { name: kpi.unit },
            dimensions: {
              direction: kpi.direction,
              offTrackThreshold: String(kpi.offTrackThreshold),
              frequency: kpi.frequency,
              active: String(kpi.active),
            },
          },
        ],
      })),
    }),
    ...(Object.keys(implementation).length > 0 && { implementation }),
  };
}

function observationOf(evaluation: KpiEvaluation, kpi: Kpi, settings: ExportSettings): Json {
  const period = parsePeriod(evaluation.period)!;
  return {
    id: evaluation.id,
    period: {
      startDate: periodStartInstant(period, settings.timeZone).toISOString(),
      endDate: new Date(periodEndInstant(period, settings.timeZone).getTime() - 1000).toISOString(),
    },
    measure: evaluation.value,
    unit: { name: kpi.unit },
    // Our judgement of the period travels as dimensions: the extension has no status of its own.
    dimensions: {
      period: evaluation.period,
      status: evaluation.status,
      target: String(evaluation.target),
      offTrackThreshold: String(evaluation.offTrackThreshold),
    },
  };
}

/** A short digest of the release's content, so its id changes exactly when what it says changes. */
function contentHash(release: Json): string {
  const { id: _id, date: _date, ...content } = release;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}
