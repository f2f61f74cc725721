import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '#domain';
import { DataSource } from 'typeorm';
import type { PeerComparisonResponse, PeerComparisonRow } from './dto/peer-comparison.response.js';
import { csvOf, xlsxOf } from './report-files.js';
import type { ReportScope } from './report-scope.service.js';

/** The version of the peer comparison's definitions in docs/metrics.md; bump it with any change there. */
export const PEER_COMPARISON_DEFINITIONS_VERSION = 1;

/** The CSV and XLSX columns, in this order. */
export const PEER_COMPARISON_COLUMNS = [
  'rank',
  'percentile',
  'department',
  'contractNumber',
  'contractTitle',
  'vendor',
  'versions',
  'evaluations',
  'onTrack',
  'atRisk',
  'offTrack',
  'missing',
  'meanValue',
  'onTrackPercent',
] as const;

/**
 * The peer comparison in one statement: $1 the ids of every version of the library entry (uuid[]), $2 and $3 the
 * range's first and last day, $4 the departments (uuid[], null for all). Peers are the contracts in scope with at
 * least one evaluation in the range of a KPI pinning any version of the entry. The versions are passed as values
 * (not joined from the version asked about) so that the planner knows how many KPIs pin them: joined, it guessed a
 * ninth of them and sorted the evaluations on disk instead of hashing them. `versions` are those pinned by the
 * contract's KPIs whose results are counted. The share is compared exactly (a double of two integers:
 * equal fractions are equal doubles, distinct ones far apart), so 2/4 and 3/6 tie; the rounded percentage is only
 * shown. For the CSV (`forCsv`), typed text goes through `spreadsheet_text()` and versions are one field.
 */
export function peerComparisonSql(forCsv: boolean): string {
  const text = (expression: string) => (forCsv ? `spreadsheet_text(${expression})` : expression);
  return `
  WITH per_kpi AS (
    SELECT k.contract_id, l.version,
           count(*) AS evaluations,
           count(*) FILTER (WHERE e.status = 'on_track') AS on_track,
           count(*) FILTER (WHERE e.status = 'at_risk') AS at_risk,
           count(*) FILTER (WHERE e.status = 'off_track') AS off_track,
           count(*) FILTER (WHERE e.status = 'missing') AS missing,
           sum(e.value) AS value_sum, count(e.value) AS value_count
      FROM kpis k
      JOIN library_kpis l ON l.id = k.library_kpi_id
      JOIN kpi_evaluations e ON e.kpi_id = k.id
     WHERE k.library_kpi_id = ANY($1::uuid[])
       AND period_in_range(e.period_first_day, e.period_last_day, $2, $3)
     GROUP BY k.id, k.contract_id, l.version
  ), results AS (
    -- Per KPI (hashed, over the evaluations), then per contract (over its few KPIs): the ordered aggregate of
    -- versions then sorts KPIs, not evaluations, and PostgreSQL estimates each step's rows well.
    SELECT p.contract_id,
           sum(p.evaluations)::int AS evaluations,
           sum(p.on_track)::int AS on_track,
           sum(p.at_risk)::int AS at_risk,
           sum(p.off_track)::int AS off_track,
           sum(p.missing)::int AS missing,
           sum(p.value_sum) / NULLIF(sum(p.value_count), 0) AS mean_value,
           array_agg(DISTINCT p.version ORDER BY p.version) AS versions
      FROM per_kpi p
     GROUP BY p.contract_id
  ), shares AS (
    -- The scope is applied to contracts once aggregated (one row each), before anything is ranked.
    SELECT r.*, r.on_track::float8 / r.evaluations AS share
      FROM results r
      JOIN contracts c ON c.id = r.contract_id
     WHERE $4::uuid[] IS NULL OR c.department_id = ANY($4::uuid[])
  ), ranked AS (
    SELECT s.*,
           rank() OVER (ORDER BY s.share DESC) AS rank,
           peer_percentile(rank() OVER (ORDER BY s.share) - 1, count(*) OVER (PARTITION BY s.share),
                           count(*) OVER ()) AS percentile
      FROM shares s
  )
  SELECT r.rank::int AS rank, r.percentile, ${text('d.code')} AS department,
         ${forCsv ? '' : 'c.id AS "contractId", '}${text('c.number')} AS "contractNumber",
         ${text('c.title')} AS "contractTitle", ${text('v.legal_name')} AS vendor,
         ${forCsv ? "array_to_string(r.versions, ' ')" : 'r.versions'} AS versions, r.evaluations,
         r.on_track AS "onTrack", r.at_risk AS "atRisk", r.off_track AS "offTrack", r.missing,
         trim_scale(round(r.mean_value, 4)) AS "meanValue", percent_of(r.on_track, r.evaluations) AS "onTrackPercent"
    FROM ranked r
    JOIN contracts c ON c.id = r.contract_id
    JOIN departments d ON d.id = c.department_id
    JOIN vendors v ON v.id = c.vendor_id
   ORDER BY r.rank, c.number`;
}

type Entry = Pick<PeerComparisonResponse, 'entryId' | 'name' | 'unit' | 'direction'> & { versionIds: string[] };

@Injectable()
export class PeerComparisonService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The comparison as JSON; an unknown library KPI is a 404 (the library is readable by everyone). */
  async compute(libraryKpiId: string, scope: ReportScope): Promise<PeerComparisonResponse> {
    const { versionIds, ...entry } = await this.entry(libraryKpiId);
    const rows: PeerComparisonRow[] = await this.dataSource.query(
      peerComparisonSql(false),
      parameters(versionIds, scope),
    );
    return {
      libraryKpiId,
      ...entry,
      from: scope.from,
      to: scope.to,
      departmentId: scope.departmentId,
      definitionsVersion: PEER_COMPARISON_DEFINITIONS_VERSION,
      peers: rows.length,
      rows,
    };
  }

  /** One row per peer: a table of at most one row per contract, built in memory. */
  async file(libraryKpiId: string, scope: ReportScope, format: 'csv' | 'xlsx'): Promise<Readable> {
    const { versionIds } = await this.entry(libraryKpiId);
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      peerComparisonSql(format === 'csv'),
      parameters(versionIds, scope),
    );
    if (format === 'csv') return csvOf(PEER_COMPARISON_COLUMNS, rows);
    const cells = rows.map((row) => ({ ...row, versions: (row.versions as unknown as number[]).join(' ') }));
    return xlsxOf('Peer comparison', PEER_COMPARISON_COLUMNS, cells);
  }

  /** The entry of the version asked about, named and measured as its latest version is, with its versions' ids. */
  private async entry(libraryKpiId: string): Promise<Entry> {
    const [entry]: Entry[] = await this.dataSource.query(
      `SELECT latest.entry_id AS "entryId", latest.name, latest.unit, latest.direction,
              (SELECT array_agg(l.id) FROM library_kpis l WHERE l.entry_id = asked.entry_id) AS "versionIds"
         FROM library_kpis asked
         JOIN library_kpis latest ON latest.entry_id = asked.entry_id
        WHERE asked.id = $1
        ORDER BY latest.version DESC
        LIMIT 1`,
      [libraryKpiId],
    );
    if (!entry) throw DomainError.notFound('Library KPI', libraryKpiId);
    return entry;
  }
}

const parameters = (versionIds: string[], scope: ReportScope) => [
  versionIds,
  scope.firstDay,
  scope.lastDay,
  scope.departmentIds,
];
