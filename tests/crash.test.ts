// SIGKILL under a concurrent write load: a real server process is killed while several clients
// create, move and complete bookings and generate and pay invoices through HTTP. After a restart
// every write that was answered 2xx is there, every invoice is whole (its items billed to it, its
// amount their sum), no item is billed without its invoice, and the seed did not run again.
import { afterAll, expect, test } from 'bun:test';
import postgres from 'postgres';
import { emptyDatabase } from './support/postgres';
import { startServerProcess, type ServerProcess } from './support/server-process';

const WORKERS = 6;

let server: ServerProcess | null = null;
let sql: postgres.Sql | null = null;
afterAll(async () => {
  await server?.stop('SIGKILL');
  await sql?.end();
});

/** what the server acknowledged with a 2xx before it died */
interface Acknowledged {
  clients: string[];
  /** start: the last acknowledged; attempted: a move sent whose answer was lost (it may have committed) */
  jobs: Map<string, { start: string; attempted: string | null; completed: boolean }>;
  invoices: Map<string, { itemIds: string[]; amountCents: number; paid: boolean }>;
}

interface Api {
  post(path: string, body: unknown): Promise<any | null>;
  get(path: string): Promise<any | null>;
}

/** JSON calls as the demo admin; null for anything but a 2xx (refused, reset, timed out) */
function api(base: string, token: string): Api {
  const call = async (method: string, path: string, body?: unknown) => {
    try {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      return res.ok ? await res.json() : null;
    } catch {
      return null;
    }
  };
  return { post: (path, body) => call('POST', path, body), get: (path) => call('GET', path) };
}

/** one virtual user: its own client; book, move, complete; every second round invoice and pay */
async function writeLoad(http: Api, worker: number, ack: Acknowledged, running: () => boolean) {
  const client = await http.post('/api/clients/create', { name: `Crash Client ${worker}`, email: `crash${worker}@example.test` });
  if (!client) return;
  const clientId = client.client.id as string;
  ack.clients.push(clientId);
  const [service] = (await http.get('/api/services/list')) ?? [];
  if (!service) return;
  for (let round = 0; running(); round++) {
    const day = String((round % 28) + 1).padStart(2, '0');
    const month = String(Math.floor(round / 28) + 1).padStart(2, '0');
    const created = await http.post('/api/bookings/create', { clientId, serviceId: service.id, start: `2032-${month}-${day}T08:00:00.000Z` });
    if (!created) continue;
    const jobId = created.job.id as string;
    const job = { start: created.job.start as string, attempted: null as string | null, completed: false };
    ack.jobs.set(jobId, job);
    const moved = `2032-${month}-${day}T15:30:00.000Z`;
    job.attempted = moved;
    if (!(await http.post(`/api/bookings/${jobId}/move`, { start: moved }))) continue;
    [job.start, job.attempted] = [moved, null];
    if (!(await http.post(`/api/bookings/${jobId}/update`, { status: 'COMPLETED' }))) continue;
    job.completed = true;
    if (round % 2 === 0) continue;

    const groups: { clientId: string; items: { id: string }[] }[] = (await http.get('/api/invoice-items/pending')) ?? [];
    const itemIds = groups.find((g) => g.clientId === clientId)?.items.map((i) => i.id) ?? [];
    if (itemIds.length === 0) continue;
    const generated = await http.post('/api/invoices/generate', { clientId, itemIds });
    if (!generated) continue;
    const invoice = generated.invoice;
    ack.invoices.set(invoice.id, { itemIds, amountCents: invoice.amountCents, paid: false });
    if (await http.post(`/api/invoices/${invoice.id}/mark-paid`, { paymentMethod: 'cash' })) ack.invoices.get(invoice.id)!.paid = true;
  }
}

