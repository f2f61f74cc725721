// What a measurement's value and note must be, worded once for the PUT of one value and for every row of an
// import. Whether the KPI takes a value for the period is measurementProblem() in #domain.

/** Longest note, in characters. */
export const MAX_NOTE_LENGTH = 2000;

export const measurementProblems = {
  value: 'value must be a number with at most 4 decimals',
};
