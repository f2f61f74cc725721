// The shape of the procurement metrics (the product design (§4)), shared by the service and its renderers.
import type { ProcurementMethod } from '#domain';

/** The version of the definitions in docs/metrics.md that these figures follow; bump it with any change there. */
export const METRICS_DEFINITIONS_VERSION = 1;

export type ProcurementMetrics = {
  from: string;
  to: string;
  departmentId: string | null;
  definitionsVersion: number;
  solicitations: {
    awarded: number;
    cycleTimeDays: { median: number | null; p90: number | null };
    bidsPerSolicitation: { mean: number | null; median: number | null };
    singleBidPercent: number | null;
    zeroBidPercent: number | null;
  };
  bids: { count: number; diverseVendorPercent: number | null };
  awards: {
    count: number;
    value: number;
    diverseVendorPercent: number | null;
    diverseValuePercent: number | null;
    newVendorPercent: number | null;
    newVendorValuePercent: number | null;
    valueByMethod: Record<ProcurementMethod, number>;
    nonCompetitivePercent: number | null;
  };
  spend: {
    total: number;
    diverseVendorPercent: number | null;
    smallBusinessPercent: number | null;
    localBusinessPercent: number | null;
  };
  performance: {
    contractsWithKpisPercent: number | null;
    evaluations: { on_track: number; at_risk: number; off_track: number; missing: number };
    onTrackPercent: number | null;
  };
};

/** The figures as `metric,value` rows, the metric named by its path in the JSON (`awards.valueByMethod.rfp`). */
export function metricRows(metrics: ProcurementMetrics): { metric: string; value: string | number | null }[] {
  const rows: { metric: string; value: string | number | null }[] = [];
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    } else rows.push({ metric: path, value: value as string | number | null });
  };
  walk(metrics, '');
  return rows;
}
