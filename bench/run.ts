// `bun bench/run.ts --base URL [--users 8] [--seconds 10] [--only a,b]`: drives a running server with N
// concurrent virtual users for T seconds per endpoint, one endpoint after the other, and prints per
// endpoint requests/s and p50/p95/p99 latency (the whole body read), plus a JSON report in
// bench/results/. Reads first, then writes (which change the data: run them on a copy, see README).
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Api, mapBounded } from './lib/http';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:18787' },
    users: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '10' },
    'write-seconds': { type: 'string', default: '5' },
    only: { type: 'string' },
    // reads only / writes only (writes change the data: run them on a copy, see README)
    reads: { type: 'boolean', default: false },
    writes: { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
    email: { type: 'string', default: 'admin@demo.com' },
    password: { type: 'string', default: 'admin123' },
    'staff-email': { type: 'string', default: 'walker1@demo.com' },
    'staff-password': { type: 'string', default: 'staff123' },
    'client-email': { type: 'string', default: 'demo@client.com' },
    'client-password': { type: 'string', default: 'test123' },
  },
});

const api = new Api(args.base!.replace(/\/+$/, ''));
const users = Number(args.users);
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : null;

interface Req {
  method: string;
  path: string;
  token?: string;
  body?: unknown;
}

interface Endpoint {
  name: string;
  write?: boolean;
  /** the legacy's req/s at 8 users on the busy dataset (issue 11), where measured */
  legacy?: number;
  /** the issue's target: p95 (ms) or p50 (ms) bound, min req/s */
  target?: { p95?: number; p50?: number; rps?: number };
  /** prepares shared state once; returns the request for each iteration, or null when out of work */
  setup?: () => Promise<void>;
  next: () => Req | null;
  /** the status every response should have, when it is not a 2xx */
  expectStatus?: number;
}

// ---------------------------------------------------------------------------------------------------
// tokens and the ids the requests need, all found through the API

const admin = await api.login(args.email!, args.password!);
const staffLogin = await api.login(args['staff-email']!, args['staff-password']!).catch(() => null);
const clientLogin = await api.login(args['client-email']!, args['client-password']!).catch(() => null);
const A = admin.token;
const get = (path: string, token = A) => api.call('GET', path, { token });

const days = Array.from({ length: 28 }, (_, i) => new Date(Date.now() + (i - 14) * 86_400_000).toISOString().slice(0, 10));
const staffList: any[] = await get('/api/staff/list');
const staffId: string = staffLogin?.user.id ?? staffList[0]?.id;
const invoiceIds: string[] = ((await get('/api/invoices/list')) as any[]).map((i) => i.invoiceId);
const clients: any[] = await get('/api/clients/list');
const services: any[] = await get('/api/services/list');
const dogsByClient = new Map<string, string[]>();

let tick = 0;
const rotate = <T>(items: readonly T[]) => items[tick++ % items.length];

// writes: jobs created by the benchmark itself, in 2031, so day-scoped reads of the real data are untouched
const createdJobs: string[] = [];
const toComplete: string[] = [];
const toApprove: string[] = [];
let pendingItems: { clientId: string; id: string }[] = [];
let unpaidInvoices: string[] = [];

function futureStart() {
  const day = 1 + Math.floor(Math.random() * 360);
  const minutes = 8 * 60 + 15 * Math.floor(Math.random() * 36);
  return new Date(Date.UTC(2031, 0, day, 0, minutes)).toISOString();
}

async function dogsOf(clientId: string) {
  if (!dogsByClient.has(clientId)) dogsByClient.set(clientId, ((await get(`/api/dogs/by-client/${clientId}`)) as any[]).map((d) => d.id));
  return dogsByClient.get(clientId)!;
}
const benchClients = clients.slice(0, 40);
const walkService = services.find((s) => s.durationMinutes > 0 && s.active !== false) ?? services[0];

const bookingBody = (clientId: string, status = 'BOOKED') => ({
  clientId,
  serviceId: walkService.id,
  start: futureStart(),
  dogIds: dogsByClient.get(clientId)!.slice(0, 1),
  status,
  notes: 'bench',
});

const stat = (path: string): Endpoint => ({ name: `stats/${path.replace('bookings/', 'bookings-')}`, target: { p95: 20 }, next: () => ({ method: 'GET', path: `/api/stats/${path}`, token: A }) });

