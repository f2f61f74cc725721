import type { Principal } from './principal.js';

/** The departments a caller is confined to, or null when it sees every department's data. */
export function departmentScope(principal: Principal): string[] | null {
  return principal.role === 'department_head' ? principal.departmentIds : null;
}
