/** How the city met the vendor about a contract (the product design, §10). */
export const ENGAGEMENT_KINDS = ['meeting', 'site_visit', 'call'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Something agreed at an engagement: what is to be done, by whom and by when (owner and date when known). */
export type EngagementAction = { description: string; owner: string | null; dueDate: string | null };
