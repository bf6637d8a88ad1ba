// Reading the loosely typed legacy bodies of the accounts routes: legacy never validated them,
// so a missing field falls back to its legacy default and a wrongly typed one is a clean 400.
import { badRequest } from '../http/errors';

export const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** the body as an object; a missing or non-object body reads as {} (every field at its default) */
export const asObject = (body: unknown): Record<string, unknown> => (isJsonObject(body) ? body : {});

/** the body, which must be a JSON object (where legacy crashed without one) */
export function requireObject(body: unknown, what = 'Request body'): Record<string, unknown> {
  if (!isJsonObject(body)) throw badRequest(`${what} must be a JSON object`);
  return body;
}

/** legacy defaults a missing (or null) field to ""; a present non-string is bad input */
export function stringField(body: Record<string, unknown>, field: string): string {
  const value = body[field] ?? '';
  if (typeof value !== 'string') throw badRequest(`${field} must be a string`);
  return value;
}
