import type { Solicitation } from '#database';
import type { KpiDefinition, ProcurementMethod, SolicitationCategory, SolicitationStatus } from '#domain';

export type SolicitationResponse = {
  id: string;
  referenceNumber: string;
  title: string;
  description: string | null;
  departmentId: string;
  category: SolicitationCategory;
  method: ProcurementMethod;
  estimatedValue: number | null;
  diversityGoalPercent: number | null;
  dueAt: Date | null;
  kpiTemplates: KpiDefinition[];
  status: SolicitationStatus;
  requisitionReceivedAt: Date | null;
  publishedAt: Date | null;
  closedAt: Date | null;
  awardedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const toSolicitationResponse = (solicitation: Solicitation): SolicitationResponse => ({
  id: solicitation.id,
  referenceNumber: solicitation.referenceNumber,
  title: solicitation.title,
  description: solicitation.description,
  departmentId: solicitation.departmentId,
  category: solicitation.category,
  method: solicitation.method,
  estimatedValue: solicitation.estimatedValue,
  diversityGoalPercent: solicitation.diversityGoalPercent,
  dueAt: solicitation.dueAt,
  kpiTemplates: solicitation.kpiTemplates,
  status: solicitation.status,
  requisitionReceivedAt: solicitation.requisitionReceivedAt,
  publishedAt: solicitation.publishedAt,
  closedAt: solicitation.closedAt,
  awardedAt: solicitation.awardedAt,
  cancelledAt: solicitation.cancelledAt,
  createdAt: solicitation.createdAt,
  updatedAt: solicitation.updatedAt,
});
