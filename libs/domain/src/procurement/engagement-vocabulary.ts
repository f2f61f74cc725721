/** How the city met the vendor about a contract (the product design, §10). */
export const ENGAGEMENT_KINDS = ['meeting', 'site_visit', 'call'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Something agreed at an engagement: what is to be done, by whom and by when (owner and date when known). */
export type EngagementAction = { description: string; owner: string | null; dueDate: string | null };

/**
 * Why an engagement cannot be recorded on `date` (`YYYY-MM-DD`) when the city's day is `today`, or null: it is
 * the record of what took place, so a day after today is refused (a meeting planned is not yet an engagement).
 */
export function engagementDateProblem(date: string, today: string): string | null {
  // 'YYYY-MM-DD' strings sort as the days they name.
  return date > today ? `date must not be after today (${today})` : null;
}
