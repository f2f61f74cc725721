import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bid, Contract, Department, Payment, Solicitation, Vendor } from '#database';
import { DomainError, type Actor, type Clock } from '#domain';
import { type AppEnv, CLOCK } from '#runtime';
import { DataSource, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { mapRelease, packageErrors, releasesOf, type ImportNote, type ImportReport } from './ocds-import.mapping.js';
import { compiledRecord, keepRelease, latestPathByOcid, type ReleaseOutcome } from './ocds-release-store.js';

type Kind = 'departments' | 'vendors' | 'solicitations' | 'bids' | 'contracts' | 'payments';
type Counts = Record<Kind, number>;

export type OcdsImportResult = {
  /** The file's releases: newly kept, replacing a kept version, or nothing new. */
  releases: Record<ReleaseOutcome, number>;
  created: Counts;
  updated: Counts;
  unchanged: Counts;
  repaired: ImportNote[];
  skipped: ImportNote[];
};

const ENTITY_TYPE: Record<Kind, string> = {
  departments: 'department',
  vendors: 'vendor',
  solicitations: 'solicitation',
  bids: 'bid',
  contracts: 'contract',
  payments: 'payment',
};

const zero = (): Counts => ({ departments: 0, vendors: 0, solicitations: 0, bids: 0, contracts: 0, payments: 0 });
const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12).toUpperCase();

/** Department codes are 1-32 letters, digits, "-" or "_": longer or other keys are shortened with a digest. */
function departmentCode(key: string): string {
  const code = key.replace(/[^A-Za-z0-9_-]+/g, '-');
  return code.length <= 32 ? code : `${code.slice(0, 19)}-${hash(key)}`;
}

const PLACEHOLDER_DOMAIN = '@ocds-import.invalid';
const placeholderEmail = (key: string) => `unknown-${hash(key).toLowerCase()}${PLACEHOLDER_DOMAIN}`;

const same = (a: unknown, b: unknown): boolean =>
  a instanceof Date || b instanceof Date
    ? (a as Date | null)?.getTime?.() === (b as Date | null)?.getTime?.()
    : typeof a === 'number' || typeof b === 'number'
      ? a === b || (a !== null && b !== null && Number(a) === Number(b))
      : a === b;

/**
 * Imports a release or record package: departments, vendors, solicitations, bids, contracts and payments are
 * found by their natural keys and created, updated or left alone, all in one transaction.
 */
