// Rendered JSON lists (the 14 MB admin calendar of a busy business) kept between requests.
// Every request reads the business's data version from PostgreSQL (one index read) and serves the
// kept bytes only if they were built at that version or later; the version moves at the commit of
// any change to what the lists show, by any instance (migration 20261122009000), so a list is never
// older than the last write committed before the request. Keys always start with the business id.
// Bounded by bytes, least recently used out first; concurrent misses of one key share one build.
import type { Queries } from '../db/queries';
import type { VersionedList } from '../db/queries/business-data';

interface Entry {
  version: bigint;
  body: Uint8Array;
}

export interface ListCache {
  /** the list's UTF-8 bytes, current as of this call */
  get(businessId: string, key: string, build: () => Promise<VersionedList | null>): Promise<Uint8Array>;
  /** what is kept: for tests and monitoring */
  stats(): { entries: number; bytes: number; maxBytes: number };
}

const encoder = new TextEncoder();

export function createListCache(q: Queries, maxBytes: number): ListCache {
  const entries = new Map<string, Entry>(); // in order of last use
  const building = new Map<string, Promise<Entry>>();
  let bytes = 0;

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

  async function build(fullKey: string, run: () => Promise<VersionedList | null>): Promise<Entry> {
    const row = await run();
    const entry = { version: BigInt(row?.version ?? 0), body: encoder.encode(row?.list ?? '[]') };
    keep(fullKey, entry);
    return entry;
  }

  return {
    async get(businessId, key, run) {
      const fullKey = `${businessId}\u0000${key}`;
      const version = BigInt((await q.businessData.version(businessId))?.version ?? 0);
      const hit = entries.get(fullKey);
      if (hit && hit.version >= version) {
        entries.delete(fullKey);
        entries.set(fullKey, hit);
        return hit.body;
      }
      const shared = building.get(fullKey);
      if (shared) {
        const entry = await shared;
        if (entry.version >= version) return entry.body;
      }
      const mine = build(fullKey, run);
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
