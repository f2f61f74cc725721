// Pure rules and types: no Nest, no TypeORM, no I/O. Apps and libraries import it as #domain.
export * from './auth/api-key-token.js';
export * from './auth/roles.js';
export * from './clock.js';
export * from './errors/domain-error.js';
export * from './evaluation/evaluate-kpi.js';
export * from './evaluation/evaluation-run.js';
export * from './evaluation/kpi-definition.js';
export * from './evaluation/kpi-rule.js';
export * from './evaluation/kpi-status.js';
export * from './evaluation/reporting-period.js';
export * from './measurements/measurement-source.js';
export * from './meeting-pack/pack-period.js';
export * from './notifications/notification-vocabulary.js';
export * from './procurement/procurement-vocabulary.js';
export * from './procurement/solicitation-lifecycle.js';
export * from './queues/queues.js';
export * from './vendors/vendor-vocabulary.js';
