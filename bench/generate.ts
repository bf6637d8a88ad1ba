// `bun bench/generate.ts --base URL --preset busy|multi`: loads a deterministic dataset (seeded random)
// into any server that speaks the legacy contract, through its public HTTP API only.
//
//   busy   1 business (the seeded demo business, logged in as admin@demo.com), 20 staff with weekly
//          availability, 500 clients with 1-3 dogs, 20,000 jobs over 12 months (9 back, 3 ahead) with
//          no staff double-booking, completed jobs billed into ~2,000 invoices of 1-5 items, half paid
//   multi  50 newly registered businesses, each a tenth of busy
//
// Sizes can be overridden (--staff, --clients, --jobs, --invoices, --businesses). The plan depends only
// on --seed and --anchor (the day "now" is taken to be; default today), so the same flags give the same
// data anywhere. Finished businesses are recorded in bench/results/, so an interrupted multi load resumes
// with the next business (a business interrupted half-way needs a fresh database).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Api, mapBounded } from './lib/http';
import { rng, type Rng } from './lib/random';

interface Sizes {
  businesses: number;
  staff: number;
  clients: number;
  jobs: number;
  invoices: number;
}

const PRESETS: Record<string, Sizes> = {
  busy: { businesses: 1, staff: 20, clients: 500, jobs: 20_000, invoices: 2_000 },
  multi: { businesses: 50, staff: 2, clients: 50, jobs: 2_000, invoices: 200 },
};

const { values: args } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:18787' },
    preset: { type: 'string', default: 'busy' },
    seed: { type: 'string', default: '1' },
    anchor: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    businesses: { type: 'string' },
    staff: { type: 'string' },
    clients: { type: 'string' },
    jobs: { type: 'string' },
    invoices: { type: 'string' },
    // busy loads into an existing business; multi (or --register) registers new ones
    'owner-email': { type: 'string', default: 'admin@demo.com' },
    'owner-password': { type: 'string', default: 'admin123' },
    register: { type: 'boolean', default: false },
  },
});

const preset = PRESETS[args.preset!];
if (!preset) throw new Error(`--preset must be one of ${Object.keys(PRESETS).join(', ')}`);
const sizes: Sizes = { ...preset };
for (const key of Object.keys(sizes) as (keyof Sizes)[]) if (args[key] !== undefined) sizes[key] = Number(args[key]);
const register = args.register || args.preset === 'multi';
const concurrency = Number(args.concurrency);
const seed = Number(args.seed);
const anchor = args.anchor ? new Date(`${args.anchor}T00:00:00Z`) : utcMidnight(new Date());
const now = new Date(Math.max(Date.now(), anchor.getTime()));
const api = new Api(args.base!.replace(/\/+$/, ''));

const DAY_MS = 86_400_000;
const WINDOW_START = new Date(anchor.getTime() - 273 * DAY_MS);
const WINDOW_DAYS = 365;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SLOT_MINUTES = 15;
const SERVICES = [
  { name: '30min Dog Walk', durationMinutes: 30, priceCents: 1500, weight: 5 },
  { name: '60min Dog Walk', durationMinutes: 60, priceCents: 2500, weight: 4 },
  { name: 'Puppy Visit', durationMinutes: 45, priceCents: 2000, weight: 2 },
  { name: 'Group Walk', durationMinutes: 90, priceCents: 1800, weight: 1 },
];
const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'check', 'other'];
const FIRST = ['Alice', 'Ben', 'Chloe', 'Dan', 'Ella', 'Finn', 'Grace', 'Harry', 'Isla', 'Jack', 'Kate', 'Leo', 'Mia', 'Noah', 'Olivia', 'Sam'];
const LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Green'];
const DOGS = ['Max', 'Bella', 'Luna', 'Charlie', 'Daisy', 'Milo', 'Poppy', 'Teddy', 'Rosie', 'Alfie', 'Coco', 'Bear'];
const BREEDS = ['Labrador', 'Cocker Spaniel', 'Border Collie', 'Beagle', 'Dachshund', 'Whippet', 'Golden Retriever', 'Mixed'];
const STREETS = ['High Street', 'Church Road', 'Station Road', 'Mill Lane', 'Park Avenue', 'The Green', 'Queens Road'];

