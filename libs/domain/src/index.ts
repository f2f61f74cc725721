// The public surface of the domain library: apps import from '#domain', never from its files.
export * from './auth/api-key-token.js';
export * from './auth/roles.js';
export * from './config/app-env.js';
export * from './config/env-validators.js';
export * from './config/infra-env.js';
export * from './config/log-options.js';
export * from './config/validate-env.js';
export * from './database/database.module.js';
export * from './database/run-migrations.js';
export * from './database/typeorm-options.js';
export * from './entities/index.js';
export * from './errors/domain-error.js';
export * from './evaluation/kpi-rule.js';
export * from './evaluation/period-sql.js';
export * from './evaluation/reporting-period.js';
export * from './procurement/solicitation-lifecycle.js';
export * from './vendors/diversity.js';
