/** KPI directions (the product design (§2)): which way is good. */
export const KPI_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** How often a KPI is measured; the period format follows (`2026-03`, `2026-Q1`, `2026`). */
export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** What a KPI is, without the contract it belongs to: a solicitation's template and a KPI share it. */
export type KpiDefinition = {
  name: string;
  description: string | null;
  unit: string;
  direction: KpiDirection;
  target: number;
  offTrackThreshold: number;
  frequency: Frequency;
  /** The KPI library version the definition was taken from; absent for a definition of its own. */
  libraryKpiId?: string;
};