@Injectable()
export class OcdsImportService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppEnv, true>,
    private readonly audit: AuditService,
  ) {}

  async import(body: unknown, actor: Actor): Promise<OcdsImportResult> {
    const errors = packageErrors(body);
    if (errors.length > 0) {
      throw new DomainError(
        'INVALID_INPUT',
        `The file is not a usable OCDS package (${errors.length} problems); nothing was imported`,
        errors.slice(0, 1000),
      );
    }
    const report: ImportReport = { repaired: [], skipped: [] };
    const prefix = this.config.get('OCDS_PREFIX', { infer: true }) ?? 'ocds-cpt000';
    const incoming = releasesOf(body as Record<string, unknown>, report);
    const result: OcdsImportResult = {
      releases: { created: 0, updated: 0, unchanged: 0 },
      created: zero(),
      updated: zero(),
      unchanged: zero(),
      ...report,
    };

    await this.dataSource.transaction(async (manager) => {
      const counted = new Set<string>();
      const upsert = async <T extends ObjectLiteral & { id: string }>(
        kind: Kind,
        entity: EntityTarget<T>,
        where: FindOptionsWhere<T>,
        fields: Partial<T>,
        createOnly: Partial<T> = {},
      ): Promise<T> => {
        const existing = await manager.findOneBy(entity, where);
        const count = (outcome: 'created' | 'updated' | 'unchanged', id: string) => {
          if (!counted.has(`${kind}:${id}`)) result[outcome][kind]++;
          counted.add(`${kind}:${id}`);
        };
        if (!existing) {
          const saved = await manager.save(entity, manager.create(entity, { ...where, ...createOnly, ...fields } as T));
          count('created', saved.id);
          await this.audit.record(manager, actor, {
            action: 'create',
            entityType: ENTITY_TYPE[kind],
            entityId: saved.id,
            after: saved,
          });
          return saved;
        }
        const changed = Object.keys(fields).filter((key) => !same(existing[key], fields[key as keyof T]));
        if (changed.length === 0) {
          count('unchanged', existing.id);
          return existing;
        }
        const before = { ...existing };
        const saved = await manager.save(entity, Object.assign(existing, fields));
        // Created earlier in this same import: still a creation.
        if (!counted.has(`${kind}:${saved.id}`)) count('updated', saved.id);
        await this.audit.record(manager, actor, {
          action: 'update',
          entityType: ENTITY_TYPE[kind],
          entityId: saved.id,
          before,
          after: saved,
        });
        return saved;
      };

      // One import at a time: each compiles its records from what the others have kept.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ocds_releases'))`);
      for (const release of incoming) result.releases[await keepRelease(manager, release, report)]++;
      for (const [ocid, path] of latestPathByOcid(incoming)) {
        const process = mapRelease(await compiledRecord(manager, ocid), path, prefix, report, this.clock.now());
        if (process) await this.importProcess(manager, process, upsert);
      }
    });
    return result;
  }

  private async importProcess(
    manager: EntityManager,
    process: NonNullable<ReturnType<typeof mapRelease>>,
    upsert: <T extends ObjectLiteral & { id: string }>(
      kind: Kind,
      entity: EntityTarget<T>,
      where: FindOptionsWhere<T>,
      fields: Partial<T>,
      createOnly?: Partial<T>,
    ) => Promise<T>,
  ): Promise<void> {
    /**
     * A placeholder contact gives way to the address a later release names (stages publish parties unevenly);
     * an address already known is left alone, as it may have been corrected by hand.
     */
    const contact = async <T extends ObjectLiteral>(
      entity: EntityTarget<T>,
      where: FindOptionsWhere<T>,
      field: keyof T & string,
      email: string | null,
    ): Promise<Partial<T>> => {
      if (!email) return {};
      const stored = await manager.findOneBy(entity, where);
      return stored && String(stored[field]).endsWith(PLACEHOLDER_DOMAIN) ? ({ [field]: email } as Partial<T>) : {};
    };

    const code = departmentCode(process.buyer.key);
    const department = await upsert(
      'departments',
      Department,
      { code },
      { name: process.buyer.name, ...(await contact(Department, { code }, 'headEmail', process.buyer.email)) },
      {
        headEmail: process.buyer.email ?? placeholderEmail(code),
      },
    );
    const vendors = new Map<string, Vendor>();
    for (const organization of process.organizations.values()) {
      if (organization.key === process.buyer.key) continue;
      vendors.set(
        organization.key,
        await upsert(
          'vendors',
          Vendor,
          { taxId: organization.key },
          {
            legalName: organization.name,
            ...(await contact(Vendor, { taxId: organization.key }, 'email', organization.email)),
          },
          {
            email: organization.email ?? placeholderEmail(organization.key),
          },
        ),
      );
    }
    const vendorOf = (key: string) => vendors.get(key) ?? vendors.get(process.buyer.key)!;

    let solicitation: Solicitation | null = null;
    const bidsByVendor = new Map<string, Bid>();
    if (process.tender) {
      solicitation = await upsert(
        'solicitations',
        Solicitation,
        { referenceNumber: process.ocid },
        {
          ...process.tender,
          departmentId: department.id,
        },
      );
      for (const bid of process.bids) {
        const vendor = vendorOf(bid.vendorKey);
        if (!vendor) continue;
        bidsByVendor.set(
          bid.vendorKey,
          await upsert(
            'bids',
            Bid,
            { solicitationId: solicitation.id, vendorId: vendor.id },
            {
              amount: bid.amount,
              submittedAt: bid.submittedAt,
            },
          ),
        );
      }
    }

    for (const contract of process.contracts) {
      const vendor = vendorOf(contract.vendorKey);
      // Contract ids are often unique only within their process: a clash takes the reference as a prefix. A
      // holder without a solicitation, of this department and vendor, is this contract imported before its
      // tender's release was in.
      let number = contract.id.slice(0, 64);
      const holder = await manager.findOneBy(Contract, { number });
      const sameProcess =
        holder &&
        (holder.solicitationId === (solicitation?.id ?? null) ||
          (holder.solicitationId === null && holder.departmentId === department.id && holder.vendorId === vendor.id));
      if (holder && !sameProcess) number = `${process.ocid}/${contract.id}`.slice(0, 64);
      const saved = await upsert(
        'contracts',
        Contract,
        { number },
        {
          title: contract.title,
          vendorId: vendor.id,
          departmentId: department.id,
          solicitationId: solicitation?.id ?? null,
          bidId: contract.bidVendorKey ? (bidsByVendor.get(contract.bidVendorKey)?.id ?? null) : null,
          value: contract.value,
          startDate: contract.startDate,
          endDate: contract.endDate,
          status: contract.status,
          ...(contract.isKeyProcurement !== undefined && { isKeyProcurement: contract.isKeyProcurement }),
        },
        { managerEmail: department.headEmail },
      );
      for (const payment of contract.payments) {
        await upsert(
          'payments',
          Payment,
          {
            contractId: saved.id,
            payeeVendorId: vendorOf(payment.payeeKey).id,
            invoiceNumber: payment.invoiceNumber,
          },
          { amount: payment.amount, paidOn: payment.paidOn },
        );
      }
    }
  }
}