// ---------------------------------------------------------------------------------------------------
// progress: what was created, how long it took, and which businesses are finished (for resuming)

const counts: Record<string, number> = {};
const count = (what: string, n = 1) => (counts[what] = (counts[what] ?? 0) + n);
const started = performance.now();

let phase = '';
let phaseDone = 0;
let phaseTotal = 0;
const ticker = setInterval(() => {
  const secs = (performance.now() - started) / 1000;
  process.stderr.write(`  [${secs.toFixed(0)} s] ${phase} ${phaseDone}/${phaseTotal} (${(api.requests / secs).toFixed(0)} req/s overall)\n`);
}, 5000);

async function step<T>(name: string, items: readonly T[], fn: (item: T, i: number) => Promise<void>) {
  phase = name;
  phaseDone = 0;
  phaseTotal = items.length;
  await mapBounded(items, concurrency, fn, (done) => (phaseDone = done));
}

const progressDir = join(import.meta.dir, 'results');
const progressFile = join(progressDir, `progress-${args.preset}-seed${seed}-${new URL(api.base).host.replace(/[^a-z0-9]+/gi, '_')}.json`);
const finished: number[] = existsSync(progressFile) ? JSON.parse(readFileSync(progressFile, 'utf8')).finished : [];
function markFinished(b: number) {
  finished.push(b);
  mkdirSync(progressDir, { recursive: true });
  writeFileSync(progressFile, JSON.stringify({ base: api.base, preset: args.preset, seed, sizes, finished }, null, 2));
}

// ---------------------------------------------------------------------------------------------------
// one business

interface Staff {
  id: string;
  week: Record<string, { start: string; end: string }>;
}
interface Client {
  id: string;
  dogIds: string[];
}
interface PlannedJob {
  startAt: Date;
  clientIndex: number;
  serviceIndex: number;
  staffIndex: number | null;
  dogCount: number;
  status: 'PENDING' | 'BOOKED' | 'COMPLETED' | 'CANCELLED';
  id?: string;
}

async function ownerToken(b: number): Promise<string> {
  if (!register) return (await api.login(args['owner-email']!, args['owner-password']!)).token;
  const email = `owner${b + 1}@${args.preset}.bench.test`;
  const res = await api.call('POST', '/api/auth/register', {
    body: { email, password: 'bench-password', name: `Bench Owner ${b + 1}`, mobile: '07700 900000' },
  });
  count('businesses registered');
  return res.token;
}

function staffWeek(r: Rng): Staff['week'] {
  const days = r.chance(0.3) ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
  const [start, end] = r.pick([['08:00', '16:00'], ['09:00', '17:00'], ['10:00', '18:00'], ['07:30', '15:30']]);
  return Object.fromEntries(days.map((d) => [d, { start, end }]));
}