const endpoints: Endpoint[] = [
  { name: 'login', legacy: 9, target: { rps: 50 }, next: () => ({ method: 'POST', path: '/api/auth/login', body: { email: args.email, password: args.password } }) },
  // what a sign-in costs when the password is not remembered (src/auth/password.ts): a bcrypt compare each
  {
    name: 'login wrong password (bcrypt each)',
    expectStatus: 401,
    next: () => ({ method: 'POST', path: '/api/auth/login', body: { email: args.email, password: `${args.password}-wrong` } }),
  },
  { name: 'bookings/list admin', legacy: 1.2, target: { p50: 400 }, next: () => ({ method: 'GET', path: '/api/bookings/list', token: A }) },
  { name: 'bookings/list?staffId', legacy: 22, target: { rps: 220 }, next: () => ({ method: 'GET', path: `/api/bookings/list?staffId=${staffId}`, token: A }) },
  ...(staffLogin ? [{ name: 'bookings/list staff', next: () => ({ method: 'GET', path: '/api/bookings/list', token: staffLogin.token }) }] : []),
  { name: 'bookings/by-date', legacy: 22, target: { p95: 20, rps: 220 }, next: () => ({ method: 'GET', path: `/api/bookings/by-date?date=${rotate(days)}`, token: A }) },
  ...(clientLogin ? [{ name: 'bookings/mine', target: { p95: 20 }, next: () => ({ method: 'GET', path: '/api/bookings/mine', token: clientLogin.token }) }] : []),
  { name: 'clients/list', next: () => ({ method: 'GET', path: '/api/clients/list', token: A }) },
  { name: 'staff/list', next: () => ({ method: 'GET', path: '/api/staff/list', token: A }) },
  { name: 'invoice-items/pending', legacy: 22, target: { rps: 220 }, next: () => ({ method: 'GET', path: '/api/invoice-items/pending', token: A }) },
  { name: 'invoices/list', next: () => ({ method: 'GET', path: '/api/invoices/list', token: A }) },
  { name: 'invoices/:id', target: { p95: 20 }, next: () => ({ method: 'GET', path: `/api/invoices/${rotate(invoiceIds)}`, token: A }) },
  { name: 'invoices/:id/pdf', legacy: 75, target: { rps: 150 }, next: () => ({ method: 'GET', path: `/api/invoices/${rotate(invoiceIds)}/pdf`, token: A }) },
  stat('bookings/upcoming-count'),
  { ...stat('bookings/pending-count'), legacy: 58, target: { p95: 20, rps: 580 } },
  stat('clients/count'),
  stat('invoices/revenue-week'),
  { ...stat('bookings/upcoming'), legacy: 11, target: { p95: 20, rps: 110 } },
  { name: 'finance/overview', legacy: 3.8, target: { p95: 20, rps: 38 }, next: () => ({ method: 'GET', path: '/api/finance/overview', token: A }) },
  { name: 'finance/forecasts', legacy: 12.5, target: { p95: 20, rps: 125 }, next: () => ({ method: 'GET', path: '/api/finance/forecasts', token: A }) },
  { name: 'finance/breakdowns', target: { p95: 20 }, next: () => ({ method: 'GET', path: '/api/finance/breakdowns', token: A }) },

  {
    name: 'write: booking create',
    write: true,
    target: { p95: 30 },
    setup: async () => {
      for (const c of benchClients) await dogsOf(c.id);
    },
    next: () => ({ method: 'POST', path: '/api/bookings/create', token: A, body: bookingBody(rotate(benchClients).id) }),
  },
  {
    name: 'write: booking move',
    write: true,
    target: { p95: 30 },
    setup: () => ensureJobs(200),
    next: () => ({ method: 'POST', path: `/api/bookings/${rotate(createdJobs)}/move`, token: A, body: { start: futureStart() } }),
  },
  {
    name: 'write: booking approve',
    write: true,
    target: { p95: 30 },
    setup: async () => {
      for (const c of benchClients) await dogsOf(c.id);
      // PENDING and unassigned, so approval runs the auto-assignment
      const jobs = await mapBounded(Array.from({ length: 2000 }, (_, i) => benchClients[i % benchClients.length].id), users, (clientId) =>
        api.call('POST', '/api/bookings/create', { token: A, body: bookingBody(clientId, 'PENDING') }));
      toApprove.push(...jobs.map((r) => r.job.id));
    },
    next: () => {
      const id = toApprove.pop();
      return id ? { method: 'POST', path: '/api/jobs/approve', token: A, body: { id } } : null;
    },
  },
  {
    name: 'write: booking complete',
    write: true,
    target: { p95: 30 },
    setup: async () => {
      await ensureJobs(3000);
      toComplete.push(...createdJobs);
    },
    next: () => {
      const id = toComplete.pop();
      return id ? { method: 'POST', path: `/api/bookings/${id}/update`, token: A, body: { status: 'COMPLETED' } } : null;
    },
  },
  {
    name: 'write: invoice generate',
    write: true,
    target: { p95: 30 },
    setup: async () => {
      const groups: any[] = await get('/api/invoice-items/pending');
      pendingItems = groups.flatMap((g) => g.items.map((it: any) => ({ clientId: g.clientId, id: it.id })));
    },
    next: () => {
      const item = pendingItems.pop();
      return item ? { method: 'POST', path: '/api/invoices/generate', token: A, body: { clientId: item.clientId, itemIds: [item.id] } } : null;
    },
  },
  {
    name: 'write: invoice mark paid',
    write: true,
    target: { p95: 30 },
    setup: async () => {
      const list: any[] = await get('/api/invoices/list');
      unpaidInvoices = list.filter((i) => i.status !== 'paid').map((i) => i.invoiceId);
    },
    next: () => {
      const id = unpaidInvoices.pop();
      return id ? { method: 'POST', path: `/api/invoices/${id}/mark-paid`, token: A, body: { paymentMethod: 'card' } } : null;
    },
  },
];

