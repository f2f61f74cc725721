export * from './generate-demo-city.js';
export * from './write-demo-city.js';
