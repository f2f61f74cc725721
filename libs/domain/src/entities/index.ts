import { ApiKey } from './api-key.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { Department } from './department.entity.js';
import { Vendor } from './vendor.entity.js';

export { ApiKey, AuditEvent, Department, Vendor };
export { LANGUAGES, type Language } from './vendor.entity.js';

/** Every entity, for the data source; a new entity is added here and gets a migration. */
export const ENTITIES = [ApiKey, AuditEvent, Department, Vendor];
