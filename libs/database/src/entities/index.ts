import { ApiKey } from './api-key.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { Bid } from './bid.entity.js';
import { Certification } from './certification.entity.js';
import { ContractRenewal } from './contract-renewal.entity.js';
import { Contract } from './contract.entity.js';
import { Department } from './department.entity.js';
import { Engagement } from './engagement.entity.js';
import { EvaluationRunChunk } from './evaluation-run-chunk.entity.js';
import { EvaluationRun } from './evaluation-run.entity.js';
import { KpiEvaluation } from './kpi-evaluation.entity.js';
import { Kpi } from './kpi.entity.js';
import { LibraryKpi } from './library-kpi.entity.js';
import { Measurement } from './measurement.entity.js';
import { Notification } from './notification.entity.js';
import { OcdsRelease } from './ocds-release.entity.js';
import { Payment } from './payment.entity.js';
import { PerformanceEvaluation } from './performance-evaluation.entity.js';
import { Solicitation } from './solicitation.entity.js';
import { Vendor } from './vendor.entity.js';

export * from './api-key.entity.js';
export * from './audit-event.entity.js';
export * from './bid.entity.js';
export * from './certification.entity.js';
export * from './contract-renewal.entity.js';
export * from './contract.entity.js';
export * from './department.entity.js';
export * from './engagement.entity.js';
export * from './evaluation-run-chunk.entity.js';
export * from './evaluation-run.entity.js';
export * from './kpi-evaluation.entity.js';
export * from './kpi.entity.js';
export * from './library-kpi.entity.js';
export * from './measurement.entity.js';
export * from './notification.entity.js';
export * from './ocds-release.entity.js';
export * from './payment.entity.js';
export * from './performance-evaluation.entity.js';
export * from './solicitation.entity.js';
export * from './vendor.entity.js';

/** Every entity, for the data source; a new entity is added here and gets a migration. */
export const ENTITIES = [
  ApiKey,
  AuditEvent,
  Bid,
  Certification,
  Contract,
  ContractRenewal,
  Department,
  Engagement,
  EvaluationRun,
  EvaluationRunChunk,
  Kpi,
  KpiEvaluation,
  LibraryKpi,
  Measurement,
  Notification,
  OcdsRelease,
  Payment,
  PerformanceEvaluation,
  Solicitation,
  Vendor,
];
