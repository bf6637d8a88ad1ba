// The admin calendar (GET /api/bookings/list) of a busy business is 20,000 job documents; building it
// costs PostgreSQL over a second. This module keeps, per business, a master copy: every job's document
// text in creation (seq) order, with the snapshot it was read in. When the business's data version
// has moved, it reads only the jobs written since that snapshot (sql/jobs/calendar_changes.sql, one
// statement, one snapshot) and patches the master; the views are then cut from the master here.
//
// Why the patched master equals a full read in the new snapshot S1 (the old one is S0):
// - a job row visible in S1 whose writer is older than every transaction running at S0 (xmin below
//   S0's xmin) was committed before S0, so S0 saw that same row version: its document can only differ
//   through the rows it names (client, dogs, service, staff). Any such row of the business written
//   since S0, or a change in how many there are (a deletion), makes the statement read everything.
//   Like the data-version triggers, this relies on a job naming only rows of its own business.
// - every other job row visible in S1 is returned with its S1 document and replaces or joins the master.
// - so every job of S1 is in the patched master with its S1 document; if the master still holds more
//   (a job deleted or moved straight in SQL), its count exceeds S1's job count and we read everything.
// Views are filtered exactly as list_calendar.sql does and joined with json_agg's ", " separator,
// so their bytes equal what list_calendar returns.
//
// Memory: masters are kept up to `maxBytes` (LIST_CACHE_MAX_BYTES) in total, least recently used
// out first, beside the rendered views in the list cache, which has its own budget of the same size;
// so an instance keeps at most twice LIST_CACHE_MAX_BYTES of calendar data. 0 keeps nothing and
// builds every request with list_calendar, as before this cache.
import type { Queries } from '../db/queries';
import type { VersionedList } from '../db/queries/business-data';
import type { CalendarChangeRow } from '../db/queries/calendar';
import { LISTS } from './list-cache';

interface CalendarJob {
  id: string;
  seq: number;
  staffId: string | null;
  status: string;
  /** the job's element of the list, as PostgreSQL prints it */
  doc: string;
}

interface Master {
  snapshot: string;
  server: string;
  version: string;
  /** counts of the business's clients, dogs, services and users in that snapshot */
  others: number[];
  jobs: CalendarJob[];
  bytes: number;
}

export interface CalendarReads {
  /** reads of every job of a business */
  full: number;
  /** reads of the jobs changed since a kept master */
  changes: number;
  /** job documents received by both kinds */
  jobs: number;
}

export interface CalendarCache {
  /** a calendar view as list_calendar builds it, current as of this call */
  view(businessId: string, staffViewerId: string | null, staffIdFilter: string | null): Promise<VersionedList>;
  /** what is kept and what was read: for tests and monitoring */
  stats(): { masters: number; bytes: number; maxBytes: number; reads: CalendarReads };
}

/** what a kept job costs besides its document text (object, strings, array slot), roughly */
const JOB_OVERHEAD_BYTES = 120;

