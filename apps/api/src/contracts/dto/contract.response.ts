import type { Contract } from '#database';
import type { ContractStatus } from '#domain';

export type ContractResponse = {
  id: string;
  number: string;
  title: string;
  vendorId: string;
  departmentId: string;
  solicitationId: string | null;
  bidId: string | null;
  value: number;
  startDate: string;
  endDate: string;
  managerEmail: string;
  diversityGoalPercent: number | null;
  reportingGraceDays: number;
  escalateAfterPeriods: number;
  status: ContractStatus;
  createdAt: Date;
  updatedAt: Date;
};

export const toContractResponse = (contract: Contract): ContractResponse => ({
  id: contract.id,
  number: contract.number,
  title: contract.title,
  vendorId: contract.vendorId,
  departmentId: contract.departmentId,
  solicitationId: contract.solicitationId,
  bidId: contract.bidId,
  value: contract.value,
  startDate: contract.startDate,
  endDate: contract.endDate,
  managerEmail: contract.managerEmail,
  diversityGoalPercent: contract.diversityGoalPercent,
  reportingGraceDays: contract.reportingGraceDays,
  escalateAfterPeriods: contract.escalateAfterPeriods,
  status: contract.status,
  createdAt: contract.createdAt,
  updatedAt: contract.updatedAt,
});
