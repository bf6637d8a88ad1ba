// Junk against every route: wrong types, non-object bodies, deep nesting, huge strings and
// malformed JSON must never produce a 5xx, and input of the wrong type must change nothing.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { createApp } from '../src/app';
import { createTestApp, DEMO, type TestApp } from './support/app';
import { databaseDigest } from './support/digest';

let t: TestApp;
let tokens: Record<string, string>;

// Routes that legitimately store arbitrary JSON the caller sends (legacy stores these verbatim or
// merges unknown keys), so a wrong-typed body may still change their rows.
const STORES_ARBITRARY_JSON = [
  /^POST \/api\/business\/settings\/update$/,
  /^PUT \/api\/business\/:\w+\/settings$/,
  /^PUT \/api\/business\/:\w+\/automation$/,
  /^PUT \/api\/business\/:\w+\/services\/:\w+$/,
  /^POST \/api\/staff\/:\w+\/availability$/,
  /^POST \/api\/staff\/:\w+\/update$/,
  /^POST \/api\/support\/chat/,
];

// Field names used across the legacy API; each is sent with a value of the wrong type.
const FIELDS = [
  'email', 'password', 'name', 'role', 'phone', 'mobile', 'clientId', 'serviceId', 'staffId', 'dogIds', 'start',
  'end', 'status', 'priceCents', 'durationMinutes', 'notes', 'itemIds', 'paymentMethod', 'bookingId', 'businessId',
  'message', 'senderRole', 'date', 'newStart', 'recurrence', 'occurrences', 'endDate', 'address', 'addressLine1',
  'city', 'postcode', 'lat', 'lng', 'breed', 'age', 'description', 'active', 'group', 'maxDogs', 'id', 'jobId',
];

const wrongTyped = Object.fromEntries(FIELDS.map((f) => [f, { $junk: [1, { deeper: null }] }]));
const deep = (() => {
  let v: unknown = 'bottom';
  for (let i = 0; i < 2000; i++) v = { a: v };
  return JSON.stringify(v);
})();
const huge = JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, 'x'.repeat(20_000)])));

const PAYLOADS: { name: string; raw: string; mustNotWrite: boolean }[] = [
  { name: 'malformed JSON', raw: '{"email": "a@b.c", ', mustNotWrite: true },
  { name: 'JSON array', raw: '[1,2,3]', mustNotWrite: true },
  { name: 'JSON string', raw: '"just a string"', mustNotWrite: true },
  { name: 'JSON null', raw: 'null', mustNotWrite: true },
  { name: 'wrong types', raw: JSON.stringify(wrongTyped), mustNotWrite: true },
  { name: 'deep nesting', raw: deep, mustNotWrite: false },
  { name: 'huge strings', raw: huge, mustNotWrite: false },
];

const IDS: Record<string, string> = {
  clientId: 'c_demo_client',
  businessId: 'biz_demo',
  id: 'biz_demo',
  staffId: 'u_demo_staff1',
  dogId: 'dog_demo',
};

const digest = () => databaseDigest(t.db);

beforeAll(async () => {
  t = await createTestApp();
  tokens = { admin: await t.login(DEMO.admin.email, DEMO.admin.password), client: await t.login(DEMO.client.email, DEMO.client.password) };
});
afterAll(() => t.close());

test('no route answers junk with a 5xx, and wrong-typed input writes nothing', async () => {
  const routes = createApp(t.deps).routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'].includes(r.method));
  expect(routes.length).toBeGreaterThan(0);
  const failures: string[] = [];
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => IDS[name] ?? 'junk_id');
    const label = `${route.method} ${route.path}`;
    const guardedWrites = !STORES_ARBITRARY_JSON.some((re) => re.test(label));
    for (const payload of PAYLOADS) {
      for (const [who, token] of Object.entries(tokens)) {
        const before = payload.mustNotWrite && guardedWrites ? await digest() : null;
        const body = route.method === 'GET' ? {} : { raw: payload.raw, headers: { 'content-type': 'application/json' } };
        const res = await t.call(route.method, route.method === 'GET' ? `${path}?start=${encodeURIComponent(payload.raw)}` : path, { ...body, token });
        if (res.status >= 500) failures.push(`${label} ${payload.name} as ${who}: ${res.status} ${res.text.slice(0, 120)}`);
        if (before !== null && (await digest()) !== before) failures.push(`${label} ${payload.name} as ${who}: changed the database`);
      }
    }
  }
  expect(failures).toEqual([]);
}, 120_000);

// Numbers Postgres cannot store, ids and query values far longer than any real one.
const NUMERIC_FIELDS = ['priceCents', 'durationMinutes', 'maxDogs', 'age', 'lat', 'lng', 'occurrences', 'recurrenceInterval', 'onboardingStep', 'quantity', 'limit'];
const EXTREMES: { name: string; value: number }[] = [
  { name: 'above int4', value: 2_147_483_648 },
  { name: 'below int4', value: -2_147_483_649 },
  { name: 'huge', value: 1e300 },
  { name: 'fractional', value: 0.5 },
];
const LONG_ID = 'x'.repeat(5000);

test('out-of-range numbers, very long ids and long query values never yield a 5xx', async () => {
  const routes = createApp(t.deps).routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'].includes(r.method));
  const failures: string[] = [];
  const query = ['limit', 'date', 'staffId', 'businessId', 'bookingId', 'clientId', 'search'].map((k) => `${k}=${k === 'limit' ? '1e300' : LONG_ID}`).join('&');
  for (const route of routes) {
    const label = `${route.method} ${route.path}`;
    const attempts: { what: string; path: string; body?: unknown }[] = [
      { what: 'long ids', path: route.path.replace(/:(\w+)/g, LONG_ID), body: { clientId: LONG_ID, serviceId: LONG_ID, id: LONG_ID, itemIds: [LONG_ID] } },
      ...EXTREMES.map(({ name, value }) => ({
        what: name,
        path: route.path.replace(/:(\w+)/g, (_, p: string) => IDS[p] ?? 'junk_id'),
        body: { ...IDS, name: 'Fuzz', ...Object.fromEntries(NUMERIC_FIELDS.map((f) => [f, value])) },
      })),
    ];
    for (const { what, path, body } of attempts) {
      const get = route.method === 'GET';
      const res = await t.call(route.method, get ? `${path}?${query}` : path, { token: tokens.admin, body: get ? undefined : body });
      if (res.status >= 500) failures.push(`${label} ${what}: ${res.status} ${res.text.slice(0, 120)}`);
    }
  }
  expect(failures).toEqual([]);
}, 120_000);
