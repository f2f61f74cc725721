import type { Actor, Role } from '#domain';

/** The authenticated caller of a request, with the scope its key carries. */
export type Principal = {
  keyId: string;
  name: string;
  role: Role;
  /** For department heads: the departments they may see. */
  departmentIds: string[];
  /** For vendor keys: their vendor. */
  vendorId: string | null;
};

export function actorOf(principal: Principal, requestId: string | null): Actor {
  return { type: 'api_key', id: principal.keyId, name: principal.name, role: principal.role, requestId };
}
