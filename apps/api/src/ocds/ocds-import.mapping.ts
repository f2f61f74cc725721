import { createHash } from 'node:crypto';
import {
  canonicalJson,
  isCalendarDate,
  isPlainEmailAddress,
  PROCUREMENT_METHODS,
  type ContractStatus,
  type ErrorDetail,
  type ProcurementMethod,
  type SolicitationCategory,
  type SolicitationStatus,
} from '#domain';
import { MAX_AMOUNT } from '../common/validation.js';
import { TAX_ID_SCHEME } from './ocds-release.mapping.js';

/** Something the import did not take as written: what it did instead, or that it left the item out. */
export type ImportNote = { path: string; message: string };

export type ImportReport = { repaired: ImportNote[]; skipped: ImportNote[] };

export type ImportedOrganization = {
  /** Our vendor tax id, or the department code: `scheme-id` of the identifier, else derived. */
  key: string;
  name: string;
  email: string | null;
};

export type ImportedPayment = { payeeKey: string; amount: number; paidOn: string; invoiceNumber: string; path: string };

export type ImportedContract = {
  path: string;
  id: string;
  title: string;
  vendorKey: string;
  value: number;
  startDate: string;
  endDate: string;
  status: ContractStatus;
  /** Read from the key-procurement extension when the release says; absent, the stored flag is left alone. */
  isKeyProcurement?: boolean;
  bidVendorKey: string | null;
  payments: ImportedPayment[];
};

