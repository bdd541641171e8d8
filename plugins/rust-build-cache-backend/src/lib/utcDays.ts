/** Days are UTC calendar days written `YYYY-MM-DD`, which sort as strings. */

export function utcDay(timestamp: string | Date): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return utcDay(date);
}
