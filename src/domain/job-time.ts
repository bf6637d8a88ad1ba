// Booking times as legacy computed them: the client's start string parsed by the JS Date parser
// (the process runs in UTC, so zone-less strings are UTC), end = start + service minutes.

// Postgres timestamptz starts at 4713 BC; JS dates reach further back
const EARLIEST_STORABLE_YEAR = -4712;

/** the instant a start string names, or null when Date cannot parse it (or Postgres cannot store it) */
export function parseInstant(text: string | null | undefined): Date | null {
  if (text === null || text === undefined) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < EARLIEST_STORABLE_YEAR ? null : d;
}

export const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/** legacy end: only for a service with a non-zero duration */
export const endFor = (startAt: Date, durationMinutes: number | null | undefined): Date | null =>
  durationMinutes ? addMinutes(startAt, durationMinutes) : null;

/** en-GB "D Mon" in UTC, e.g. "25 Nov", "5 Sept"; "Invalid Date" for an unparsable start */
export function dayAndShortMonth(start: string | null): string {
  const d = new Date(start ?? NaN);
  if (Number.isNaN(d.getTime())) return 'Invalid Date';
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** the description legacy gives the invoice item of a completed job, e.g. "30min Dog Walk (25 Nov)" */
export const completionItemDescription = (serviceName: string | null | undefined, start: string | null) =>
  `${serviceName || 'Service'} (${dayAndShortMonth(start)})`;
