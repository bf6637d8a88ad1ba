// Dates and money as a UK business writes them. Times are shown in UTC, the zone the service runs in
// and the one legacy used for every date it formatted (invoice item dates, calendar times): a booking
// entered as 10:00 reads 10:00 here.

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const valid = (d: Date | null): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

// assembled from parts: ICU versions differ on the commas and "at" between them
function parts(d: Date) {
  const p = Object.fromEntries(PARTS.formatToParts(d).map((x) => [x.type, x.value]));
  return { day: `${p.weekday} ${p.day} ${p.month} ${p.year}`, date: `${p.day} ${p.month} ${p.year}`, time: `${p.hour}:${p.minute}` };
}

/** "Monday 23 November 2026 at 10:00"; a date-only start (no T in its text) shows no time; no parsable start shows its text */
export function formatWhen(startAt: Date | null, startRaw: string | null): string {
  if (!valid(startAt)) return startRaw?.trim() || 'Time to be confirmed';
  const { day, time } = parts(startAt);
  return startRaw && !startRaw.includes('T') ? day : `${day} at ${time}`;
}

/** "23 November 2026" */
export const formatDate = (d: Date) => (valid(d) ? parts(d).date : '');

/** "£15.00" for gbp; an unknown currency code is written after the amount */
export function formatMoney(cents: number, currency: string): string {
  const amount = (Number.isFinite(cents) ? cents : 0) / 100;
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency.toUpperCase()}`.trim();
  }
}
