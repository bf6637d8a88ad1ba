// `bun bench/calendar-refresh.ts --url postgres://…/busy_copy [--business biz_demo] [--rounds 10]`: the
// admin calendar built in full by list_calendar against the calendar master (src/cache/calendar-cache.ts)
// brought up to date after one changed job. Each round rewrites one job without changing its content
// (`notes = notes`: a new row version and a data version bump, the same document), then times the
// refresh and the admin view cut from the master, and checks its bytes against list_calendar's.
// Run it on a throwaway copy: it writes (content-neutral) row versions.
import { parseArgs } from 'node:util';
import { createCalendarCache } from '../src/cache/calendar-cache';
import { connect } from '../src/db/client';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'postgres://postgres:postgres@127.0.0.1:54339/busy_copy' },
    business: { type: 'string' },
    rounds: { type: 'string', default: '10' },
  },
});

const db = connect(args.url!, { max: 2 });
const [{ business }] = args.business
  ? [{ business: args.business }]
  : await db.sql`SELECT business_id AS business FROM jobs GROUP BY business_id ORDER BY count(*) DESC LIMIT 1`;
const jobIds = (await db.sql<{ id: string }[]>`SELECT id FROM jobs WHERE business_id = ${business} ORDER BY seq`).map((r) => r.id);
const calendar = createCalendarCache(db.q, 256 * 1024 * 1024);

const ms = async <T>(fn: () => Promise<T>): Promise<[number, T]> => {
  const start = performance.now();
  const out = await fn();
  return [performance.now() - start, out];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const full: number[] = [];
for (let i = 0; i < 3; i++) full.push((await ms(() => db.q.jobs.listCalendar(business, null, null)))[0]);
const [cold, first] = await ms(() => calendar.view(business, null, null));

const refresh: number[] = [];
for (let round = 0; round < Number(args.rounds); round++) {
  const id = jobIds[Math.floor(Math.random() * jobIds.length)]!;
  await db.sql`UPDATE jobs SET notes = notes WHERE id = ${id}`;
  const before = calendar.stats().reads;
  const [took, view] = await ms(() => calendar.view(business, null, null));
  const after = calendar.stats().reads;
  if (after.jobs - before.jobs !== 1 || after.full !== before.full) throw new Error(`round ${round} read ${after.jobs - before.jobs} jobs`);
  if (view.list !== (await db.q.jobs.listCalendar(business, null, null))!.list) throw new Error(`round ${round}: bytes differ`);
  refresh.push(took);
}
const [render] = await ms(() => calendar.view(business, null, null));

console.log(JSON.stringify({
  business,
  jobs: jobIds.length,
  listMB: +(first.list.length / 1e6).toFixed(1),
  masterMB: +(calendar.stats().bytes / 1e6).toFixed(1),
  listCalendarMs: full.map((x) => +x.toFixed(1)),
  masterColdMs: +cold.toFixed(1),
  refreshOneJobMs: { median: +median(refresh).toFixed(1), all: refresh.map((x) => +x.toFixed(1)) },
  renderUnchangedMs: +render.toFixed(1),
}, null, 2));
await db.close();
