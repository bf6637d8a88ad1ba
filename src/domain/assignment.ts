// Legacy staff auto-assignment (repo findAvailableStaffForSlot, bookings-jobs.md §5.1): the first
// STAFF member, in creation order, who performs the service, works that weekday with the slot inside
// their hours (availability read in UTC), and has no BOOKED/COMPLETED job overlapping the slot.

export interface StaffCandidate {
  id: string;
  /** service ids the member performs; null when never set (never auto-assigned then) */
  services: string[] | null;
  weekly: unknown;
  /** a blocking job of theirs overlaps the slot (decided in SQL) */
  busy: boolean;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** the slot's calendar day (UTC) at an "HH:MM" availability time; invalid when the time is not one */
function atTimeOfDay(day: Date, time: string): Date {
  const [h, m] = time.split(':');
  const d = new Date(day);
  d.setUTCHours(Number(h), Number(m), 0, 0);
  return d;
}

function worksDuring(weekly: unknown, start: Date, end: Date): boolean {
  const hours = (weekly as Record<string, unknown> | null)?.[WEEKDAYS[start.getUTCDay()]] as
    | { start?: unknown; end?: unknown }
    | undefined;
  if (!hours || typeof hours !== 'object' || !hours.start || !hours.end) return false;
  if (typeof hours.start !== 'string' || typeof hours.end !== 'string') return false;
  // an unparsable time gives an invalid Date, which compares false both ways: legacy let it pass
  return !(start < atTimeOfDay(start, hours.start) || end > atTimeOfDay(start, hours.end));
}

const performs = (c: StaffCandidate, serviceId: string | null) =>
  !serviceId || (Array.isArray(c.services) && c.services.includes(serviceId));

export function firstAvailableStaff(
  candidates: readonly StaffCandidate[],
  serviceId: string | null,
  start: Date,
  end: Date,
): string | null {
  const found = candidates.find((c) => performs(c, serviceId) && worksDuring(c.weekly, start, end) && !c.busy);
  return found?.id ?? null;
}
