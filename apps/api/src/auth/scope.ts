import type { Principal } from './principal.js';

/** The departments a caller is confined to, or null when it sees every department's data. */
export function departmentScope(principal: Principal): string[] | null {
  return principal.role === 'department_head' ? principal.departmentIds : null;
}

/**
 * The vendors a caller is confined to, or null when it sees every vendor. A vendor key sees its own vendor
 * only; a vendor key without one (which the CLI and API never create) sees nothing rather than everything.
 */
export function vendorScope(principal: Principal): string[] | null {
  if (principal.role !== 'vendor') return null;
  return principal.vendorId ? [principal.vendorId] : [];
}

/** Whether a contract (or anything under it) is visible: vendors see their own, department heads their departments'. */
export function canSeeContract(principal: Principal, contract: { vendorId: string; departmentId: string }): boolean {
  if (principal.role === 'vendor') return principal.vendorId === contract.vendorId;
  if (principal.role === 'department_head') return principal.departmentIds.includes(contract.departmentId);
  return true;
}
