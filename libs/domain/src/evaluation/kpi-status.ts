/** A KPI's result for a period, best first (the product design (§2, §3)). */
export const KPI_STATUSES = ['on_track', 'at_risk', 'missing', 'off_track'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];
