import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { addRecordNotices, type RecordNotice } from '#database';
import { addCalendarDays, EXPIRY_WINDOW_DAYS, expiryNoticeDue, localDateOf, type Clock } from '#domain';
import { CLOCK } from '#runtime';
import { DataSource } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import type { Duty } from './duty.js';

/** $1, $2: the city's today and the last end date an expiry email looks at. */
const ACTIVE_CONTRACTS_ENDING = `
  SELECT id, end_date, manager_email FROM contracts
   WHERE status = 'active' AND end_date BETWEEN $1::date AND $2::date
   ORDER BY id`;

/**
 * The expiry emails (the product design §9): each active contract's manager hears 120 and 60 days before its end
 * date, once each (`expiryNoticeDue()` picks the one a day calls for). Contract managers are city staff, so the
 * email speaks ESCALATION_LANGUAGE, as other emails to the city's people do. The outbox holds one email per
 * contract and occasion, so running again, on any number of workers at once, writes nothing twice.
 */
@Injectable()
export class ContractExpiryDuty implements Duty {
  readonly name = 'contract-expiry';

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<WorkerEnv, true>,
  ) {}

  async perform(): Promise<string[]> {
    const today = localDateOf(this.clock.now(), this.config.get('CITY_TIMEZONE'));
    const language = this.config.get('ESCALATION_LANGUAGE');
    return this.dataSource.transaction(async (manager) => {
      const contracts: { id: string; end_date: string; manager_email: string }[] = await manager.query(
        ACTIVE_CONTRACTS_ENDING,
        [today, addCalendarDays(today, EXPIRY_WINDOW_DAYS)],
      );
      const notices = contracts.flatMap((contract): RecordNotice[] => {
        const occasion = expiryNoticeDue(contract.end_date, today);
        if (occasion === null) return [];
        return [
          {
            kind: 'contract_expiry',
            recordId: contract.id,
            occasion,
            contractId: contract.id,
            to: [contract.manager_email],
            language,
          },
        ];
      });
      return addRecordNotices(manager, notices);
    });
  }
}
