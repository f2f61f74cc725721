import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type Notification } from '#database';
import {
  addCalendarDays,
  consecutiveOffTrack,
  describePeriod,
  DomainError,
  localDateOf,
  PERIOD_NOTIFICATION_KINDS,
  type PeriodNotificationKind,
  parsePeriod,
  periodKeysEndingWith,
  type KpiDirection,
  type KpiStatus,
  type Clock,
} from '#domain';
import { loadMeetingPack, meetingPackFileName, renderMeetingPackPdf, type ContractNoticeKind } from '#reporting';
import {
  renderEscalation,
  renderMeetingPack,
  renderMissingData,
  renderOffTrack,
  type EmailContractInput,
  type RenderedEmail,
} from '#notifications';
import type { EntityManager } from 'typeorm';
import type { WorkerEnv } from '../config/worker-env.js';
import { CLOCK } from '#runtime';
import type { NoticeRenderer, OutgoingEmail } from './notice-renderer.js';
import { senderName } from './sender-name.js';

/** Days the vendor has to send a corrective action plan after an off-track notice. */
export const CORRECTIVE_PLAN_DAYS = 10;
/** Days the vendor has to submit missing data after the notice. */
export const LATE_DATA_DAYS = 5;

/** An outbox row of a period kind, which always names its period. */
type PeriodNotification = Notification & { period: string };

type ContractRow = {
  id: string;
  number: string;
  title: string;
  manager_email: string;
  escalate_after_periods: number;
  vendor_name: string;
  department_name: string;
};

type EvaluationRow = {
  kpi_id: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  period: string;
  value: number | null;
  target: number;
  off_track_threshold: number;
  status: KpiStatus;
};

