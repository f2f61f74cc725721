/** Where a measurement came from: the vendor's own report, city staff, or an import. */
export const MEASUREMENT_SOURCES = ['vendor', 'staff', 'import'] as const;
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number];
