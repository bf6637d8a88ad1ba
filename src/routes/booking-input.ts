// Reading booking request bodies. Legacy read fields by truthiness and crashed (500) on a missing
// body or on values of the wrong type; here a missing body is {} and a wrong type is a clean 400.
import { badRequest } from '../http/errors';
import { parseInstant } from '../domain/job-time';
import type { Body } from '../http/body';

/** a list of dog ids; absent and null are undefined */
export function optionalDogIds(body: Body, field = 'dogIds'): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) throw badRequest(`${field} must be an array of dog ids`);
  return value as string[];
}

const STATUSES = new Set(['PENDING', 'BOOKED', 'COMPLETED', 'CANCELLED']);

/** a booking status; legacy's old "COMPLETE" is COMPLETED, anything outside the four is refused */
export function bookingStatus(value: string): string {
  const status = value === 'COMPLETE' ? 'COMPLETED' : value;
  if (!STATUSES.has(status)) throw badRequest('Invalid status');
  return status;
}

/** a price in cents: null or a non-negative integer */
export function priceCentsOf(value: unknown): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 2_147_483_647) {
    throw badRequest('priceCents must be a non-negative integer');
  }
  return value;
}

/** the instant of a start that legacy had to compute an end from; unparsable is legacy's "Invalid time value" */
export function requiredInstant(start: string | null | undefined): Date {
  const at = parseInstant(start);
  if (!at) throw badRequest('Invalid time value');
  return at;
}
