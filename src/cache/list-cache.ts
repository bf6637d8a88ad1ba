// Rendered JSON responses (the 14 MB admin calendar of a busy business, the invoice list, the finance
// figures) kept between requests. Every request reads the business's data version from PostgreSQL
// (one index read; per domain, so marking an invoice paid does not rebuild the booking calendars)
// and serves the kept bytes only if they were built at that version or later; the version moves at
// the commit of any change to what they show, by any instance (migrations 20261122009000 and
// 20261122010000), so a response is never older than the last write committed
// before the request. An entry is stored under the version its statement read in its own snapshot,
// else under the version read before the build started: either way its data is at least that new.
// A response that time alone changes (finance figures roll with the month, forecast windows slide)
// also carries the first instant it may differ (validUntil), and is served only before it; the
// build is handed the instant to compute at, from the same clock that checks the expiry.
// Keys always start with the business id. Bounded by bytes, least recently used out first;
// concurrent misses of one key share one build.
import type { Queries } from '../db/queries';
import type { DataDomain } from '../db/queries/business-data';

/** the domains of a response that shows bookings, clients, staff or invoice items only */
export const LISTS: readonly DataDomain[] = ['lists'];
/** the domains of a response that also shows invoices (the finance figures, the invoice list) */
export const LISTS_AND_BILLING: readonly DataDomain[] = ['lists', 'billing'];

/** what a build produces */
export interface Built {
  /** the JSON text of the response */
  list: string;
  /** the data version read in the statement's own snapshot, when it reads one */
  version?: string;
  /** the first instant (epoch ms or Date) at which the passing of time alone may change the response */
  validUntil?: number | Date | null;
}

interface Entry {
  version: bigint;
  /** epoch ms; Infinity when only a data change can make it stale */
  validUntil: number;
  body: Uint8Array;
}

export interface ListCache {
  /**
   * the response's UTF-8 bytes, current as of this call; build computes it as of `now`. `domains`
   * are what the response shows (a key must always be read with the same domains).
   */
  get(businessId: string, key: string, build: (now: Date) => Promise<Built | null>, domains?: readonly DataDomain[]): Promise<Uint8Array>;
  /** what is kept: for tests and monitoring */
  stats(): { entries: number; bytes: number; maxBytes: number };
}

const encoder = new TextEncoder();

export function createListCache(q: Queries, maxBytes: number, clock: () => number = Date.now): ListCache {
  const entries = new Map<string, Entry>(); // in order of last use
  const building = new Map<string, Promise<Entry>>();
  let bytes = 0;

  const servable = (entry: Entry, version: bigint) => entry.version >= version && clock() < entry.validUntil;

  function remove(key: string) {
    const old = entries.get(key);
    if (!old) return;
    entries.delete(key);
    bytes -= old.body.byteLength;
  }

  function keep(key: string, entry: Entry) {
    const current = entries.get(key);
    if (current && current.version > entry.version) return;
    remove(key);
    if (entry.body.byteLength > maxBytes) return;
    entries.set(key, entry);
    bytes += entry.body.byteLength;
    for (const [oldest] of entries) {
      if (bytes <= maxBytes) break;
      remove(oldest);
    }
  }

  async function build(fullKey: string, versionBefore: bigint, run: (now: Date) => Promise<Built | null>): Promise<Entry> {
    const built = await run(new Date(clock()));
    const entry = {
      version: built?.version === undefined ? versionBefore : BigInt(built.version),
      validUntil: built?.validUntil == null ? Infinity : Number(built.validUntil),
      body: encoder.encode(built?.list ?? '[]'),
    };
    keep(fullKey, entry);
    return entry;
  }

  return {
    async get(businessId, key, run, domains = LISTS) {
      const fullKey = `${businessId}\u0000${key}`;
      const version = BigInt((await q.businessData.version(businessId, domains))?.version ?? 0);
      const hit = entries.get(fullKey);
      if (hit && servable(hit, version)) {
        entries.delete(fullKey);
        entries.set(fullKey, hit);
        return hit.body;
      }
      const shared = building.get(fullKey);
      if (shared) {
        const entry = await shared;
        if (servable(entry, version)) return entry.body;
      }
      // a build of our own is computed after this request began, so it is served even if it expires meanwhile
      const mine = build(fullKey, version, run);
      building.set(fullKey, mine);
      try {
        return (await mine).body;
      } finally {
        if (building.get(fullKey) === mine) building.delete(fullKey);
      }
    },
    stats: () => ({ entries: entries.size, bytes, maxBytes }),
  };
}
