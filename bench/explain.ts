// `bun bench/explain.ts --url postgres://…/busy [--name busy] [--business biz_demo]`: EXPLAIN (ANALYZE,
// BUFFERS) of every hot statement in sql/ against a loaded dataset, with parameters taken from its data.
// Plans go to bench/explain/<name>/<statement>.txt; a summary line per statement (time, index use, any
// sequential scan of a big table) is printed. Writes run inside a transaction that is rolled back.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { SESSION } from '../src/db/client';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'postgres://postgres:postgres@127.0.0.1:54339/busy' },
    name: { type: 'string', default: 'busy' },
    business: { type: 'string' },
  },
});

// the API's own session settings, so the plans are the ones it gets
const sql = postgres(args.url!, { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC', ...SESSION } });
const SQL_DIR = join(import.meta.dir, '..', 'sql');
const OUT = join(import.meta.dir, 'explain', args.name!);
mkdirSync(OUT, { recursive: true });

// the business with the most jobs, unless named; its busiest staff member, a client with jobs, an invoice
const [{ business }] = args.business
  ? [{ business: args.business }]
  : await sql`SELECT business_id AS business FROM jobs GROUP BY business_id ORDER BY count(*) DESC LIMIT 1`;
const [{ staff }] = await sql`SELECT staff_id AS staff FROM jobs WHERE business_id = ${business} AND staff_id IS NOT NULL GROUP BY staff_id ORDER BY count(*) DESC LIMIT 1`;
const [{ client }] = await sql`SELECT client_id AS client FROM jobs WHERE business_id = ${business} GROUP BY client_id ORDER BY count(*) DESC LIMIT 1`;
const [{ invoice }] = await sql`SELECT id AS invoice FROM invoices WHERE business_id = ${business} ORDER BY seq DESC LIMIT 1`;
const [{ job }] = await sql`SELECT id AS job FROM jobs WHERE business_id = ${business} AND status = 'BOOKED' AND start_at > now() ORDER BY seq LIMIT 1`;
const [{ user }] = await sql`SELECT id AS user FROM users WHERE business_id = ${business} AND role = 'ADMIN' LIMIT 1`;
const [{ service }] = await sql`SELECT service_id AS service FROM jobs WHERE business_id = ${business} GROUP BY service_id ORDER BY count(*) DESC LIMIT 1`;
const items = (await sql`SELECT id FROM invoice_items WHERE business_id = ${business} AND client_id = ${client} AND status = 'PENDING' LIMIT 3`).map((r) => r.id);
// the calendar master's refresh as it runs after a write: from a snapshot taken now (nothing changed since)
const [head] = await sql.unsafe(readFileSync(join(SQL_DIR, 'jobs/calendar_changes.sql'), 'utf8'), [business, null, null, null] as never[]);
const now = new Date();
const today = now.toISOString().slice(0, 10);
const slotStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 10));
const slotEnd = new Date(slotStart.getTime() + 3_600_000);

const statements: [file: string, params: unknown[], write?: boolean][] = [
  ['users/get_for_auth', [user]],
  ['jobs/list_calendar', [business, null, null]],
  ['jobs/list_calendar', [business, null, staff]],
  ['jobs/list_calendar', [business, staff, null]],
  ['jobs/list_by_date', [business, today]],
  ['jobs/list_mine', [client]],
  ['jobs/list_pending', [business]],
  ['jobs/calendar_changes', [business, head!.snapshot, head!.others, head!.server]],
  ['jobs/get', [job]],
  ['jobs/get_calendar_entry', [job]],
  ['jobs/staff_candidates', [business, slotStart, slotEnd]],
  ['clients/list_by_business', [business]],
  ['staff/list', [business]],
  ['invoice_items/list_pending_by_business', [business]],
  ['invoices/list_by_business', [business]],
  ['invoices/get', [invoice]],
  ['invoices/detail', [invoice]],
  ['stats/booked_count', [business]],
  ['stats/pending_count', [business]],
  ['stats/client_count', [business]],
  ['stats/revenue_week', [business, now]],
  ['stats/upcoming_bookings', [business, now, 5]],
  ['finance/overview', [business, now]],
  ['finance/monthly_trend', [business, now]],
  ['finance/forecast', [business, now]],
  ['finance/revenue_by_staff', [business]],
  ['finance/revenue_by_client', [business]],
  ['jobs/update', [job, { status: 'BOOKED' }, now], true],
  ['jobs/recent_duplicate', [client, service, slotStart.toISOString(), [], null, 'BOOKED', '', new Date(now.getTime() - 60_000)]],
  ['jobs/lock_assignment_days', [business, slotStart, slotEnd], true],
  ['invoice_items/lock_for_invoice', [items], true],
  ['invoices/bill_items', ['inv_explain', business, client, items, 'http://localhost/pay/x'], true],
];

class Rollback extends Error {}

const BIG_TABLES = new Set(['jobs', 'invoices', 'invoice_items', 'clients', 'dogs', 'users']);
console.log(`${args.name}: business ${business}, staff ${staff}, client ${client}, invoice ${invoice}, date ${today}`);
const seen = new Map<string, number>();
for (const [file, params, write] of statements) {
  const text = readFileSync(join(SQL_DIR, `${file}.sql`), 'utf8');
  const run = async (ex: postgres.Sql | postgres.TransactionSql) =>
    (await ex.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params as never[])).map((r) => r['QUERY PLAN'] as string);
  let plan: string[] = [];
  if (write) {
    await sql.begin(async (tx) => {
      plan = await run(tx);
      throw new Rollback();
    }).catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  } else {
    await run(sql); // warm the cache: the plan shown is of a warm run, as under load
    plan = await run(sql);
  }
  const n = (seen.get(file) ?? 0) + 1;
  seen.set(file, n);
  const name = `${file.replace('/', '.')}${n > 1 ? `.${n}` : ''}`;
  writeFileSync(join(OUT, `${name}.txt`), `-- ${file}.sql with ${JSON.stringify(params)}\n${plan.join('\n')}\n`);
  const time = plan.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
  const indexes = [...new Set(plan.flatMap((l) => [...l.matchAll(/(?:using|Bitmap Index Scan on) (\w+)/gi)].map((m) => m[1])))];
  const seqScans = [...new Set(plan.flatMap((l) => [...l.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1])).filter((t) => BIG_TABLES.has(t)))];
  console.log(`${name.padEnd(44)} ${time.padStart(10)}  ${indexes.join(', ')}${seqScans.length ? `  SEQ SCAN ${seqScans.join(', ')}` : ''}`);
}
await sql.end();
