import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROCUREMENT_METHODS, type ProcurementMethod } from '#domain';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { ApiEnv } from '../config/api-env.js';
import { METRICS_DEFINITIONS_VERSION, type ProcurementMetrics } from './procurement-metrics.js';
import { renderProcurementMetricsPdf } from './procurement-metrics-pdf.js';
import { describeDepartments } from './report-departments.js';
import type { ReportScope } from './report-scope.service.js';

// The rules of docs/metrics.md are SQL functions (migration ReportRuleFunctions): percent_of() for every share;
// vendor_is_diverse_on(), vendor_has_certification_on() and vendor_is_new_at() for the vendors' standing, joined
// LATERAL so that the planner inlines them.

/** $1 first day, $2 last day (dates, inclusive), $3 departments (uuid[], null for all), $4 the city's zone. */
const IN_DEPARTMENTS = (column: string) => `($3::uuid[] IS NULL OR ${column} = ANY($3::uuid[]))`;
const AWARDED_IN_RANGE = `(s.awarded_at AT TIME ZONE $4)::date BETWEEN $1::date AND $2::date`;

// Counted solicitations: awarded on a day of the range in the city's zone. Solicitation figures count each
// solicitation once; award figures count each contract it led to (an imported process may award several).
const AWARDS_SQL = `
  WITH counted AS (
    SELECT s.id AS solicitation_id, s.method, c.vendor_id, c.value, s.awarded_at,
           (s.awarded_at AT TIME ZONE $4)::date AS award_day,
           (s.awarded_at AT TIME ZONE $4)::date
             - (coalesce(s.requisition_received_at, s.published_at) AT TIME ZONE $4)::date AS cycle_days,
           (SELECT count(*) FROM bids b WHERE b.solicitation_id = s.id) AS bid_count
      FROM solicitations s JOIN contracts c ON c.solicitation_id = s.id
     WHERE ${AWARDED_IN_RANGE} AND ${IN_DEPARTMENTS('s.department_id')}
  ), judged AS (
    SELECT counted.*, winner.is_diverse, winner_history.is_new
      FROM counted
     CROSS JOIN LATERAL vendor_is_diverse_on(counted.vendor_id, counted.award_day) winner
     CROSS JOIN LATERAL vendor_is_new_at(counted.vendor_id, counted.awarded_at) winner_history
  ), solicitation_level AS (
    SELECT DISTINCT ON (solicitation_id) cycle_days, bid_count FROM counted ORDER BY solicitation_id
  ), solicitation_figures AS (
    SELECT count(*)::int AS awarded,
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY cycle_days)::numeric, 1) AS cycle_median,
           round(percentile_cont(0.9) WITHIN GROUP (ORDER BY cycle_days)::numeric, 1) AS cycle_p90,
           round(avg(bid_count), 1) AS bids_mean,
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY bid_count)::numeric, 1) AS bids_median,
           percent_of(count(*) FILTER (WHERE bid_count = 1), count(*)) AS single_bid,
           percent_of(count(*) FILTER (WHERE bid_count = 0), count(*)) AS zero_bid
      FROM solicitation_level
  ), award_figures AS (
    SELECT count(*)::int AS award_count,
           coalesce(sum(value), 0) AS value,
           percent_of(count(*) FILTER (WHERE is_diverse), count(*)) AS diverse_count,
           percent_of(sum(value) FILTER (WHERE is_diverse), sum(value)) AS diverse_value,
           percent_of(count(*) FILTER (WHERE is_new), count(*)) AS new_count,
           percent_of(sum(value) FILTER (WHERE is_new), sum(value)) AS new_value,
           percent_of(sum(value) FILTER (WHERE method IN ('sole_source', 'emergency')), sum(value))
             AS non_competitive,
           ${PROCUREMENT_METHODS.map((method) => `coalesce(sum(value) FILTER (WHERE method = '${method}'), 0) AS "method_${method}"`).join(',\n           ')}
      FROM judged
  )
  SELECT * FROM solicitation_figures, award_figures`;

// Bids on the counted solicitations; a bidder is diverse as of the day it bid.
const BIDS_SQL = `
  SELECT count(*)::int AS count,
         percent_of(count(*) FILTER (WHERE bidder.is_diverse), count(*)) AS diverse
    FROM bids b JOIN solicitations s ON s.id = b.solicitation_id
    JOIN contracts c ON c.solicitation_id = s.id
    CROSS JOIN LATERAL vendor_is_diverse_on(b.vendor_id, (b.submitted_at AT TIME ZONE $4)::date) bidder
   WHERE ${AWARDED_IN_RANGE} AND ${IN_DEPARTMENTS('s.department_id')}`;

