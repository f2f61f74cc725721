import { ApiKey } from './api-key.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { Bid } from './bid.entity.js';
import { Certification } from './certification.entity.js';
import { Contract } from './contract.entity.js';
import { Department } from './department.entity.js';
import { EvaluationRunChunk } from './evaluation-run-chunk.entity.js';
import { EvaluationRun } from './evaluation-run.entity.js';
import { KpiEvaluation } from './kpi-evaluation.entity.js';
import { Kpi } from './kpi.entity.js';
import { Measurement } from './measurement.entity.js';
import { Notification } from './notification.entity.js';
import { Payment } from './payment.entity.js';
import { Solicitation } from './solicitation.entity.js';
import { Vendor } from './vendor.entity.js';

export {
  ApiKey,
  AuditEvent,
  Bid,
  Certification,
  Contract,
  Department,
  EvaluationRun,
  EvaluationRunChunk,
  Kpi,
  KpiEvaluation,
  Measurement,
  Notification,
  Payment,
  Solicitation,
  Vendor,
};
export { EVALUATION_RUN_STATUSES, type EvaluationRunStatus } from './evaluation-run.entity.js';
export type { EvaluationCounts } from './evaluation-run-chunk.entity.js';
export {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationStatus,
} from './notification.entity.js';
export { MEASUREMENT_SOURCES, type MeasurementSource } from './measurement.entity.js';
export { KPI_STATUSES, type KpiStatus } from './kpi-evaluation.entity.js';
export { CERTIFICATION_TYPES, type CertificationType } from './certification.entity.js';
export { CONTRACT_STATUSES, type ContractStatus } from './contract.entity.js';
export * from './kpi-definition.js';
export {
  PROCUREMENT_METHODS,
  SOLICITATION_CATEGORIES,
  SOLICITATION_STATUSES,
  type ProcurementMethod,
  type SolicitationCategory,
  type SolicitationStatus,
} from './solicitation.entity.js';
export { LANGUAGES, type Language } from './vendor.entity.js';

/** Every entity, for the data source; a new entity is added here and gets a migration. */
export const ENTITIES = [
  ApiKey,
  AuditEvent,
  Bid,
  Certification,
  Contract,
  Department,
  EvaluationRun,
  EvaluationRunChunk,
  Kpi,
  KpiEvaluation,
  Measurement,
  Notification,
  Payment,
  Solicitation,
  Vendor,
];
