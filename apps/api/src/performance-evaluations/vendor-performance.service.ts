import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Vendor } from '#database';
import { DomainError, KPI_STATUSES, PERFORMANCE_RATINGS, type KpiStatus, type PerformanceRating } from '#domain';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { departmentScope } from '../auth/scope.js';

/** A final evaluation of one of the vendor's contracts, newest finalization first. */
export type FinalRating = {
  evaluationId: string;
  contractId: string;
  contractNumber: string;
  from: string;
  to: string;
  rating: PerformanceRating;
  finalizedAt: Date;
};

export type EvaluationYear = { year: number; total: number } & Record<KpiStatus, number>;

/** The vendor's record (the product design §9) across the contracts the caller may see. */
export type VendorPerformance = {
  vendorId: string;
  legalName: string;
  contracts: number;
  evaluationsByYear: EvaluationYear[];
  ratings: {
    counts: Record<PerformanceRating, number>;
    last: FinalRating | null;
    latestPerContract: FinalRating[];
  };
};

@Injectable()
export class VendorPerformanceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Officers read the whole record, a vendor its own (another vendor's is a 404), a department head the part of it
   * made under its departments' contracts.
   */
  async record(vendorId: string, principal: Principal): Promise<VendorPerformance> {
    if (principal.role === 'vendor' && principal.vendorId !== vendorId) throw DomainError.notFound('Vendor', vendorId);
    const vendor = await this.dataSource.getRepository(Vendor).findOneBy({ id: vendorId });
    if (!vendor) throw DomainError.notFound('Vendor', vendorId);
    const departments = departmentScope(principal);
    const [[{ contracts }], years, ratings] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*) AS contracts FROM contracts
          WHERE vendor_id = $1 AND ($2::uuid[] IS NULL OR department_id = ANY($2))`,
        [vendorId, departments],
      ) as Promise<{ contracts: number }[]>,
      this.dataSource.query(
        `SELECT extract(year FROM e.period_first_day)::int AS year, e.status, count(*) AS count
           FROM kpi_evaluations e JOIN contracts c ON c.id = e.contract_id
          WHERE c.vendor_id = $1 AND ($2::uuid[] IS NULL OR c.department_id = ANY($2))
          GROUP BY 1, 2 ORDER BY 1`,
        [vendorId, departments],
      ) as Promise<{ year: number; status: KpiStatus; count: number }[]>,
      this.finalRatings(vendorId, departments),
    ]);
    return {
      vendorId,
      legalName: vendor.legalName,
      contracts,
      evaluationsByYear: byYear(years),
      ratings: summariseRatings(ratings),
    };
  }

  /** The final ratings of the vendor's contracts (within `departments`, when given), newest finalization first. */
  async finalRatings(vendorId: string, departments: string[] | null = null): Promise<FinalRating[]> {
    return this.dataSource.query(
      `SELECT pe.id AS "evaluationId", pe.contract_id AS "contractId", c.number AS "contractNumber",
              pe.from_month AS "from", pe.to_month AS "to", pe.rating, pe.finalized_at AS "finalizedAt"
         FROM performance_evaluations pe JOIN contracts c ON c.id = pe.contract_id
        WHERE c.vendor_id = $1 AND pe.status = 'final' AND ($2::uuid[] IS NULL OR c.department_id = ANY($2))
        ORDER BY pe.finalized_at DESC, pe.id`,
      [vendorId, departments],
    );
  }
}

function byYear(rows: { year: number; status: KpiStatus; count: number }[]): EvaluationYear[] {
  const years = new Map<number, EvaluationYear>();
  for (const row of rows) {
    const year =
      years.get(row.year) ??
      ({
        year: row.year,
        total: 0,
        ...Object.fromEntries(KPI_STATUSES.map((status) => [status, 0])),
      } as EvaluationYear);
    year[row.status] = row.count;
    year.total += row.count;
    years.set(row.year, year);
  }
  return [...years.values()];
}

function summariseRatings(ratings: FinalRating[]): VendorPerformance['ratings'] {
  const counts = Object.fromEntries(PERFORMANCE_RATINGS.map((rating) => [rating, 0])) as Record<
    PerformanceRating,
    number
  >;
  const latest = new Map<string, FinalRating>();
  for (const rating of ratings) {
    counts[rating.rating] += 1;
    if (!latest.has(rating.contractId)) latest.set(rating.contractId, rating);
  }
  const latestPerContract = [...latest.values()].sort((a, b) => a.contractNumber.localeCompare(b.contractNumber));
  return { counts, last: ratings[0] ?? null, latestPerContract };
}
