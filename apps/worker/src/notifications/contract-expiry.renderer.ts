import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Notification } from '#database';
import {
  calendarDaysBetween,
  describePeriod,
  EXPIRY_RESULTS_MONTHS,
  expiryNoticeStillDue,
  expiryResultsFrom,
  localDateOf,
  parsePeriod,
  type Clock,
  type ContractStatus,
  type KpiDirection,
  type KpiStatus,
} from '#domain';
import { renderContractExpiry } from '#notifications';
import { CLOCK } from '#runtime';
import type { EntityManager } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import { EmailLinks } from './email-links.js';
import type { NoLongerDue, NoticeRenderer, OutgoingEmail } from './notice-renderer.js';
import { senderName } from './sender-name.js';

const CONTRACT = `
  SELECT c.id, c.number, c.title, c.end_date, c.status, c.manager_email,
         v.legal_name AS vendor_name, d.name AS department_name
    FROM contracts c JOIN vendors v ON v.id = c.vendor_id JOIN departments d ON d.id = c.department_id
   WHERE c.id = $1`;

/** $2, $3: the first and last days of the periods counted (ended in the last 12 months). */
const RESULTS = `
  SELECT count(*)::int AS evaluated, count(*) FILTER (WHERE status = 'on_track')::int AS on_track,
         percent_of(count(*) FILTER (WHERE status = 'on_track'), count(*)) AS on_track_percent
    FROM kpi_evaluations
   WHERE contract_id = $1 AND period_last_day BETWEEN $2::date AND $3::date`;

/** Each active KPI's latest evaluation, by KPI name. */
const LATEST_RESULTS = `
  SELECT * FROM (
    SELECT DISTINCT ON (e.kpi_id) k.name, k.unit, k.direction, e.period, e.value, e.target, e.status
      FROM kpi_evaluations e JOIN kpis k ON k.id = e.kpi_id
     WHERE e.contract_id = $1 AND k.active
     ORDER BY e.kpi_id, e.period_first_day DESC, e.period_last_day DESC) latest
   ORDER BY name, period`;

type ContractRow = {
  id: string;
  number: string;
  title: string;
  end_date: string;
  status: ContractStatus;
  manager_email: string;
  vendor_name: string;
  department_name: string;
};

type LatestRow = {
  name: string;
  unit: string;
  direction: KpiDirection;
  period: string;
  value: number | null;
  target: number;
  status: KpiStatus;
};

/**
 * The expiry email to the contract manager, as the contract stands at sending: its end date and days left, its
 * results of the last 12 months and each KPI's latest, and the decision to take. No longer due once the contract
 * is no longer active, or its end date has passed or moved beyond the occasion's days (a renewal).
 */
@Injectable()
export class ContractExpiryRenderer implements NoticeRenderer {
  readonly kinds = ['contract_expiry'] as const;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: ConfigService<WorkerEnv, true>,
    private readonly links: EmailLinks,
  ) {}

  async render(manager: EntityManager, notification: Notification): Promise<OutgoingEmail | NoLongerDue> {
    const [contract]: ContractRow[] = await manager.query(CONTRACT, [notification.recordId]);
    if (!contract) return { noLongerDue: 'The contract no longer exists' };
    if (contract.status !== 'active') return { noLongerDue: `The contract is ${contract.status}` };
    const today = localDateOf(this.clock.now(), this.config.get('CITY_TIMEZONE'));
    if (!expiryNoticeStillDue(notification.occasion, contract.end_date, today)) {
      return { noLongerDue: `The contract now ends on ${contract.end_date}` };
    }
    const [results] = await manager.query(RESULTS, [contract.id, expiryResultsFrom(today), today]);
    const latest: LatestRow[] = await manager.query(LATEST_RESULTS, [contract.id]);
    const language = notification.language;
    const email = renderContractExpiry({
      language,
      contractNumber: contract.number,
      contractTitle: contract.title,
      vendorName: contract.vendor_name,
      departmentName: contract.department_name,
      endDate: contract.end_date,
      daysLeft: calendarDaysBetween(today, contract.end_date),
      results: {
        months: EXPIRY_RESULTS_MONTHS,
        evaluated: results.evaluated,
        onTrack: results.on_track,
        onTrackPercent: results.on_track_percent,
      },
      kpis: latest.map((row) => ({
        name: row.name,
        unit: row.unit,
        direction: row.direction,
        periodLabel: describePeriod(parsePeriod(row.period)!, language),
        value: row.value,
        target: row.target,
        status: row.status,
      })),
      contractUrl: await this.links.portalLink(
        manager,
        { headEmail: contract.manager_email },
        `/portal/contracts/${contract.id}`,
      ),
      cityName: senderName(this.config.get('MAIL_FROM')),
    });
    return { ...email, attachments: [] };
  }
}
