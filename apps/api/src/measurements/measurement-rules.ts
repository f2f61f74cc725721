// What a measurement's note must be, worded once for the PUT of one value and for every row of an import. How an
// imported value is written is readMeasurementValue(), whether the KPI takes it measurementProblem(), in #domain.

/** Longest note, in characters. */
export const MAX_NOTE_LENGTH = 2000;
