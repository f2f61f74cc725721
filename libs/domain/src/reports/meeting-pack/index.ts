export * from './load-meeting-pack.js';
export * from './meeting-pack-html.js';
export * from './meeting-pack-pdf.js';
export * from './meeting-pack.js';
export * from './pack-period.js';
