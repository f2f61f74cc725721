import type { Frequency } from '#domain';

// The rules a measurement must meet, worded once for the PUT of one value and for every row of an import.

const PERIOD_EXAMPLES: Record<Frequency, string> = { monthly: '2026-03', quarterly: '2026-Q1', annual: '2026' };

/** Longest note, in characters. */
export const MAX_NOTE_LENGTH = 2000;

export const measurementProblems = {
  value: 'value must be a number with at most 4 decimals',
  inactiveKpi: (kpiName: string) => `KPI "${kpiName}" is not active and takes no measurements`,
  periodFormat: (frequency: Frequency) =>
    `period must be written like ${PERIOD_EXAMPLES[frequency]} for a ${frequency} KPI`,
  outsideContract: (period: string, startDate: string, endDate: string) =>
    `period ${period} is outside the contract (${startDate} to ${endDate})`,
  notBegun: (period: string) => `period ${period} has not begun yet`,
};
