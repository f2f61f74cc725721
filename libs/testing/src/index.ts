// Test helpers, imported by specs and benchmarks as #testing; never by application code.
export * from './api-process.js';
export * from './app-process.js';
export * from './data-source.js';
export * from './factories.js';
export * from './fixed-clock.js';
export * from './http-client.js';
export * from './measurement-import-fixture.js';
export * from './queues.js';
export * from './quiet-state.js';
export * from './read-pdf.js';
export * from './reset-database.js';
export * from './run-env.js';
export * from './smtp-sink.js';
export * from './throwaway-services.js';
export * from './worker-harness.js';
