/** The calendar date 'YYYY-MM-DD' that `instant` falls on in the IANA time zone `timeZone`. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  // formatToParts, not a locale's date format: locale data may change how a whole date is written.
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
