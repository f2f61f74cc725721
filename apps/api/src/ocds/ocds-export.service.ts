import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bid, Certification, Contract, Department, Kpi, KpiEvaluation, Payment, Solicitation, Vendor } from '#database';
import { DomainError } from '#domain';
import { DataSource, In } from 'typeorm';
import type { ApiEnv } from '../config/api-env.js';
import type { OcdsReleasesQuery } from './dto/ocds-releases.query.js';
import { buildRelease, type ProcessData } from './ocds-release.mapping.js';

type ProcessRow = { kind: 'solicitation' | 'contract'; id: string; localId: string; changedAt: string };

/**
 * One row per procurement process with the last time anything in it changed: a solicitation (with its bids, the
 * contracts awarded from it and their KPIs, evaluations and payments) or a contract entered directly. Drafts are
 * internal and never published. Times are microsecond text, so the cursor compares exactly what PostgreSQL holds.
 */
const PROCESSES_SQL = `
WITH contract_changes AS (
  SELECT c.id, c.solicitation_id, c.number,
         greatest(c.updated_at,
                  (SELECT max(p.created_at) FROM payments p WHERE p.contract_id = c.id),
                  (SELECT max(k.updated_at) FROM kpis k WHERE k.contract_id = c.id),
                  (SELECT max(e.evaluated_at) FROM kpi_evaluations e WHERE e.contract_id = c.id)) AS changed_at
  FROM contracts c
), processes AS (
  SELECT 'solicitation' AS kind, s.id, s.reference_number AS local_id,
         greatest(s.updated_at,
                  (SELECT max(b.created_at) FROM bids b WHERE b.solicitation_id = s.id),
                  (SELECT max(cc.changed_at) FROM contract_changes cc WHERE cc.solicitation_id = s.id)) AS changed_at
  FROM solicitations s
  WHERE s.status <> 'draft'
  UNION ALL
  SELECT 'contract', cc.id, cc.number, cc.changed_at FROM contract_changes cc WHERE cc.solicitation_id IS NULL
)
SELECT kind, id, local_id AS "localId",
       to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "changedAt"
FROM processes
WHERE ($1::timestamptz IS NULL OR changed_at >= $1)
  AND ($2::timestamptz IS NULL OR (changed_at, id) > ($2, $3::uuid))
ORDER BY changed_at, id
LIMIT $4`;

export type ReleasePage = { releases: object[]; nextCursor: string | null };

@Injectable()
export class OcdsExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<ApiEnv, true>,
  ) {}

  /** A page of releases in the order processes changed; a fixed number of queries whatever the page holds. */
  async releases(query: OcdsReleasesQuery): Promise<ReleasePage> {
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows: ProcessRow[] = await this.dataSource.query(PROCESSES_SQL, [
      query.since ?? null,
      after?.changedAt ?? null,
      after?.id ?? null,
      query.limit + 1,
    ]);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor = rows.length > query.limit && last ? encodeCursor(last) : null;
    const processes = await this.load(page);
    const settings = { currency: this.config.get('CURRENCY'), timeZone: this.config.get('CITY_TIMEZONE') };
    return { releases: processes.map((process) => buildRelease(process, settings)), nextCursor };
  }

  private async load(page: ProcessRow[]): Promise<ProcessData[]> {
    const manager = this.dataSource.manager;
    const solicitationIds = page.filter((row) => row.kind === 'solicitation').map((row) => row.id);
    const directIds = page.filter((row) => row.kind === 'contract').map((row) => row.id);
    const [solicitations, bids, contracts] = await Promise.all([
      manager.findBy(Solicitation, { id: In(solicitationIds) }),
      manager.find(Bid, { where: { solicitationId: In(solicitationIds) }, order: { submittedAt: 'ASC', id: 'ASC' } }),
      manager.find(Contract, {
        where: [{ solicitationId: In(solicitationIds) }, { id: In(directIds) }],
        order: { number: 'ASC' },
      }),
    ]);
    const contractIds = contracts.map((contract) => contract.id);
    const [payments, kpis, evaluations] = await Promise.all([
      manager.find(Payment, { where: { contractId: In(contractIds) }, order: { paidOn: 'ASC', id: 'ASC' } }),
      manager.find(Kpi, { where: { contractId: In(contractIds) }, order: { name: 'ASC' } }),
      manager.find(KpiEvaluation, { where: { contractId: In(contractIds) }, order: { period: 'ASC', id: 'ASC' } }),
    ]);
    const vendorIds = [
      ...new Set([
        ...bids.map((bid) => bid.vendorId),
        ...contracts.map((contract) => contract.vendorId),
        ...payments.map((payment) => payment.payeeVendorId),
      ]),
    ];
    const departmentIds = [...new Set([...solicitations, ...contracts].map((owner) => owner.departmentId))];
    const [vendors, certifications, departments] = await Promise.all([
      manager.findBy(Vendor, { id: In(vendorIds) }),
      manager.find(Certification, {
        where: { vendorId: In(vendorIds) },
        order: { type: 'ASC', validFrom: 'ASC', id: 'ASC' },
      }),
      manager.findBy(Department, { id: In(departmentIds) }),
    ]);

    const vendorsById = new Map(vendors.map((vendor) => [vendor.id, vendor]));
    const certificationsByVendor = groupBy(certifications, (certification) => certification.vendorId);
    const departmentsById = new Map(departments.map((department) => [department.id, department]));
    const solicitationsById = new Map(solicitations.map((solicitation) => [solicitation.id, solicitation]));
    const prefix = this.config.get('OCDS_PREFIX', { infer: true });

    return page.map((row) => {
      const solicitation = row.kind === 'solicitation' ? solicitationsById.get(row.id)! : null;
      const own = contracts.filter((contract) =>
        solicitation ? contract.solicitationId === solicitation.id : contract.id === row.id,
      );
      const ownIds = new Set(own.map((contract) => contract.id));
      return {
        ocid: `${prefix}-${row.localId}`,
        changedAt: new Date(row.changedAt),
        solicitation,
        department: departmentsById.get(solicitation?.departmentId ?? own[0]!.departmentId)!,
        bids: solicitation ? bids.filter((bid) => bid.solicitationId === solicitation.id) : [],
        contracts: own,
        payments: payments.filter((payment) => ownIds.has(payment.contractId)),
        kpis: kpis.filter((kpi) => ownIds.has(kpi.contractId)),
        evaluations: evaluations.filter((evaluation) => ownIds.has(evaluation.contractId)),
        vendors: vendorsById,
        certifications: certificationsByVendor,
      };
    });
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) (groups.get(key(item)) ?? groups.set(key(item), []).get(key(item))!).push(item);
  return groups;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

function encodeCursor(row: ProcessRow): string {
  return Buffer.from(`${row.changedAt}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { changedAt: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw DomainError.invalid('cursor', 'cursor must be taken from links.next');
  return { changedAt: match[1]!, id: match[2]! };
}