export type ImportedProcess = {
  ocid: string;
  path: string;
  buyer: ImportedOrganization;
  organizations: Map<string, ImportedOrganization>;
  tender: {
    title: string;
    description: string | null;
    category: SolicitationCategory;
    method: ProcurementMethod;
    status: SolicitationStatus;
    estimatedValue: number | null;
    publishedAt: Date | null;
    closedAt: Date | null;
    awardedAt: Date | null;
    cancelledAt: Date | null;
    /** Read from the key-procurement extension when the release says; absent, the stored flag is left alone. */
    isKeyProcurement?: boolean;
  } | null;
  bids: { vendorKey: string; amount: number; submittedAt: Date; path: string }[];
  contracts: ImportedContract[];
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/**
 * The key-procurement extension's field, when the release sets it: a boolean is taken, anything else is left out
 * (noted), and an absent field says nothing, so another publisher's file never clears a flag the city set.
 */
function keyProcurementOf(owner: Json, path: string, report: ImportReport): { isKeyProcurement?: boolean } {
  const value = owner.isKeyProcurement;
  if (typeof value === 'boolean') return { isKeyProcurement: value };
  if (value !== undefined && value !== null)
    report.skipped.push({ path: `${path}.isKeyProcurement`, message: 'not true or false: left as it was' });
  return {};
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null;

/**
 * Checks the shape an import relies on: a package (or one bare release), and objects and arrays where OCDS has
 * them. Anything else is a malformed file, refused as a whole with every problem by JSON path.
 */
export function packageErrors(body: unknown): ErrorDetail[] {
  if (!isObject(body))
    return [{ field: '$', message: 'must be a release package or a record package (a JSON object)' }];
  const errors: ErrorDetail[] = [];
  const expect = (value: unknown, path: string, kind: 'object' | 'array' | 'objects') => {
    if (value === undefined || value === null) return false;
    const ok = kind === 'object' ? isObject(value) : Array.isArray(value);
    if (!ok) errors.push({ field: path, message: `must be ${kind === 'object' ? 'an object' : 'an array'}` });
    if (ok && kind === 'objects') {
      (value as unknown[]).forEach((item, index) => {
        if (!isObject(item)) errors.push({ field: `${path}[${index}]`, message: 'must be an object' });
      });
    }
    return ok;
  };
  const release = (value: Json, path: string) => {
    if (!text(value.ocid)) errors.push({ field: `${path}.ocid`, message: 'must be a non-empty string' });
    expect(value.parties, `${path}.parties`, 'objects');
    expect(value.buyer, `${path}.buyer`, 'object');
    if (expect(value.tender, `${path}.tender`, 'object')) {
      expect((value.tender as Json).tenderers, `${path}.tender.tenderers`, 'objects');
    }
    if (expect(value.bids, `${path}.bids`, 'object'))
      expect((value.bids as Json).details, `${path}.bids.details`, 'objects');
    if (expect(value.awards, `${path}.awards`, 'objects')) {
      (value.awards as unknown[]).forEach((award, index) => {
        if (isObject(award)) expect(award.suppliers, `${path}.awards[${index}].suppliers`, 'objects');
      });
    }
    if (expect(value.contracts, `${path}.contracts`, 'objects')) {
      (value.contracts as unknown[]).forEach((contract, index) => {
        if (!isObject(contract)) return;
        const at = `${path}.contracts[${index}].implementation`;
        if (expect(contract.implementation, at, 'object')) {
          expect((contract.implementation as Json).transactions, `${at}.transactions`, 'objects');
        }
      });
    }
  };
  if ('releases' in body) {
    if (expect(body.releases, '$.releases', 'objects')) {
      (body.releases as unknown[]).forEach((item, index) => isObject(item) && release(item, `$.releases[${index}]`));
    } else if (body.releases === null) errors.push({ field: '$.releases', message: 'must be an array' });
  } else if ('records' in body) {
    if (expect(body.records, '$.records', 'objects')) {
      (body.records as unknown[]).forEach((record, index) => {
        if (!isObject(record)) return;
        const path = `$.records[${index}]`;
        if (!text(record.ocid)) errors.push({ field: `${path}.ocid`, message: 'must be a non-empty string' });
        if (expect(record.compiledRelease, `${path}.compiledRelease`, 'object')) {
          release(record.compiledRelease as Json, `${path}.compiledRelease`);
        }
      });
    } else if (body.records === null) errors.push({ field: '$.records', message: 'must be an array' });
  } else if ('ocid' in body) {
    release(body, '$');
  } else {
    errors.push({ field: '$', message: 'must have releases (a release package) or records (a record package)' });
  }
  return errors;
}

/** A release as published, and where in the file it was found. */
export type IncomingRelease = { ocid: string; releaseId: string; release: Json; path: string };

/** Releases embedded in a record in full (not just linked by `url`): the record's own history. */
const embeddedReleases = (record: Json): Json[] | null => {
  const releases = Array.isArray(record.releases) ? record.releases.filter(isObject) : [];
  const full = releases.filter((release) => text(release.id) && (release.tender || release.awards || release.parties));
  return full.length > 0 && full.length === releases.length ? full : null;
};

/**
 * Every release the file holds, each to be kept by ocid and release id. A record package gives its records'
 * embedded releases, or, when they are only linked, its `compiledRelease` (one release that says it all).
 */
export function releasesOf(body: Json, report: ImportReport): IncomingRelease[] {
  const found: { release: Json; path: string }[] = [];
  if ('records' in body) {
    (body.records as Json[]).forEach((record, index) => {
      const path = `$.records[${index}]`;
      const embedded = embeddedReleases(record);
      if (embedded) embedded.forEach((release, at) => found.push({ release, path: `${path}.releases[${at}]` }));
      else if (isObject(record.compiledRelease))
        found.push({ release: record.compiledRelease, path: `${path}.compiledRelease` });
      else report.skipped.push({ path, message: 'record without compiledRelease: nothing to import' });
    });
  } else if ('releases' in body) {
    (body.releases as Json[]).forEach((release, index) => found.push({ release, path: `$.releases[${index}]` }));
  } else {
    report.repaired.push({ path: '$', message: 'a bare release, not a package: read as a package of one release' });
    found.push({ release: body, path: '$' });
  }
  return found.map(({ release, path }) => {
    let releaseId = text(release.id);
    if (!releaseId) {
      // The content names the release, so the same release in another file is still the same one.
      releaseId = `release-${shortHash(canonicalJson(release))}`;
      report.repaired.push({ path: `${path}.id`, message: `release without id: kept as ${releaseId}` });
    }
    return { ocid: text(release.ocid)!, releaseId, release, path };
  });
}

const shortHash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12).toUpperCase();

/** `fieldPath` is where the value was found; notes go to `report`. */
export function toAmount(value: unknown, path: string, report: ImportReport): number | null {
  let amount: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) amount = value;
  else if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    report.repaired.push({ path, message: 'amount given as a string: read as a number' });
    amount = Number(value);
  }
  if (amount === null) return null;
  // Amounts are kept in cents.
  const cents = Math.round(amount * 100) / 100;
  if (cents !== amount) report.repaired.push({ path, message: `amount rounded to cents: ${cents}` });
  return cents;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;

