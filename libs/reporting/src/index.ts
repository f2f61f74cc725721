// PDF drawing, the meeting pack, CSV and XLSX writers, shared by the API and the worker. Imported as #reporting.
export * from './meeting-pack/load-meeting-pack.js';
export * from './meeting-pack/meeting-pack-html.js';
export * from './meeting-pack/meeting-pack-pdf.js';
export * from './meeting-pack/meeting-pack.js';
export * from './meeting-pack/pack-text.js';
export * from './pdf/pdf-axis.js';
export * from './pdf/pdf-bar-chart.js';
export * from './pdf/pdf-document.js';
export * from './pdf/pdf-format.js';
export * from './pdf/pdf-legend.js';
export * from './pdf/pdf-palette.js';
export * from './pdf/pdf-stacked-bar-chart.js';
export * from './pdf/pdf-table.js';
export * from './pdf/pdf-trend-strip.js';
export * from './xlsx-writer.js';
