import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Bid, Contract, Kpi, Vendor } from '#database';
import { DomainError, ratingCallsForAwardWarning, type Actor, type Clock } from '#domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { toContractResponse } from '../contracts/dto/contract.response.js';
import { toKpiResponse } from '../kpis/dto/kpi.response.js';
import { VendorPerformanceService } from '../performance-evaluations/vendor-performance.service.js';
import type { AwardDto } from './dto/award.dto.js';
import { toSolicitationResponse } from './dto/solicitation.response.js';
import { applyTransition, lockSolicitation, SOLICITATION_ENTITY } from './solicitations.service.js';
import { CLOCK } from '#runtime';

/** Something the officer should know about an award; it never blocks it. */
export const AWARD_WARNING_CODES = ['VENDOR_OFF_TRACK_BEFORE', 'VENDOR_RATED_BELOW_STANDARD'] as const;
export type AwardWarning = { code: (typeof AWARD_WARNING_CODES)[number]; message: string };

export type AwardResult = { contract: Contract; kpis: Kpi[]; warnings: AwardWarning[] };

@Injectable()
export class AwardService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vendorPerformance: VendorPerformanceService,
  ) {}

  /**
   * Awards a closed solicitation's bid: the solicitation becomes `awarded`, the bid becomes a contract and the KPI
   * templates become its KPIs, all in one transaction, so an award that fails part-way leaves nothing behind.
   */
  async award(solicitationId: string, dto: AwardDto, actor: Actor): Promise<AwardResult> {
    const result = await this.dataSource.transaction(async (manager) => {
      const solicitation = await lockSolicitation(manager, solicitationId);
      const before = toSolicitationResponse(solicitation);
      applyTransition(solicitation, 'award', dto.at, this.clock.now());
      const bid = await manager.findOneBy(Bid, { id: dto.bidId, solicitationId });
      if (!bid) {
        const message = `bid ${dto.bidId} is not a bid on this solicitation`;
        throw new DomainError('INVALID_INPUT', message, [{ field: 'bidId', message }]);
      }
      await manager.save(solicitation);

      const contract = await insertContract(
        manager,
        manager.create(Contract, {
          number: dto.contract.number,
          title: dto.contract.title ?? solicitation.title,
          vendorId: bid.vendorId,
          departmentId: solicitation.departmentId,
          solicitationId,
          bidId: bid.id,
          value: dto.contract.value ?? bid.amount,
          startDate: dto.contract.startDate,
          endDate: dto.contract.endDate,
          managerEmail: dto.contract.managerEmail,
          diversityGoalPercent: dto.contract.diversityGoalPercent ?? solicitation.diversityGoalPercent,
          reportingGraceDays: dto.contract.reportingGraceDays ?? 10,
          escalateAfterPeriods: dto.contract.escalateAfterPeriods ?? 2,
          status: 'active',
          isKeyProcurement: dto.contract.isKeyProcurement ?? solicitation.isKeyProcurement,
        }),
      );
      const kpis = await manager.save(
        solicitation.kpiTemplates.map((template) =>
          manager.create(Kpi, {
            ...template,
            libraryKpiId: template.libraryKpiId ?? null,
            contractId: contract.id,
            active: true,
          }),
        ),
      );

      await this.audit.record(manager, actor, {
        action: 'award',
        entityType: SOLICITATION_ENTITY,
        entityId: solicitationId,
        before,
        after: toSolicitationResponse(solicitation),
      });
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'contract',
        entityId: contract.id,
        after: toContractResponse(contract),
      });
      for (const kpi of kpis) {
        await this.audit.record(manager, actor, {
          action: 'create',
          entityType: 'kpi',
          entityId: kpi.id,
          after: toKpiResponse(kpi),
        });
      }
      return { contract, kpis };
    });
    const warnings = [
      ...(await this.pastPerformanceWarnings(result.contract)),
      ...(await this.lastRatingWarnings(result.contract)),
    ];
    return { ...result, warnings };
  }

  /** Past performance informs awards: earlier contracts of the same vendor with off-track results. */
  private async pastPerformanceWarnings(contract: Contract): Promise<AwardWarning[]> {
    const rows: { number: string; periods: string[] }[] = await this.dataSource.query(
      `SELECT c.number, array_agg(DISTINCT e.period ORDER BY e.period) AS periods
         FROM kpi_evaluations e
         JOIN contracts c ON c.id = e.contract_id
        WHERE c.vendor_id = $1 AND c.id <> $2 AND e.status = 'off_track'
        GROUP BY c.number
        ORDER BY c.number`,
      [contract.vendorId, contract.id],
    );
    if (rows.length === 0) return [];
    const vendor = await this.dataSource.getRepository(Vendor).findOneByOrFail({ id: contract.vendorId });
    const listed = rows.map((row) => `${row.number} (${row.periods.join(', ')})`).join('; ');
    return [
      {
        code: 'VENDOR_OFF_TRACK_BEFORE',
        message: `${vendor.legalName} was off track on ${rows.length} earlier contract(s): ${listed}`,
      },
    ];
  }

  /** The vendor record's last final rating, when it is `requires_improvement` or `inadequate`. */
  private async lastRatingWarnings(contract: Contract): Promise<AwardWarning[]> {
    const [last] = await this.vendorPerformance.finalRatings(contract.vendorId);
    if (!last || !ratingCallsForAwardWarning(last.rating)) return [];
    const vendor = await this.dataSource.getRepository(Vendor).findOneByOrFail({ id: contract.vendorId });
    return [
      {
        code: 'VENDOR_RATED_BELOW_STANDARD',
        message:
          `${vendor.legalName}'s last final performance evaluation rated it ${last.rating.replaceAll('_', ' ')} ` +
          `(contract ${last.contractNumber}, ${last.from} – ${last.to}, final on ${last.finalizedAt.toISOString().slice(0, 10)})`,
      },
    ];
  }
}

/** Inserts the contract; a taken number surfaces from the unique constraint and rolls the whole award back. */
async function insertContract(manager: EntityManager, contract: Contract): Promise<Contract> {
  try {
    return await manager.save(contract);
  } catch (error) {
    if (isUniqueViolation(error, 'uq_contracts_number')) {
      throw DomainError.taken('contract.number', `A contract with number ${contract.number} already exists`);
    }
    throw error;
  }
}