test('SIGKILL mid-load loses no acknowledged write and leaves no half-billed invoice', async () => {
  const url = await emptyDatabase();
  sql = postgres(url, { max: 2, onnotice: () => {} });
  server = await startServerProcess(url, { LOG_LEVEL: 'info' });
  expect(server.output()).toContain('demo data seeded');
  const seeded = await tableCounts(sql);

  const login = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.com', password: 'admin123' }),
  });
  const { token } = (await login.json()) as { token: string };
  const http = api(server.base, token);
  const ack: Acknowledged = { clients: [], jobs: new Map(), invoices: new Map() };
  let alive = true;
  const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => writeLoad(http, w, ack, () => alive)));

  // kill once every kind of write has been acknowledged a few times, with requests of all kinds in flight
  const paid = () => [...ack.invoices.values()].filter((i) => i.paid).length;
  const deadline = Date.now() + 30_000;
  while (paid() < 8 && Date.now() < deadline) await Bun.sleep(20);
  server.proc.kill('SIGKILL');
  await server.proc.exited;
  alive = false;
  await load;
  expect(paid()).toBeGreaterThanOrEqual(8);

  server = await startServerProcess(url, { LOG_LEVEL: 'info' });
  expect(server.output()).not.toContain('demo data seeded');
  const after = await tableCounts(sql);
  expect({ businesses: after.businesses, users: after.users }).toEqual({ businesses: seeded.businesses, users: seeded.users });

  // every acknowledged write is there
  const clients = await sql`SELECT id FROM clients WHERE id IN ${sql(ack.clients)}`;
  expect(clients.length).toBe(ack.clients.length);
  const jobs = await sql`SELECT id, start_raw, status FROM jobs WHERE id IN ${sql([...ack.jobs.keys()])}`;
  expect(jobs.length).toBe(ack.jobs.size);
  for (const job of jobs) {
    const acked = ack.jobs.get(job.id)!;
    expect([acked.start, acked.attempted]).toContain(job.start_raw);
    if (acked.completed) expect({ id: job.id, status: job.status }).toEqual({ id: job.id, status: 'COMPLETED' });
  }
  const items = await sql`SELECT job_id, count(*)::int AS n FROM invoice_items GROUP BY job_id`;
  const itemsPerJob = new Map(items.map((r) => [r.job_id as string, r.n as number]));
  for (const job of jobs) expect({ id: job.id, items: itemsPerJob.get(job.id) ?? 0 }).toEqual({ id: job.id, items: job.status === 'COMPLETED' ? 1 : 0 });

  const invoices = await sql`SELECT id, amount_cents, status FROM invoices WHERE id IN ${sql([...ack.invoices.keys()])}`;
  expect(invoices.length).toBe(ack.invoices.size);
  for (const invoice of invoices) {
    const acked = ack.invoices.get(invoice.id)!;
    expect(invoice.amount_cents).toBe(acked.amountCents);
    if (acked.paid) expect({ id: invoice.id, status: invoice.status }).toEqual({ id: invoice.id, status: 'PAID' });
  }
  const billedToAcked = await sql`SELECT id, invoice_id FROM invoice_items WHERE invoice_id IN ${sql([...ack.invoices.keys()])}`;
  for (const [id, acked] of ack.invoices) {
    expect(billedToAcked.filter((i) => i.invoice_id === id).map((i) => i.id).sort()).toEqual([...acked.itemIds].sort());
  }

  // every invoice (acknowledged or not) is whole, and every billed item belongs to one
  const whole = await sql`
    SELECT inv.id, inv.amount_cents AS amount,
           COALESCE((SELECT sum(it.price_cents * it.quantity) FROM invoice_items it WHERE it.invoice_id = inv.id), 0)::int AS items_sum,
           (SELECT count(*) FROM invoice_items it WHERE it.invoice_id = inv.id)::int AS items,
           (SELECT count(*) FROM invoice_items it WHERE it.invoice_id = inv.id AND it.status = 'BILLED')::int AS billed,
           (SELECT coalesce(array_agg(it.id ORDER BY it.id), '{}') FROM invoice_items it WHERE it.invoice_id = inv.id) AS item_ids,
           (SELECT coalesce(array_agg(m->>'id' ORDER BY m->>'id'), '{}') FROM jsonb_array_elements(inv.meta->'items') m) AS meta_ids
    FROM invoices inv`;
  expect(whole.length).toBeGreaterThanOrEqual(ack.invoices.size);
  for (const inv of whole) {
    expect(inv.items).toBeGreaterThan(0);
    expect({ id: inv.id, amount: inv.amount, billed: inv.billed, meta: inv.meta_ids }).toEqual({
      id: inv.id, amount: inv.items_sum, billed: inv.items, meta: inv.item_ids,
    });
  }
  const [orphans] = await sql`
    SELECT count(*)::int AS n FROM invoice_items it
    WHERE it.status = 'BILLED' AND NOT EXISTS (SELECT 1 FROM invoices inv WHERE inv.id = it.invoice_id)`;
  expect(orphans.n).toBe(0);

  // and the restarted server takes writes again
  const again = await api(server.base, token).post('/api/bookings/create', {
    clientId: ack.clients[0], serviceId: (await sql`SELECT id FROM services LIMIT 1`)[0].id, start: '2033-01-03T09:00:00.000Z',
  });
  expect(again?.job.status).toBe('BOOKED');
  expect(await server.stop('SIGTERM')).toBe(0);
}, 60_000);

async function tableCounts(db: postgres.Sql) {
  const [row] = await db`SELECT (SELECT count(*) FROM businesses)::int AS businesses, (SELECT count(*) FROM users)::int AS users`;
  return row as { businesses: number; users: number };
}