// Payments made in the range under the departments' contracts, to primes and subcontractors alike.
const SPEND_SQL = `
  SELECT coalesce(sum(p.amount), 0) AS total,
         percent_of(sum(p.amount) FILTER (WHERE diverse_payee.is_diverse), sum(p.amount)) AS diverse,
         percent_of(sum(p.amount) FILTER (WHERE small_payee.has_certification), sum(p.amount)) AS small_business,
         percent_of(sum(p.amount) FILTER (WHERE v.is_local OR local_payee.has_certification), sum(p.amount))
           AS local_business
    FROM payments p JOIN contracts c ON c.id = p.contract_id JOIN vendors v ON v.id = p.payee_vendor_id
    CROSS JOIN LATERAL vendor_is_diverse_on(p.payee_vendor_id, p.paid_on) diverse_payee
    CROSS JOIN LATERAL vendor_has_certification_on(p.payee_vendor_id, 'small_business', p.paid_on) small_payee
    CROSS JOIN LATERAL vendor_has_certification_on(p.payee_vendor_id, 'local_business', p.paid_on) local_payee
   WHERE p.paid_on BETWEEN $1::date AND $2::date AND ${IN_DEPARTMENTS('c.department_id')}`;

// Contracts whose dates overlap the range, and evaluations of periods that lie wholly within it.
const PERFORMANCE_SQL = `
  SELECT contracts.with_kpis, evaluations.*
    FROM (SELECT percent_of(
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM kpis k WHERE k.contract_id = c.id AND k.active)),
                   count(*)) AS with_kpis
            FROM contracts c
           WHERE c.start_date <= $2::date AND c.end_date >= $1::date AND ${IN_DEPARTMENTS('c.department_id')}) contracts,
         (SELECT count(*) FILTER (WHERE e.status = 'on_track')::int AS on_track,
                 count(*) FILTER (WHERE e.status = 'at_risk')::int AS at_risk,
                 count(*) FILTER (WHERE e.status = 'off_track')::int AS off_track,
                 count(*) FILTER (WHERE e.status = 'missing')::int AS missing,
                 percent_of(count(*) FILTER (WHERE e.status = 'on_track'), count(*)) AS on_track_percent
            FROM kpi_evaluations e JOIN contracts c ON c.id = e.contract_id
           WHERE period_in_range(e.period_first_day, e.period_last_day, $1::date, $2::date)
             AND ${IN_DEPARTMENTS('c.department_id')}) evaluations`;

type Row = Record<string, number | null>;

/** The procurement metrics of the product design (§4), as defined in docs/metrics.md: four set-based statements. */
@Injectable()
export class ProcurementMetricsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<ApiEnv, true>,
  ) {}

  async compute(scope: ReportScope): Promise<ProcurementMetrics> {
    const parameters = [scope.firstDay, scope.lastDay, scope.departmentIds, this.config.get('CITY_TIMEZONE')];
    // PostgreSQL refuses parameters a statement does not use: spend and performance need no time zone.
    const one = async (sql: string, used: number): Promise<Row> =>
      ((await this.dataSource.query(sql, parameters.slice(0, used))) as Row[])[0];
    const [awards, bids, spend, performance] = await Promise.all([
      one(AWARDS_SQL, 4),
      one(BIDS_SQL, 4),
      one(SPEND_SQL, 3),
      one(PERFORMANCE_SQL, 3),
    ]);
    const valueByMethod = Object.fromEntries(
      PROCUREMENT_METHODS.map((method) => [method, awards[`method_${method}`] as number]),
    ) as Record<ProcurementMethod, number>;
    return {
      from: scope.from,
      to: scope.to,
      departmentId: scope.departmentId,
      definitionsVersion: METRICS_DEFINITIONS_VERSION,
      solicitations: {
        awarded: awards.awarded!,
        cycleTimeDays: { median: awards.cycle_median, p90: awards.cycle_p90 },
        bidsPerSolicitation: { mean: awards.bids_mean, median: awards.bids_median },
        singleBidPercent: awards.single_bid,
        zeroBidPercent: awards.zero_bid,
      },
      bids: { count: bids.count!, diverseVendorPercent: bids.diverse },
      awards: {
        count: awards.award_count!,
        value: awards.value!,
        diverseVendorPercent: awards.diverse_count,
        diverseValuePercent: awards.diverse_value,
        newVendorPercent: awards.new_count,
        newVendorValuePercent: awards.new_value,
        valueByMethod,
        nonCompetitivePercent: awards.non_competitive,
      },
      spend: {
        total: spend.total!,
        diverseVendorPercent: spend.diverse,
        smallBusinessPercent: spend.small_business,
        localBusinessPercent: spend.local_business,
      },
      performance: {
        contractsWithKpisPercent: performance.with_kpis,
        evaluations: {
          on_track: performance.on_track!,
          at_risk: performance.at_risk!,
          off_track: performance.off_track!,
          missing: performance.missing!,
        },
        onTrackPercent: performance.on_track_percent,
      },
    };
  }

  /** The figures of `compute(scope)` as a PDF with charts, amounts in `CURRENCY`. */
  async pdf(metrics: ProcurementMetrics, scope: ReportScope): Promise<Readable> {
    const departments = await describeDepartments(this.dataSource, scope);
    return renderProcurementMetricsPdf(metrics, departments, this.config.get('CURRENCY'));
  }
}