async function ensureJobs(n: number) {
  for (const c of benchClients) await dogsOf(c.id);
  const missing = Math.max(0, n - createdJobs.length);
  const made = await mapBounded(Array.from({ length: missing }, (_, i) => benchClients[i % benchClients.length].id), users, (clientId) =>
    api.call('POST', '/api/bookings/create', { token: A, body: bookingBody(clientId) }));
  createdJobs.push(...made.map((r) => r.job.id));
}

// ---------------------------------------------------------------------------------------------------

interface Result {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  avgBytes: number;
  legacy?: number;
  target?: Endpoint['target'];
  verdict: string;
  firstError?: string;
}

async function measure(e: Endpoint): Promise<Result> {
  await e.setup?.();
  const seconds = Number(e.write ? args['write-seconds'] : args.seconds);
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let last = started;
  const vu = async () => {
    while (performance.now() < deadline) {
      const req = e.next();
      if (!req) break;
      const headers: Record<string, string> = {};
      if (req.token) headers.authorization = `Bearer ${req.token}`;
      if (req.body !== undefined) headers['content-type'] = 'application/json';
      const t0 = performance.now();
      try {
        const res = await fetch(api.base + req.path, { method: req.method, headers, body: req.body === undefined ? undefined : JSON.stringify(req.body) });
        const body = await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        bytes += body.byteLength;
        if (e.expectStatus ? res.status !== e.expectStatus : !res.ok) {
          errors++;
          firstError ??= `${res.status} ${new TextDecoder().decode(body).slice(0, 200)}`;
        }
      } catch (err) {
        errors++;
        firstError ??= String(err);
      }
      last = performance.now();
    }
  };
  await Promise.all(Array.from({ length: users }, vu));
  const elapsed = (last - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN;
  const r: Result = {
    name: e.name,
    requests: latencies.length,
    errors,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    avgBytes: latencies.length ? bytes / latencies.length : 0,
    legacy: e.legacy,
    target: e.target,
    verdict: '',
    firstError,
  };
  r.verdict = verdict(r);
  return r;
}

function verdict(r: Result): string {
  if (r.errors) return 'ERRORS';
  const t = r.target;
  if (!t) return '';
  const misses: string[] = [];
  if (t.p95 !== undefined && r.p95 > t.p95) misses.push(`p95>${t.p95}`);
  if (t.p50 !== undefined && r.p50 > t.p50) misses.push(`p50>${t.p50}`);
  if (t.rps !== undefined && r.rps < t.rps) misses.push(`<${t.rps}/s`);
  return misses.length ? `MISS ${misses.join(' ')}` : 'ok';
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const loadBefore = loadavg();
console.log(`${api.base}: ${users} users, ${args.seconds} s per read, ${args['write-seconds']} s per write; ${cpus().length} × ${cpus()[0]?.model}; load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
console.log(`| endpoint | req/s | p50 ms | p95 ms | p99 ms | KB | legacy req/s | target |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|---|`);
const results: Result[] = [];
for (const e of endpoints) {
  if (only && !only.has(e.name)) continue;
  if ((args.reads && e.write) || (args.writes && !e.write)) continue;
  const r = await measure(e);
  results.push(r);
  console.log(`| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.avgBytes / 1024, 0)} | ${r.legacy ?? ''} | ${r.verdict}${r.firstError ? ` (${r.firstError})` : ''} |`);
}
const report = {
  at: new Date().toISOString(),
  label: args.label,
  base: api.base,
  users,
  seconds: Number(args.seconds),
  writeSeconds: Number(args['write-seconds']),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadBefore, loadAfter: loadavg() },
  results,
};
const dir = join(import.meta.dir, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `run-${report.at.replace(/[:.]/g, '-')}${args.label ? `-${args.label}` : ''}.json`);
writeFileSync(file, JSON.stringify(report, null, 2));
console.log(`\nload after ${report.machine.loadAfter.map((l) => l.toFixed(2)).join(' ')}; report ${file}`);