export function createCalendarCache(q: Queries, maxBytes: number): CalendarCache {
  const masters = new Map<string, Master>(); // in order of last use
  const running = new Map<string, Promise<Master>>();
  const queued = new Map<string, Promise<Master>>();
  const reads: CalendarReads = { full: 0, changes: 0, jobs: 0 };
  let bytes = 0;

  function forget(businessId: string) {
    const old = masters.get(businessId);
    if (!old) return;
    masters.delete(businessId);
    bytes -= old.bytes;
  }

  function keep(businessId: string, master: Master) {
    const current = masters.get(businessId);
    if (current && BigInt(current.version) > BigInt(master.version)) return;
    forget(businessId);
    if (master.bytes > maxBytes) return;
    masters.set(businessId, master);
    bytes += master.bytes;
    for (const [oldest] of masters) {
      if (bytes <= maxBytes) break;
      forget(oldest);
    }
  }

  async function read(businessId: string, kept: Master | null): Promise<Master> {
    const rows = await q.calendar.changes(businessId, kept?.snapshot ?? null, kept?.others ?? null, kept?.server ?? null);
    const head = rows[0]!;
    const changed = rows.filter((r) => r.id !== null).map(jobOf);
    reads.jobs += changed.length;
    if (head.full || !kept) {
      reads.full++;
      return masterOf(head, changed);
    }
    reads.changes++;
    const jobs = changed.length === 0 ? kept.jobs : patched(kept.jobs, changed);
    if (jobs.length !== head.jobs) return read(businessId, null);
    return masterOf(head, jobs);
  }

  /** one read at a time per business; a caller arriving during a read waits for the next one */
  function refresh(businessId: string): Promise<Master> {
    const active = running.get(businessId);
    if (!active) return start(businessId);
    let next = queued.get(businessId);
    if (!next) {
      next = active.then(
        () => start(businessId),
        () => start(businessId),
      );
      queued.set(businessId, next);
    }
    return next;
  }

  function start(businessId: string): Promise<Master> {
    queued.delete(businessId);
    const reading = read(businessId, masters.get(businessId) ?? null).then((master) => {
      keep(businessId, master);
      return master;
    });
    running.set(businessId, reading);
    const done = () => {
      if (running.get(businessId) === reading) running.delete(businessId);
    };
    reading.then(done, done);
    return reading;
  }

  /** a master at least as new as the data version read at the start of this call */
  async function current(businessId: string): Promise<Master> {
    const version = BigInt((await q.businessData.version(businessId, LISTS))?.version ?? 0);
    const kept = masters.get(businessId);
    if (kept && BigInt(kept.version) >= version) {
      masters.delete(businessId);
      masters.set(businessId, kept);
      return kept;
    }
    const active = running.get(businessId);
    if (active) {
      const master = await active.catch(() => null);
      if (master && BigInt(master.version) >= version) return master;
    }
    return refresh(businessId);
  }

  return {
    async view(businessId, staffViewerId, staffIdFilter) {
      if (maxBytes <= 0) return (await q.jobs.listCalendar(businessId, staffViewerId, staffIdFilter)) ?? { version: '0', list: '[]' };
      const master = await current(businessId);
      return { version: master.version, list: rendered(master.jobs, staffViewerId, staffIdFilter) };
    },
    stats: () => ({ masters: masters.size, bytes, maxBytes, reads: { ...reads } }),
  };
}

function jobOf(row: CalendarChangeRow): CalendarJob {
  return { id: row.id!, seq: Number(row.seq), staffId: row.staffId, status: row.status!, doc: row.doc! };
}

function masterOf(head: CalendarChangeRow, jobs: CalendarJob[]): Master {
  let bytes = 0;
  for (const job of jobs) bytes += job.doc.length + JOB_OVERHEAD_BYTES;
  return { snapshot: head.snapshot, server: head.server, version: head.version, others: head.others, jobs, bytes };
}

/** the kept jobs with the changed ones (in seq order) replacing them by id or joining them by seq */
function patched(kept: CalendarJob[], changed: CalendarJob[]): CalendarJob[] {
  const changedIds = new Set(changed.map((job) => job.id));
  const out: CalendarJob[] = [];
  let next = 0;
  for (const job of kept) {
    if (changedIds.has(job.id)) continue;
    while (next < changed.length && changed[next]!.seq < job.seq) out.push(changed[next++]!);
    out.push(job);
  }
  while (next < changed.length) out.push(changed[next++]!);
  return out;
}

/** list_calendar's filter and json_agg's text: a staff viewer sees their jobs and unassigned PENDING ones */
function rendered(jobs: CalendarJob[], staffViewerId: string | null, staffIdFilter: string | null): string {
  const docs: string[] = [];
  for (const job of jobs) {
    if (staffViewerId !== null && job.staffId !== staffViewerId && !(job.status === 'PENDING' && job.staffId === null)) continue;
    if (staffIdFilter !== null && job.staffId !== staffIdFilter) continue;
    docs.push(job.doc);
  }
  return docs.length === 0 ? '[]' : `[${docs.join(', ')}]`;
}
