import type { Principal } from './principal.js';

/** The departments a caller is confined to, or null when it sees every department's data. */
export function departmentScope(principal: Principal): string[] | null {
  return principal.role === 'department_head' ? principal.departmentIds : null;
}

/** Whether a contract (or anything under it) is visible: vendors see their own, department heads their departments'. */
export function canSeeContract(principal: Principal, contract: { vendorId: string; departmentId: string }): boolean {
  if (principal.role === 'vendor') return principal.vendorId === contract.vendorId;
  if (principal.role === 'department_head') return principal.departmentIds.includes(contract.departmentId);
  return true;
}