export function toInstant(value: unknown, path: string, report: ImportReport): Date | null {
  if (typeof value !== 'string') return null;
  if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value);
  if (LOCAL.test(value) && !Number.isNaN(Date.parse(`${value.length === 10 ? `${value}T00:00:00` : value}Z`))) {
    report.repaired.push({ path, message: 'date without a time zone: read as UTC' });
    return new Date(`${value.length === 10 ? `${value}T00:00:00` : value}Z`);
  }
  report.skipped.push({ path, message: `not a date: ${value.slice(0, 40)}` });
  return null;
}

/** The calendar date as the publisher wrote it (their local day), which is what our contract dates are. */
export function toCalendarDate(value: unknown, path: string, report: ImportReport): string | null {
  if (typeof value === 'string' && isCalendarDate(value.slice(0, 10))) return value.slice(0, 10);
  if (value !== undefined && value !== null) report.skipped.push({ path, message: 'not a date' });
  return null;
}

/** Text within the length the API allows for the field it goes to; longer text is shortened, noted. */
export function bounded(value: string, max: number, path: string, report: ImportReport): string {
  if (value.length <= max) return value;
  report.repaired.push({ path, message: `longer than ${max} characters: shortened` });
  return value.slice(0, max);
}

/** The form the API takes for reference and contract numbers. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

/**
 * A reference or contract number as the API would take it: other characters become "-" (publishers write
 * `Contrato No. 12/2014`), and one longer than 64 keeps its start and a digest of the whole. Noted when changed.
 */