async function loadBusiness(b: number) {
  const r = rng(seed * 1000 + b);
  const token = await ownerToken(b);
  const call = <T = any>(method: string, path: string, body?: unknown) => api.call<T>(method, path, { token, body });

  // services: the business's own set, created fresh
  const services: { id: string; durationMinutes: number }[] = [];
  for (const s of SERVICES) {
    const { service } = await call('POST', '/api/services/create', { name: s.name, durationMinutes: s.durationMinutes, priceCents: s.priceCents });
    services.push({ id: service.id, durationMinutes: s.durationMinutes });
    count('services');
  }

  // staff: the existing STAFF users (keeping their availability), topped up to the size
  const existingStaff: any[] = await call('GET', '/api/staff/list');
  const staff: Staff[] = existingStaff
    .filter((u) => u.weeklyAvailability && typeof u.weeklyAvailability === 'object')
    .slice(0, sizes.staff)
    .map((u) => ({ id: u.id, week: u.weeklyAvailability }));
  const newStaff = Array.from({ length: sizes.staff - staff.length }, (_, i) => ({
    name: `${r.pick(FIRST)} ${r.pick(LAST)}`,
    email: `walker${i + 1}.b${b + 1}@${args.preset}.bench.test`,
    week: staffWeek(r),
  }));
  const created = new Array<Staff>(newStaff.length);
  await step('staff', newStaff, async (s, i) => {
    const user = await call('POST', '/api/users/create', { role: 'STAFF', name: s.name, email: s.email });
    await call('POST', `/api/staff/${user.id}/availability`, s.week);
    created[i] = { id: user.id, week: s.week };
    count('staff');
  });
  staff.push(...created);

  // clients with 1-3 dogs (existing clients keep their dogs and count towards the size)
  const existingClients: any[] = await call('GET', '/api/clients/list');
  const clients: Client[] = [];
  for (const c of existingClients.slice(0, sizes.clients)) {
    const dogs: any[] = await call('GET', `/api/dogs/by-client/${c.id}`);
    if (dogs.length > 0) clients.push({ id: c.id, dogIds: dogs.map((d) => d.id) });
  }
  const newClients = Array.from({ length: sizes.clients - clients.length }, (_, i) => {
    const name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    return {
      body: {
        name,
        email: `client${i + 1}.b${b + 1}@${args.preset}.bench.test`,
        phone: `07700 9${String(r.int(0, 99999)).padStart(5, '0')}`,
        addressLine1: `${r.int(1, 200)} ${r.pick(STREETS)}`,
        city: 'Aylesbury',
        postcode: `HP${r.int(1, 22)} ${r.int(1, 9)}AA`,
        lat: 51.8 + r.float(-0.05, 0.05),
        lng: -0.8 + r.float(-0.08, 0.08),
        notes: r.chance(0.3) ? 'Gate code 1234' : '',
      },
      dogs: Array.from({ length: r.int(1, 3) }, () => ({ name: r.pick(DOGS), breed: r.pick(BREEDS), age: r.int(1, 14) })),
    };
  });
  const newClientRecords = new Array<Client>(newClients.length);
  await step('clients', newClients, async (c, i) => {
    const { client } = await call('POST', '/api/clients/create', c.body);
    const dogIds: string[] = [];
    for (const d of c.dogs) {
      dogIds.push((await call('POST', '/api/dogs/create', { clientId: client.id, ...d })).dog.id);
    }
    newClientRecords[i] = { id: client.id, dogIds };
    count('clients');
    count('dogs', dogIds.length);
  });
  clients.push(...newClientRecords);

  // jobs, planned first (deterministic), created in start order
  const jobs = planJobs(r, staff, clients.length);
  await step('jobs', jobs, async (j) => {
    const client = clients[j.clientIndex];
    const { job } = await call('POST', '/api/bookings/create', {
      clientId: client.id,
      serviceId: services[j.serviceIndex].id,
      start: j.startAt.toISOString(),
      dogIds: client.dogIds.slice(0, j.dogCount),
      ...(j.staffIndex === null ? {} : { staffId: staff[j.staffIndex].id }),
      status: j.status === 'COMPLETED' ? 'BOOKED' : j.status,
      notes: '',
    });
    j.id = job.id;
    count(`jobs ${j.status}`);
  });

  // completing a job through the admin update is what creates its PENDING invoice item
  const completed = jobs.filter((j) => j.status === 'COMPLETED');
  await step('complete', completed, async (j) => {
    await call('POST', `/api/bookings/${j.id}/update`, { status: 'COMPLETED' });
  });

  // invoices: each client's completed jobs in date order, in chunks of 1-5, the oldest chunks billed
  const pending: any[] = await call('GET', '/api/invoice-items/pending');
  const itemOfJob = new Map<string, string>();
  for (const group of pending) for (const item of group.items) itemOfJob.set(item.jobId, item.id);
  const chunks: { clientId: string; itemIds: string[]; last: number; paid: boolean; method: string }[] = [];
  for (let c = 0; c < clients.length; c++) {
    const own = completed.filter((j) => j.clientIndex === c);
    for (let i = 0; i < own.length; ) {
      const n = r.int(1, 5);
      const part = own.slice(i, i + n);
      i += n;
      const itemIds = part.map((j) => itemOfJob.get(j.id!)).filter((id): id is string => Boolean(id));
      if (itemIds.length === 0) continue;
      chunks.push({
        clientId: clients[c].id,
        itemIds,
        last: part[part.length - 1].startAt.getTime(),
        paid: r.chance(0.5),
        method: r.pick(PAYMENT_METHODS),
      });
    }
  }
  chunks.sort((a, b) => a.last - b.last);
  const billed = chunks.slice(0, sizes.invoices);
  const invoiceIds = new Array<string>(billed.length);
  await step('invoices', billed, async (chunk, i) => {
    const { invoice } = await call('POST', '/api/invoices/generate', { clientId: chunk.clientId, itemIds: chunk.itemIds });
    invoiceIds[i] = invoice.id;
    count('invoices');
    count('invoice items billed', chunk.itemIds.length);
  });
  count('invoice items left pending', completed.length - billed.reduce((n, c) => n + c.itemIds.length, 0));
  const paid = billed.map((c, i) => ({ ...c, id: invoiceIds[i] })).filter((c) => c.paid);
  await step('mark paid', paid, async (c) => {
    await call('POST', `/api/invoices/${c.id}/mark-paid`, { paymentMethod: c.method });
    count('invoices paid');
  });
}

