/** A formatted number and its unit: "98.5%" (a percent sign is attached), "72.5 hours", or the number alone. */
export function withUnit(value: string, unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === '') return value;
  return trimmed === '%' ? `${value}%` : `${value} ${trimmed}`;
}