/** The emails about a contract's period, and the meeting pack: what they are about, loaded as it stands now. */
@Injectable()
export class PeriodNoticesRenderer implements NoticeRenderer {
  readonly kinds = PERIOD_NOTIFICATION_KINDS;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: ConfigService<WorkerEnv, true>,
  ) {}

  async render(manager: EntityManager, notification: Notification): Promise<OutgoingEmail> {
    const kind = notification.kind as PeriodNotificationKind;
    if (notification.period === null) throw new Error(`A ${kind} notification names no period`);
    const ofPeriod = notification as PeriodNotification;
    if (kind === 'meeting_pack') return this.meetingPack(manager, ofPeriod);
    return { ...(await this.contractNotice(manager, ofPeriod, kind)), attachments: [] };
  }

  /** The department's pack as it stands now: its figures in the email, the whole pack as a PDF attachment. */
  private async meetingPack(manager: EntityManager, notification: PeriodNotification): Promise<OutgoingEmail> {
    const departmentId = notification.departmentId!;
    const pack = await loadMeetingPack(manager, departmentId, notification.period, {
      now: this.clock.now(),
      timeZone: this.config.get('CITY_TIMEZONE'),
      trendPeriods: this.config.get('TREND_PERIODS'),
    });
    if (!pack) throw DomainError.notFound('Department', departmentId);
    const attachmentName = meetingPackFileName(pack.department.code, pack.month, 'pdf');
    const { headline } = pack;
    const query = new URLSearchParams({ departmentId, period: pack.month, format: 'html' });
    const email = renderMeetingPack({
      language: notification.language,
      departmentName: pack.department.name,
      periodLabel: describePeriod(parsePeriod(pack.month)!, notification.language),
      attachmentName,
      packUrl: `${this.publicBaseUrl()}/api/v1/reports/meeting-pack?${query}`,
      cityName: senderName(this.config.get('MAIL_FROM')),
      figures: {
        activeContracts: headline.activeContracts,
        kpisEvaluated: headline.kpisEvaluated,
        onTrack: headline.statusCounts.on_track,
        atRisk: headline.statusCounts.at_risk,
        missing: headline.statusCounts.missing,
        offTrack: headline.statusCounts.off_track,
        onTrackPercent: headline.onTrackPercent,
        contractsNeedingAttention: pack.contracts.length,
        worseningKpis: pack.worsening.length,
      },
    });
    const pdf = await renderMeetingPackPdf(pack, {
      currency: this.config.get('CURRENCY'),
      language: notification.language,
    });
    return { ...email, attachments: [{ filename: attachmentName, content: pdf, contentType: 'application/pdf' }] };
  }

  private async contractNotice(
    manager: EntityManager,
    notification: PeriodNotification,
    kind: ContractNoticeKind,
  ): Promise<RenderedEmail> {
    const [contract]: ContractRow[] = await manager.query(
      `SELECT c.id, c.number, c.title, c.manager_email, c.escalate_after_periods,
              v.legal_name AS vendor_name, d.name AS department_name
         FROM contracts c JOIN vendors v ON v.id = c.vendor_id JOIN departments d ON d.id = c.department_id
        WHERE c.id = $1`,
      [notification.contractId],
    );
    const evaluations: EvaluationRow[] = await manager.query(
      `SELECT e.kpi_id, k.name, k.unit, k.direction, e.period, e.value, e.target, e.off_track_threshold, e.status
         FROM kpi_evaluations e JOIN kpis k ON k.id = e.kpi_id
        WHERE e.contract_id = $1 AND e.period = $2
        ORDER BY k.name`,
      [notification.contractId, notification.period],
    );
    const common = this.commonInput(notification, contract);
    const today = localDateOf(this.clock.now(), this.config.get('CITY_TIMEZONE'));

    switch (kind) {
      case 'off_track':
        return renderOffTrack({
          ...common,
          respondBy: addCalendarDays(today, CORRECTIVE_PLAN_DAYS),
          kpis: evaluations
            .filter((row) => row.status === 'off_track' || row.status === 'at_risk')
            .map((row) => ({
              name: row.name,
              unit: row.unit,
              direction: row.direction,
              value: row.value!,
              target: row.target,
              offTrackThreshold: row.off_track_threshold,
              status: row.status as 'off_track' | 'at_risk',
            })),
        });
      case 'missing_data':
        return renderMissingData({
          ...common,
          period: notification.period,
          submitBy: addCalendarDays(today, LATE_DATA_DAYS),
          apiBaseUrl: `${this.publicBaseUrl()}/api/v1`,
          kpis: evaluations
            .filter((row) => row.status === 'missing')
            .map((row) => ({ kpiId: row.kpi_id, name: row.name, unit: row.unit })),
        });
      case 'escalation':
        return renderEscalation({
          ...common,
          escalateAfterPeriods: contract.escalate_after_periods,
          kpis: await this.escalatedKpis(manager, notification, contract, evaluations),
        });
    }
  }

  /** The KPIs off track for `escalate_after_periods` periods in a row, with their recent results. */
  private async escalatedKpis(
    manager: EntityManager,
    notification: PeriodNotification,
    contract: ContractRow,
    evaluations: EvaluationRow[],
  ) {
    const offTrack = evaluations.filter((row) => row.status === 'off_track');
    // The KPI's periods up to this one, oldest first, as far back as the escalation looks (and a little more).
    const periods = periodKeysEndingWith(notification.period, Math.max(contract.escalate_after_periods, 6));
    const history: EvaluationRow[] = await manager.query(
      `SELECT e.kpi_id, e.period, e.value, e.status FROM kpi_evaluations e
        WHERE e.kpi_id = ANY($1::uuid[]) AND e.period = ANY($2::text[])`,
      [offTrack.map((row) => row.kpi_id), periods],
    );
    return offTrack.flatMap((row) => {
      const byPeriod = new Map(
        history.filter((entry) => entry.kpi_id === row.kpi_id).map((entry) => [entry.period, entry]),
      );
      const run = consecutiveOffTrack(periods.map((key) => byPeriod.get(key)?.status ?? null));
      if (run < contract.escalate_after_periods) return [];
      const shown = periods.slice(-Math.max(run, contract.escalate_after_periods));
      return [
        {
          name: row.name,
          unit: row.unit,
          direction: row.direction,
          target: row.target,
          offTrackThreshold: row.off_track_threshold,
          consecutivePeriods: run,
          history: shown.map((key) => ({
            periodLabel: describePeriod(parsePeriod(key)!, notification.language),
            value: byPeriod.get(key)?.value ?? null,
          })),
        },
      ];
    });
  }

  private commonInput(notification: PeriodNotification, contract: ContractRow): EmailContractInput {
    return {
      language: notification.language,
      vendorName: contract.vendor_name,
      contractNumber: contract.number,
      contractTitle: contract.title,
      departmentName: contract.department_name,
      periodLabel: describePeriod(parsePeriod(notification.period)!, notification.language),
      contractUrl: `${this.publicBaseUrl()}/api/v1/contracts/${contract.id}/scorecard`,
      managerEmail: contract.manager_email,
      cityName: senderName(this.config.get('MAIL_FROM')),
    };
  }

  private publicBaseUrl(): string {
    return this.config.get('PUBLIC_BASE_URL').replace(/\/+$/, '');
  }
}
