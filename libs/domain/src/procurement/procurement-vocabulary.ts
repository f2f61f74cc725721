export const SOLICITATION_CATEGORIES = ['goods', 'services', 'construction', 'professional_services'] as const;
export type SolicitationCategory = (typeof SOLICITATION_CATEGORIES)[number];

export const PROCUREMENT_METHODS = ['rfp', 'ifb', 'rfq', 'sole_source', 'emergency', 'cooperative'] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];

export const SOLICITATION_STATUSES = ['draft', 'published', 'closed', 'awarded', 'cancelled'] as const;
export type SolicitationStatus = (typeof SOLICITATION_STATUSES)[number];

export const CONTRACT_STATUSES = ['active', 'completed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
