// Reading the loosely typed legacy JSON bodies. Legacy ran handlers with an undefined body when
// none was sent (the staff screens POST without one) and crashed on bodies of the wrong shape;
// here a missing body reads as {} and any other non-object body is a clean 400.
import { badRequest } from './errors';

export type Body = Record<string, unknown>;

export const isJsonObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

/** the body as an object: none at all is {}, anything but a JSON object is refused */
export function objectBody(body: unknown): Body {
  if (body === undefined || body === '') return {};
  if (!isJsonObject(body)) throw badRequest('body must be object');
  return body;
}

/** the body, which must be a JSON object even when absent (where legacy crashed without one) */
export function requireObject(body: unknown, what = 'Request body'): Body {
  if (!isJsonObject(body)) throw badRequest(`${what} must be a JSON object`);
  return body;
}

/** legacy defaults a missing (or null) field to ""; a present non-string is bad input */
export function stringField(body: Body, field: string): string {
  const value = body[field] ?? '';
  if (typeof value !== 'string') throw badRequest(`${field} must be a string`);
  return value;
}

/** a string field; absent and null are undefined */
export function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${field} must be a string`);
  return value;
}
