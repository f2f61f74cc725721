// What every process needs to start: configuration, logs, the clock, the queue connection. Imported as #runtime.
export * from './clock.module.js';
export * from './config/app-env.js';
export * from './config/env-validators.js';
export * from './config/infra-env.js';
export * from './config/log-options.js';
export * from './config/validate-env.js';
export * from './queues.module.js';
export * from './send-jobs.js';
