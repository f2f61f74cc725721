import { KPI_STATUSES, type KpiStatus } from '#domain';

/**
 * The colours of every PDF the product draws, so that a status looks the same in every report.
 *
 * - `STATUS_ORDER`: on_track, at_risk, missing, off_track (least to most severe: the stacking and legend order).
 * - `STATUS_COLOURS[status]`, `STATUS_LABELS[status]` ("On track", …), `STATUS_SHORT_LABELS[status]` ("OK", …)
 *   for cells too small for words. A status is always written in words or letters too, never by colour alone.
 * - `NO_STATUS_COLOUR`: a period without an evaluation. `SERIES_COLOURS`: bars that are not statuses.
 * - `INK` (text), `MUTED_INK` (axes, notes), `GRID` (grid lines), `RULE` (table lines), `HEADER_FILL`.
 */
export const STATUS_ORDER: readonly KpiStatus[] = KPI_STATUSES;

export const STATUS_COLOURS: Readonly<Record<KpiStatus, string>> = {
  on_track: '#2e7d32',
  at_risk: '#f2a900',
  missing: '#8c8c8c',
  off_track: '#c62828',
};

export const STATUS_LABELS: Readonly<Record<KpiStatus, string>> = {
  on_track: 'On track',
  at_risk: 'At risk',
  missing: 'Missing',
  off_track: 'Off track',
};

export const STATUS_SHORT_LABELS: Readonly<Record<KpiStatus, string>> = {
  on_track: 'OK',
  at_risk: 'R',
  missing: 'M',
  off_track: 'X',
};

export const NO_STATUS_COLOUR = '#e6e6e6';

export const SERIES_COLOURS: readonly string[] = ['#1f5a96', '#4f9bd9', '#7b5ea7', '#2a9d8f', '#e07a1f', '#6d6875'];

export const INK = '#1a1a1a';
export const MUTED_INK = '#5f5f5f';
export const GRID = '#d9d9d9';
export const RULE = '#bfbfbf';
export const HEADER_FILL = '#eef2f7';
