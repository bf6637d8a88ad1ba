// Soak: N concurrent virtual users of mixed load (calendar and list reads, booking create/move/
// complete, client booking requests, invoice generation and payment, stats, health) for T minutes.
// Reports the status counts (5xx must be zero), p50/p95/p99 latency, requests/s and, when it starts
// the server itself, the server's RSS (VmRSS) at start, end and its peak.
//
//   bun bench/soak.ts                       # own embedded PostgreSQL + server, 32 users, 10 minutes
//   bun bench/soak.ts --minutes 2 --users 16
//   bun bench/soak.ts --database-url postgres://…/soak   # own server on an existing (migrated or empty) database
//   bun bench/soak.ts --base http://host:port            # an already running server (no RSS)
//
// Not part of `bun test`. Against --base, logins are three (admin, staff, client), so the default
// login rate limit is not hit; the public per-IP limit does not apply to signed-in routes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '32' },
    minutes: { type: 'string', default: '10' },
    base: { type: 'string' },
    'database-url': { type: 'string' },
    'sample-seconds': { type: 'string', default: '10' },
  },
});
const USERS = Number(args.users);
const DURATION_MS = Number(args.minutes) * 60_000;
const SAMPLE_MS = Number(args['sample-seconds']) * 1000;

// ---- the server under test -------------------------------------------------------------------

interface Target {
  base: string;
  pid: number | null;
  stop(): Promise<void>;
}

