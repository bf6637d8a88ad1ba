// Event payloads leave the process only through this allow-list: ids, statuses and the stats scope.
// Routes are asked to send nothing else; this is the second line of defence against leaking
// notes, addresses, routes or prices to a socket (the legacy broadcast the whole job).

export type EventPayload = Record<string, unknown>;

/** objects the legacy payloads nest the record in: {booking: {...}}, {invoice: {...}} */
const CONTAINERS = new Set(['booking', 'invoice']);

const isIdKey = (key: string) => key === 'id' || /^[a-z][A-Za-z]*Id$/.test(key);
const isIdListKey = (key: string) => /^[a-z][A-Za-z]*Ids$/.test(key);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function keepLeaf(key: string, value: unknown): boolean {
  if (isIdKey(key)) return typeof value === 'string' || value === null;
  if (isIdListKey(key)) return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (key === 'status' || key === 'scope') return typeof value === 'string';
  return false;
}

function scrubLeaves(source: Record<string, unknown>): EventPayload {
  const out: EventPayload = {};
  for (const [key, value] of Object.entries(source)) if (keepLeaf(key, value)) out[key] = value;
  return out;
}

/** a copy of payload holding only id/status/scope fields, at the top level or one container deep */
export function scrubPayload(payload: unknown): EventPayload {
  if (!isPlainObject(payload)) return {};
  const out = scrubLeaves(payload);
  for (const key of CONTAINERS) {
    const inner = payload[key];
    if (isPlainObject(inner)) out[key] = scrubLeaves(inner);
  }
  return out;
}
