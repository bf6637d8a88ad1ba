// Recurring bookings (bookings-jobs.md §6): occurrence instants from the first start, stepping a
// number of calendar days (UTC, so the clock time stays) while not after the end date's last
// millisecond, at most 100 of them. No series is stored: each occurrence becomes its own job.

export const MAX_OCCURRENCES = 100;

/** legacy step in days: daily 1, weekly 7, biweekly 14, custom its interval (0 → 1), anything else 1 */
export function intervalDays(recurrence: string, customInterval: number | null | undefined): number {
  switch (recurrence) {
    case 'weekly':
      return 7;
    case 'biweekly':
      return 14;
    case 'custom':
      return customInterval || 1;
    default:
      return 1;
  }
}

/** every occurrence start; empty when either date is unparsable. A negative step walks backwards to the cap. */
export function occurrenceStarts(start: string, endDate: string, stepDays: number): Date[] {
  const bound = new Date(endDate);
  bound.setUTCHours(23, 59, 59, 999);
  const current = new Date(start);
  const out: Date[] = [];
  while (current <= bound) {
    out.push(new Date(current));
    current.setUTCDate(current.getUTCDate() + stepDays);
    if (out.length >= MAX_OCCURRENCES) break;
  }
  return out;
}
