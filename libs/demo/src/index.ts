// The demo city: generated, then written. Imported as #demo.
export * from './city-catalogue.js';
export * from './count-of.js';
export * from './demo-summary.js';
export * from './generate-demo-city.js';
export * from './prng.js';
export * from './write-demo-city.js';