async function startOwnServer(): Promise<Target> {
  let pg: EmbeddedServer | null = null;
  let dataDir: string | null = null;
  let databaseUrl = args['database-url'];
  if (!databaseUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'pawtimation-soak-'));
    pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    await pg.createDatabase('soak');
    databaseUrl = pg.url('soak');
  }
  const port = await freePort();
  const proc = Bun.spawn(['bun', join(import.meta.dir, '..', 'src', 'server.ts')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TZ: 'UTC',
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: crypto.randomUUID() + crypto.randomUUID(),
      STRIPE_SECRET_KEY: 'sk_test_soak',
      STRIPE_WEBHOOK_SECRET: 'whsec_soak',
      FRONTEND_BASE_URL: 'http://localhost:5173',
      EMAIL_PROVIDER: 'log',
      GEOCODER: 'off',
      LOG_LEVEL: 'warn',
      // every virtual user comes from 127.0.0.1: keep the per-IP limits out of the measurement
      RATE_LIMIT_LOGIN_PER_MIN: '100000',
      RATE_LIMIT_PUBLIC_PER_MIN: '100000',
    },
    stdout: 'inherit',
    stderr: 'inherit',
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${base}/health`).then((r) => r.ok, () => false))) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error('the server did not start');
    await Bun.sleep(100);
  }
  return {
    base,
    pid: proc.pid,
    async stop() {
      proc.kill('SIGTERM');
      const code = await proc.exited;
      if (code !== 0) console.error(`server exited with ${code}`);
      await pg?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** resident memory of a process in MB, from /proc (Linux) */
function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

// ---- measurement -------------------------------------------------------------------------------

const latencies: number[] = [];
const statuses = new Map<string, number>();
const serverErrors: string[] = [];

async function call(base: string, method: string, path: string, token?: string, body?: unknown, parse = false): Promise<any> {
  const started = performance.now();
  let status = 'network-error';
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    status = String(res.status);
    const text = await res.text();
    if (res.status >= 500 && serverErrors.length < 20) serverErrors.push(`${method} ${path} ${res.status} ${text.slice(0, 200)}`);
    // reads are only received, not parsed: the load generator shares the machine with the server
    if (!res.ok) return null;
    return text && (parse || method === 'POST') ? JSON.parse(text) : true;
  } catch (e) {
    if (serverErrors.length < 20) serverErrors.push(`${method} ${path} ${e instanceof Error ? e.message : e}`);
    return null;
  } finally {
    latencies.push(performance.now() - started);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const p95Of = (xs: number[]) => Math.round(percentile([...xs].sort((a, b) => a - b), 95));

function actionSummary(times: number[]) {
  const fifth = Math.max(1, Math.floor(times.length / 5));
  return { count: times.length, p95FirstFifth: p95Of(times.slice(0, fifth)), p95LastFifth: p95Of(times.slice(-fifth)) };
}

// ---- the virtual users -----------------------------------------------------------------------

interface Session {
  base: string;
  admin: string;
  staff: string;
  client: string;
  clientId: string;
  serviceIds: string[];
  clientIds: string[];
}

async function login(base: string, email: string, password: string): Promise<{ token: string; user: any }> {
  const res = await call(base, 'POST', '/api/auth/login', undefined, { email, password });
  if (!res) throw new Error(`login ${email} failed`);
  return res;
}

async function setUp(base: string): Promise<Session> {
  const [admin, staff, client] = await Promise.all([
    login(base, 'admin@demo.com', 'admin123'),
    login(base, 'walker1@demo.com', 'staff123'),
    login(base, 'demo@client.com', 'test123'),
  ]);
  const services: { id: string }[] = (await call(base, 'GET', '/api/services/list', admin.token, undefined, true)) ?? [];
  const clientIds: string[] = [];
  for (let i = 0; i < 8; i++) {
    const created = await call(base, 'POST', '/api/clients/create', admin.token, { name: `Soak Client ${i}`, email: `soak${i}@example.test` });
    if (created) clientIds.push(created.client.id);
  }
  return {
    base, admin: admin.token, staff: staff.token, client: client.token,
    clientId: client.user.crmClientId ?? 'c_demo_client',
    serviceIds: services.map((s) => s.id), clientIds,
  };
}

let slot = 0;
/** a start no other request uses: requests never repeat, so the double-submit rule never merges them */
function nextStart(): string {
  const at = new Date(Date.UTC(2035, 0, 1) + (slot++ % 500_000) * 30 * 60_000);
  return at.toISOString();
}
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

type Action = (s: Session) => Promise<unknown>;

const ACTIONS: [weight: number, name: string, act: Action][] = [
  [20, 'calendar', (s) => call(s.base, 'GET', '/api/bookings/list', s.admin)],
  [6, 'staff calendar', (s) => call(s.base, 'GET', '/api/bookings/list', s.staff)],
  [8, 'clients', (s) => call(s.base, 'GET', '/api/clients/list', s.admin)],
  [6, 'invoices', (s) => call(s.base, 'GET', '/api/invoices/list', s.admin)],
  [4, 'finance', (s) => call(s.base, 'GET', '/api/finance/overview', s.admin)],
  [6, 'stats', (s) => call(s.base, 'GET', '/api/stats/bookings/upcoming-count', s.admin)],
  [4, 'pending', (s) => call(s.base, 'GET', '/api/jobs/pending', s.admin)],
  [4, 'health', (s) => call(s.base, 'GET', '/health')],
  [6, 'mine', (s) => call(s.base, 'GET', '/api/bookings/mine', s.client)],
  [8, 'book, move, complete', async (s) => {
    const created = await call(s.base, 'POST', '/api/bookings/create', s.admin, { clientId: pick(s.clientIds), serviceId: pick(s.serviceIds), start: nextStart() });
    if (!created) return;
    await call(s.base, 'POST', `/api/bookings/${created.job.id}/move`, s.admin, { start: nextStart() });
    await call(s.base, 'POST', `/api/bookings/${created.job.id}/update`, s.admin, { status: 'COMPLETED' });
  }],
  [4, 'client request, approve', async (s) => {
    const requested = await call(s.base, 'POST', '/api/client/bookings/request', s.client, {
      clientId: s.clientId, serviceId: pick(s.serviceIds), dogIds: [], dateTime: nextStart(),
    });
    if (requested && Math.random() < 0.5) await call(s.base, 'POST', '/api/jobs/approve', s.admin, { id: requested.booking.id });
  }],
  [2, 'invoice and pay', async (s) => {
    const groups: { clientId: string; items: { id: string }[] }[] = (await call(s.base, 'GET', '/api/invoice-items/pending', s.admin, undefined, true)) ?? [];
    const group = groups.length ? pick(groups) : null;
    if (!group) return;
    // a few items per invoice; concurrent users may race for the same items: a 400 is the expected answer
    const generated = await call(s.base, 'POST', '/api/invoices/generate', s.admin, { clientId: group.clientId, itemIds: group.items.slice(0, 3).map((i) => i.id) });
    if (generated) await call(s.base, 'POST', `/api/invoices/${generated.invoice.id}/mark-paid`, s.admin, { paymentMethod: 'cash' });
  }],
];
const TOTAL_WEIGHT = ACTIONS.reduce((sum, [w]) => sum + w, 0);

/** per action: how long each whole action took (ms), in the order they finished */
const actionTimes = new Map<string, number[]>();

function chooseAction(): [string, Action] {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [weight, name, act] of ACTIONS) if ((r -= weight) < 0) return [name, act];
  return [ACTIONS[0][1], ACTIONS[0][2]];
}

async function virtualUser(s: Session, until: number) {
  while (Date.now() < until) {
    const [name, act] = chooseAction();
    const started = performance.now();
    await act(s);
    const times = actionTimes.get(name) ?? actionTimes.set(name, []).get(name)!;
    times.push(performance.now() - started);
  }
}

// ---- run ---------------------------------------------------------------------------------------

const target: Target = args.base ? { base: args.base.replace(/\/$/, ''), pid: null, stop: async () => {} } : await startOwnServer();
try {
  const session = await setUp(target.base);
  const rss: number[] = [];
  const sampleRss = () => target.pid !== null && rss.push(rssMb(target.pid));
  sampleRss();
  console.log(`soak: ${USERS} users for ${DURATION_MS / 60_000} min against ${target.base}${target.pid ? ` (server pid ${target.pid}, RSS ${rss[0]} MB)` : ''}`);

  const started = performance.now();
  const until = Date.now() + DURATION_MS;
  let lastCount = 0;
  const sampler = setInterval(() => {
    sampleRss();
    const n = latencies.length;
    const fivexx = [...statuses].filter(([k]) => k.startsWith('5') || k === 'network-error').reduce((a, [, v]) => a + v, 0);
    console.log(`  ${Math.round((performance.now() - started) / 1000)} s: ${Math.round((n - lastCount) / (SAMPLE_MS / 1000))} req/s, errors ${fivexx}${target.pid ? `, RSS ${rss.at(-1)} MB` : ''}`);
    lastCount = n;
  }, SAMPLE_MS);
  await Promise.all(Array.from({ length: USERS }, () => virtualUser(session, until)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  sampleRss();

  const sorted = [...latencies].sort((a, b) => a - b);
  const count = (pred: (status: string) => boolean) => [...statuses].filter(([k]) => pred(k)).reduce((a, [, v]) => a + v, 0);
  const report = {
    users: USERS,
    seconds: Math.round(seconds),
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / seconds),
    status: Object.fromEntries([...statuses].sort()),
    count5xx: count((k) => k.startsWith('5')),
    networkErrors: count((k) => k === 'network-error'),
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 },
    // per action: count, and p95 (ms) over the first and the last fifth of the run (a rise means
    // the action slows down as the data grows, or under the machine's other load)
    actions: Object.fromEntries([...actionTimes].map(([name, times]) => [name, actionSummary(times)])),
    // start: idle after set-up; warm: the first sample under load; then the end and the peak
    rssMb: target.pid !== null ? { start: rss[0], warm: rss[1], end: rss.at(-1), peak: Math.max(...rss) } : null,
  };
  for (const k of ['p50', 'p95', 'p99', 'max'] as const) report.latencyMs[k] = Math.round(report.latencyMs[k] * 10) / 10;
  console.log(JSON.stringify(report, null, 2));
  if (serverErrors.length) console.log('first errors:\n  ' + serverErrors.join('\n  '));
  process.exitCode = report.count5xx + report.networkErrors === 0 ? 0 : 1;
} finally {
  await target.stop();
}