/** jobs spread over the window; an assigned job takes free 15-minute slots of its walker's working day */
function planJobs(r: Rng, staff: Staff[], clientCount: number): PlannedJob[] {
  const taken = new Set<string>();
  const weights = SERVICES.flatMap((s, i) => Array<number>(s.weight).fill(i));
  const jobs: PlannedJob[] = [];
  while (jobs.length < sizes.jobs) {
    const day = new Date(WINDOW_START.getTime() + r.int(0, WINDOW_DAYS - 1) * DAY_MS);
    const weekday = WEEKDAYS[day.getUTCDay()];
    const serviceIndex = r.pick(weights);
    const slots = SERVICES[serviceIndex].durationMinutes / SLOT_MINUTES;
    const unassignedRequest = r.chance(0.03);
    const staffIndex = unassignedRequest ? null : r.int(0, staff.length - 1);
    const hours = staffIndex === null ? { start: '08:00', end: '18:00' } : staff[staffIndex].week[weekday];
    if (!hours) continue;
    const open = minutesOf(hours.start) / SLOT_MINUTES;
    const close = minutesOf(hours.end) / SLOT_MINUTES;
    if (close - open < slots) continue;
    const first = r.int(open, close - slots);
    const dayKey = day.toISOString().slice(0, 10);
    if (staffIndex !== null) {
      const keys = Array.from({ length: slots }, (_, k) => `${staffIndex}|${dayKey}|${first + k}`);
      if (keys.some((k) => taken.has(k))) continue;
      for (const k of keys) taken.add(k);
    }
    const startAt = new Date(day.getTime() + first * SLOT_MINUTES * 60_000);
    jobs.push({
      startAt,
      clientIndex: r.int(0, clientCount - 1),
      serviceIndex,
      staffIndex,
      dogCount: r.int(1, 2),
      status: staffIndex === null ? 'PENDING' : statusFor(r, startAt),
    });
  }
  return jobs.sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
}

function statusFor(r: Rng, startAt: Date): PlannedJob['status'] {
  const x = r.float(0, 1);
  if (startAt < now) return x < 0.52 ? 'COMPLETED' : x < 0.88 ? 'BOOKED' : 'CANCELLED';
  return x < 0.85 ? 'BOOKED' : x < 0.95 ? 'PENDING' : 'CANCELLED';
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function utcMidnight(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

// ---------------------------------------------------------------------------------------------------

console.log(`loading preset ${args.preset} into ${api.base}: ${JSON.stringify(sizes)}, seed ${seed}, anchor ${anchor.toISOString().slice(0, 10)}, concurrency ${concurrency}`);
try {
  for (let b = 0; b < sizes.businesses; b++) {
    if (finished.includes(b)) {
      console.log(`business ${b + 1}/${sizes.businesses}: already loaded (${progressFile}), skipped`);
      continue;
    }
    const t0 = performance.now();
    await loadBusiness(b);
    markFinished(b);
    console.log(`business ${b + 1}/${sizes.businesses} loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
} finally {
  clearInterval(ticker);
}
const seconds = (performance.now() - started) / 1000;
console.log('\ncreated:');
for (const [what, n] of Object.entries(counts).sort()) console.log(`  ${what.padEnd(28)} ${n}`);
console.log(`\n${api.requests} requests in ${seconds.toFixed(1)} s (${(api.requests / seconds).toFixed(0)} req/s)`);
