/** The roles of the product design (§1). */
export const ROLES = ['admin', 'procurement_officer', 'department_head', 'vendor'] as const;
export type Role = (typeof ROLES)[number];

/** Who made a change, for the audit trail: an API key, an operator at the command line, or the system. */
export type Actor = {
  type: 'api_key' | 'cli' | 'system';
  id: string | null;
  name: string;
  role: Role | null;
  requestId: string | null;
};

export const CLI_ACTOR: Actor = { type: 'cli', id: null, name: 'cli', role: null, requestId: null };
