// The expiry emails (the product design §9): the contract manager hears 120 and 60 days before a contract's end
// date, once each, so that renewing, re-procuring or letting it end is decided in time.
import { Temporal } from 'temporal-polyfill';
import { calendarDaysBetween } from '../evaluation/reporting-period.js';

/** The expiry emails, earliest first: each is due from `daysBefore` days before the end date. */
export const EXPIRY_NOTICES = [
  { occasion: '120-days', daysBefore: 120 },
  { occasion: '60-days', daysBefore: 60 },
] as const;
export type ExpiryOccasion = (typeof EXPIRY_NOTICES)[number]['occasion'];

/** The widest window an expiry email looks at: a contract further from its end calls for none. */
export const EXPIRY_WINDOW_DAYS = EXPIRY_NOTICES[0].daysBefore;

/**
 * The expiry email an active contract calls for on the city's day `today` (`YYYY-MM-DD`), or null. It is the
 * latest one whose day has come (`daysLeft <= daysBefore`) while the contract has not ended (its last day
 * included): a contract entered 100 days before its end gets the 120-day email at once and the 60-day one later;
 * one entered 45 days before gets the 60-day one alone, since two emails on one day would ask the same question.
 * A worker that missed days sends the email the day it runs again. Whether it was sent already is the outbox's
 * business (one email per contract and occasion), so this may be asked every day.
 */
export function expiryNoticeDue(endDate: string, today: string): ExpiryOccasion | null {
  const daysLeft = calendarDaysBetween(today, endDate);
  if (daysLeft < 0) return null;
  const reached = EXPIRY_NOTICES.filter((notice) => daysLeft <= notice.daysBefore);
  return reached.at(-1)?.occasion ?? null;
}

/**
 * Whether an expiry email written for `occasion` still says something true when it is sent: the contract has not
 * ended and its end is no further than the occasion's days (an end date moved later, by a renewal or a correction,
 * withdraws it).
 */
export function expiryNoticeStillDue(occasion: string, endDate: string, today: string): boolean {
  const notice = EXPIRY_NOTICES.find((candidate) => candidate.occasion === occasion);
  if (notice === undefined) return false;
  const daysLeft = calendarDaysBetween(today, endDate);
  return daysLeft >= 0 && daysLeft <= notice.daysBefore;
}

/** How far back the expiry email looks at the contract's results. */
export const EXPIRY_RESULTS_MONTHS = 12;

/**
 * The first day of the expiry email's results (`YYYY-MM-DD`): the periods that ended from this day to `today`
 * count, the same day 12 calendar months earlier (29 February going back to 28 February).
 */
export function expiryResultsFrom(today: string): string {
  return Temporal.PlainDate.from(today, { overflow: 'reject' }).subtract({ months: EXPIRY_RESULTS_MONTHS }).toString();
}