export function toReference(value: string, path: string, report: ImportReport): string {
  if (REFERENCE.test(value)) return value;
  let reference = value.replace(/[^A-Za-z0-9._/-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  if (reference.length > 64 || reference === '') reference = `${reference.slice(0, 51)}-${shortHash(value)}`;
  reference = reference.replace(/^-/, '');
  report.repaired.push({ path, message: `not a valid reference number: recorded as ${reference}` });
  return reference;
}

/** Amounts the API would take: not negative (or positive, for payments) and within the numeric column. */
const inRange = (amount: number | null, least: 'zero' | 'cent'): amount is number =>
  amount !== null && (least === 'zero' ? amount >= 0 : amount >= 0.01) && amount <= MAX_AMOUNT;

const CATEGORY: Record<string, SolicitationCategory> = {
  goods: 'goods',
  services: 'services',
  works: 'construction',
  consultingServices: 'professional_services',
};
const METHOD: Record<string, ProcurementMethod> = {
  open: 'rfp',
  selective: 'cooperative',
  limited: 'rfq',
  direct: 'sole_source',
};
const CONTRACT_STATUS: Record<string, ContractStatus> = {
  pending: 'active',
  active: 'active',
  terminated: 'completed',
  cancelled: 'terminated',
};

/** Maps one (compiled) release to what we keep. Pure; every guess and every omission is noted by path. */
export function mapRelease(
  release: Json,
  path: string,
  ocidPrefix: string,
  report: ImportReport,
  now: Date,
): ImportedProcess | null {
  const ocid = text(release.ocid)!;
  const parties = new Map<string, Json>();
  const partyPaths = new Map<Json, string>();
  ((release.parties as Json[] | undefined) ?? []).forEach((party, index) => {
    const id = text(party.id);
    if (id) parties.set(id, party);
    partyPaths.set(party, `${path}.parties[${index}]`);
  });
  const organizations = new Map<string, ImportedOrganization>();

  /** Resolves an organization reference (1.1) or an embedded organization (1.0) to our key. */
  const organization = (ref: unknown, at: string): ImportedOrganization | null => {
    if (!isObject(ref)) return null;
    const party = (text(ref.id) && parties.get(text(ref.id)!)) || ref;
    const identifier = isObject(party.identifier) ? party.identifier : isObject(ref.identifier) ? ref.identifier : ref;
    const scheme = text(identifier.scheme);
    const id = text(identifier.id);
    const name = text(party.name) ?? text(identifier.legalName) ?? text(party.legalName) ?? text(ref.name);
    if (!name && !id) {
      report.skipped.push({ path: at, message: 'organization without a name or identifier' });
      return null;
    }
    let key: string;
    if (scheme && id) key = scheme === TAX_ID_SCHEME ? id : `${scheme}-${id}`;
    else {
      // Stable across releases: the publisher's own id when there is one, else the name within this process.
      key = `OCDS-${shortHash(text(ref.id) ?? id ?? `${ocid}|${name}`)}`;
      report.repaired.push({ path: at, message: `no identifier scheme and id: derived key ${key}` });
    }
    const seen = organizations.get(key.slice(0, 64));
    if (seen) return seen;
    // Notes once per organization: it is referenced from many places of the release.
    const partyPath = partyPaths.get(party) ?? at;
    key = bounded(key, 64, `${partyPath}.identifier`, report);
    const contact = isObject(party.contactPoint) ? party.contactPoint : {};
    let email = text(contact.email);
    if (email && !isPlainEmailAddress(email)) {
      report.repaired.push({
        path: `${partyPath}.contactPoint.email`,
        message: `not a plain email address (${email.slice(0, 60)}): not stored`,
      });
      email = null;
    }
    const found = { key, name: bounded(name ?? id!, 300, `${partyPath}.name`, report), email };
    organizations.set(key, found);
    return found;
  };

  const buyerRef =
    release.buyer ??
    [...parties.values()].find((party) => Array.isArray(party.roles) && party.roles.includes('buyer')) ??
    (isObject(release.tender) ? release.tender.procuringEntity : undefined);
  const buyerFound = organization(buyerRef, `${path}.buyer`);
  if (!buyerFound) {
    report.skipped.push({ path, message: 'no buyer: the process cannot be given a department' });
    return null;
  }
  // A department's name is shorter than a vendor's.
  const buyer = { ...buyerFound, name: bounded(buyerFound.name, 200, `${path}.buyer.name`, report) };

  const tenderJson = isObject(release.tender) ? release.tender : null;
  const awards = ((release.awards as Json[] | undefined) ?? []).map((award, index) => ({
    award,
    path: `${path}.awards[${index}]`,
  }));
  const awardDates = awards
    .map(({ award, path: at }) => toInstant(award.date, `${at}.date`, report))
    .filter((date): date is Date => date !== null);
  const awardedAt = awardDates.length > 0 ? new Date(Math.max(...awardDates.map(Number))) : null;

  let tender: ImportedProcess['tender'] = null;
  if (tenderJson) {
    const at = `${path}.tender`;
    const period = isObject(tenderJson.tenderPeriod) ? tenderJson.tenderPeriod : {};
    const details = text(tenderJson.procurementMethodDetails);
    const ocdsMethod = text(tenderJson.procurementMethod);
    let method: ProcurementMethod;
    if (details && (PROCUREMENT_METHODS as readonly string[]).includes(details)) method = details as ProcurementMethod;
    else if (ocdsMethod && METHOD[ocdsMethod]) method = METHOD[ocdsMethod];
    else {
      method = 'rfp';
      report.repaired.push({ path: `${at}.procurementMethod`, message: 'missing or unknown method: recorded as rfp' });
    }
    const categoryText = text(tenderJson.mainProcurementCategory);
    const category = (categoryText && CATEGORY[categoryText]) || 'services';
    if (!categoryText || !CATEGORY[categoryText]) {
      report.repaired.push({
        path: `${at}.mainProcurementCategory`,
        message: 'missing or unknown category: recorded as services',
      });
    }
    const title = text(tenderJson.title) ?? text(release.title) ?? ocid;
    if (!text(tenderJson.title))
      report.repaired.push({ path: `${at}.title`, message: `no title: recorded as ${title.slice(0, 60)}` });
    const status = text(tenderJson.status);
    const publishedAt = toInstant(period.startDate, `${at}.tenderPeriod.startDate`, report);
    const closedAt = toInstant(period.endDate, `${at}.tenderPeriod.endDate`, report);
    const cancelled = status === 'cancelled' || status === 'unsuccessful' || status === 'withdrawn';
    const value = isObject(tenderJson.value) ? toAmount(tenderJson.value.amount, `${at}.value.amount`, report) : null;
    tender = {
      title: bounded(title, 300, `${at}.title`, report),
      description: (() => {
        const description = text(tenderJson.description);
        return description === null ? null : bounded(description, 10_000, `${at}.description`, report);
      })(),
      category,
      method,
      status:
        awards.length > 0
          ? 'awarded'
          : cancelled
            ? 'cancelled'
            : status === 'planning' || status === 'planned'
              ? 'draft'
              : closedAt && closedAt < now
                ? 'closed'
                : 'published',
      estimatedValue: inRange(value, 'zero') ? value : null,
      publishedAt,
      closedAt,
      awardedAt: awards.length > 0 ? awardedAt : null,
      cancelledAt: cancelled && awards.length === 0 ? (toInstant(release.date, `${path}.date`, report) ?? null) : null,
      ...keyProcurementOf(tenderJson, at, report),
    };
  }

  // Bids: the bid extension's details, else tenderers (1.0) with the award's value for the winners.
  const bids: ImportedProcess['bids'] = [];
  const bidDetails = isObject(release.bids) ? ((release.bids.details as Json[] | undefined) ?? []) : [];
  const fallbackSubmitted =
    (tenderJson && isObject(tenderJson.tenderPeriod)
      ? toInstant(tenderJson.tenderPeriod.endDate, `${path}.tender.tenderPeriod.endDate`, { repaired: [], skipped: [] })
      : null) ?? toInstant(release.date, `${path}.date`, { repaired: [], skipped: [] });
  bidDetails.forEach((bid, index) => {
    const at = `${path}.bids.details[${index}]`;
    const tenderer = organization((bid.tenderers as Json[] | undefined)?.[0], `${at}.tenderers[0]`);
    const amount = isObject(bid.value) ? toAmount(bid.value.amount, `${at}.value.amount`, report) : null;
    const submittedAt = toInstant(bid.date, `${at}.date`, report) ?? fallbackSubmitted;
    if (!tenderer || !inRange(amount, 'zero') || !submittedAt) {
      report.skipped.push({ path: at, message: 'bid without a tenderer, an amount or a date' });
      return;
    }
    bids.push({ vendorKey: tenderer.key, amount, submittedAt, path: at });
  });

  const supplierOfAward = new Map<string, { key: string; value: number | null }>();
  awards.forEach(({ award, path: at }) => {
    const suppliers = (award.suppliers as Json[] | undefined) ?? [];
    const supplier = organization(suppliers[0], `${at}.suppliers[0]`);
    if (suppliers.length > 1)
      report.skipped.push({
        path: `${at}.suppliers`,
        message: 'more than one supplier: the first is the contract vendor',
      });
    const value = isObject(award.value) ? toAmount(award.value.amount, `${at}.value.amount`, report) : null;
    const id = text(award.id);
    if (!id) report.repaired.push({ path: `${at}.id`, message: 'award without id: matched to contracts by position' });
    if (supplier)
      supplierOfAward.set(id ?? `#${awards.findIndex((item) => item.award === award)}`, { key: supplier.key, value });
  });

  if (tenderJson && bidDetails.length === 0) {
    const winners = new Map([...supplierOfAward.values()].map((supplier) => [supplier.key, supplier.value]));
    ((tenderJson.tenderers as Json[] | undefined) ?? []).forEach((ref, index) => {
      const at = `${path}.tender.tenderers[${index}]`;
      const tenderer = organization(ref, at);
      if (!tenderer) return;
      const amount = winners.get(tenderer.key);
      if (amount === undefined || amount === null || !fallbackSubmitted) {
        report.skipped.push({ path: at, message: 'tenderer without a bid amount: recorded as a vendor, not as a bid' });
        return;
      }
      report.repaired.push({ path: at, message: 'bid amount taken from the award' });
      bids.push({ vendorKey: tenderer.key, amount, submittedAt: fallbackSubmitted, path: at });
    });
  }

  const contracts: ImportedContract[] = [];
  ((release.contracts as Json[] | undefined) ?? []).forEach((contract, index) => {
    const at = `${path}.contracts[${index}]`;
    const awardId = text(contract.awardID);
    let supplier = awardId ? supplierOfAward.get(awardId) : undefined;
    if (!supplier && (awardId === null || !supplierOfAward.has(awardId))) {
      supplier =
        supplierOfAward.get(`#${index}`) ?? (supplierOfAward.size === 1 ? [...supplierOfAward.values()][0] : undefined);
      if (supplier)
        report.repaired.push({
          path: `${at}.awardID`,
          message: awardId
            ? `award ${awardId} not found: matched by position`
            : 'no awardID: matched to the award by position',
        });
    }
    const contractSuppliers = (contract.suppliers as Json[] | undefined) ?? [];
    if (!supplier && contractSuppliers.length > 0) {
      const found = organization(contractSuppliers[0], `${at}.suppliers[0]`);
      if (found) supplier = { key: found.key, value: null };
    }
    if (!supplier) {
      report.skipped.push({ path: at, message: 'contract without a supplier' });
      return;
    }
    const value =
      (isObject(contract.value) ? toAmount(contract.value.amount, `${at}.value.amount`, report) : null) ??
      supplier.value;
    if (!inRange(value, 'zero')) {
      report.skipped.push({ path: `${at}.value`, message: 'contract without a usable value' });
      return;
    }
    const written = text(contract.id);
    const id = written ? toReference(written, `${at}.id`, report) : `${index + 1}`;
    if (!written) report.repaired.push({ path: `${at}.id`, message: `contract without id: numbered ${id}` });
    const period = isObject(contract.period) ? contract.period : {};
    let startDate = toCalendarDate(period.startDate, `${at}.period.startDate`, report);
    let endDate = toCalendarDate(period.endDate, `${at}.period.endDate`, report);
    if (!startDate) {
      startDate =
        toCalendarDate(contract.dateSigned, `${at}.dateSigned`, report) ??
        (awardedAt ?? toInstant(release.date, `${path}.date`, report) ?? new Date(0)).toISOString().slice(0, 10);
      report.repaired.push({ path: `${at}.period.startDate`, message: `no start date: derived ${startDate}` });
    }
    if (!endDate || endDate < startDate) {
      endDate = startDate;
      report.repaired.push({ path: `${at}.period.endDate`, message: `no usable end date: derived ${endDate}` });
    }
    const statusText = text(contract.status);
    const status = (statusText && CONTRACT_STATUS[statusText]) || 'active';
    if (statusText && !CONTRACT_STATUS[statusText])
      report.repaired.push({ path: `${at}.status`, message: `unknown status ${statusText}: recorded as active` });

    const payments: ImportedPayment[] = [];
    const implementation = isObject(contract.implementation) ? contract.implementation : {};
    ((implementation.transactions as Json[] | undefined) ?? []).forEach((transaction, tIndex) => {
      const tAt = `${at}.implementation.transactions[${tIndex}]`;
      const payeeRef = transaction.payee ?? transaction.receiverOrganization;
      if (!transaction.payee && transaction.receiverOrganization)
        report.repaired.push({
          path: `${tAt}.receiverOrganization`,
          message: 'OCDS 1.0 receiverOrganization read as payee',
        });
      const payee = organization(payeeRef, `${tAt}.payee`) ?? organizations.get(supplier.key)!;
      const money = isObject(transaction.value)
        ? transaction.value
        : isObject(transaction.amount)
          ? transaction.amount
          : null;
      if (!transaction.value && money)
        report.repaired.push({ path: `${tAt}.amount`, message: 'OCDS 1.0 amount read as value' });
      const amount = money ? toAmount(money.amount, `${tAt}.value.amount`, report) : null;
      let paidOn = toCalendarDate(transaction.date, `${tAt}.date`, report);
      if (!paidOn) {
        // Publishers that omit the date still mean a payment under this contract: date it at the contract's end.
        paidOn = endDate;
        report.repaired.push({
          path: `${tAt}.date`,
          message: `transaction without date: dated ${paidOn}, the contract's end`,
        });
      }
      if (!inRange(amount, 'cent')) {
        report.skipped.push({ path: tAt, message: 'transaction without a positive amount' });
        return;
      }
      let invoiceNumber = text(transaction.id);
      if (!invoiceNumber) {
        invoiceNumber = `OCDS-${shortHash(`${paidOn}|${amount}|${payee?.key}|${tIndex}`)}`;
        report.repaired.push({ path: `${tAt}.id`, message: `transaction without id: invoice number ${invoiceNumber}` });
      }
      if (payments.some((payment) => payment.invoiceNumber === invoiceNumber && payment.payeeKey === payee.key)) {
        report.skipped.push({ path: tAt, message: `duplicate of transaction ${invoiceNumber}` });
        return;
      }
      payments.push({
        payeeKey: payee.key,
        amount,
        paidOn,
        invoiceNumber: bounded(invoiceNumber, 64, `${tAt}.id`, report),
        path: tAt,
      });
    });

    contracts.push({
      path: at,
      id,
      title: bounded(text(contract.title) ?? tender?.title ?? id, 300, `${at}.title`, report),
      vendorKey: supplier.key,
      value,
      startDate,
      endDate,
      status,
      ...keyProcurementOf(contract, at, report),
      bidVendorKey: bids.some((bid) => bid.vendorKey === supplier.key) ? supplier.key : null,
      payments,
    });
  });

  const reference = ocid.startsWith(`${ocidPrefix}-`) ? ocid.slice(ocidPrefix.length + 1) : ocid;
  return { ocid: toReference(reference, `${path}.ocid`, report), path, buyer, organizations, tender, bids, contracts };
}
