// Geocoding of client addresses against a local fake Nominatim: the request legacy sent, results
// stored on create and update, and failures (error status, empty answer, a server that never
// answers) leaving lat/lng alone without failing the request. GEOCODER=off sends nothing.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createLogger } from '../src/log';
import { createGeocoder, GEOCODER_USER_AGENT } from '../src/services/geocoding';
import { createTestApp, type TestApp } from './support/app';

type Mode = 'found' | 'error' | 'empty' | 'hang';
let mode: Mode = 'found';
const seen: { q: string | null; format: string | null; limit: string | null; agent: string | null }[] = [];

const fake = Bun.serve({
  port: 0,
  async fetch(req) {
    const url = new URL(req.url);
    seen.push({ q: url.searchParams.get('q'), format: url.searchParams.get('format'), limit: url.searchParams.get('limit'), agent: req.headers.get('user-agent') });
    if (url.pathname !== '/search') return new Response('no', { status: 404 });
    if (mode === 'error') return new Response('busy', { status: 503 });
    if (mode === 'empty') return Response.json([]);
    if (mode === 'hang') await Bun.sleep(10_000);
    return Response.json([{ lat: '51.8168', lon: '-0.8124', display_name: 'Aylesbury' }]);
  },
});

let t: TestApp;
let off: TestApp;
let admin: string;
beforeAll(async () => {
  const baseUrl = `http://127.0.0.1:${fake.port}`;
  t = await createTestApp({ GEOCODER: 'nominatim' }, (deps) => ({
    ...deps,
    geocoder: createGeocoder({ mode: deps.config.geocoder, log: createLogger('silent'), baseUrl }),
  }));
  off = await createTestApp({ GEOCODER: 'off' });
  admin = await t.tokenFor('u_demo_admin');
}, 60_000);
afterAll(async () => {
  fake.stop(true);
  await Promise.all([t.close(), off.close()]);
});

const create = (app: TestApp, body: unknown, token = admin) => app.call('POST', '/api/clients/create', { token, body });

describe('client create', () => {
  test('looks up addressLine1, city, postcode with the legacy query and User-Agent and stores the result', async () => {
    mode = 'found';
    seen.length = 0;
    const res = await create(t, { name: 'Geo', addressLine1: '12 Orchard Lane', city: ' Aylesbury', postcode: '' });
    expect(res.status).toBe(200);
    expect(res.body.client).toMatchObject({ lat: 51.8168, lng: -0.8124 });
    expect(seen).toEqual([{ q: '12 Orchard Lane,  Aylesbury', format: 'json', limit: '1', agent: GEOCODER_USER_AGENT }]);
    const [row] = await t.db.sql`SELECT lat, lng FROM clients WHERE id = ${res.body.client.id}`;
    expect(row).toEqual({ lat: 51.8168, lng: -0.8124 });
  });

  test('given coordinates or no address: no lookup', async () => {
    seen.length = 0;
    expect((await create(t, { name: 'A', city: 'Leeds', lat: 1.5, lng: 2.5 })).body.client).toMatchObject({ lat: 1.5, lng: 2.5 });
    expect((await create(t, { name: 'B', address: 'free text only' })).body.client).toMatchObject({ lat: null, lng: null });
    expect(seen).toEqual([]);
  });

  for (const failure of ['error', 'empty', 'hang'] as const) {
    test(`a lookup that fails (${failure}) still creates the client with null coordinates`, async () => {
      mode = failure;
      const res = await create(t, { name: `F-${failure}`, postcode: 'HP20 1AB' });
      expect(res.status).toBe(200);
      expect(res.body.client).toMatchObject({ name: `F-${failure}`, lat: null, lng: null });
    });
  }
});

describe('client update', () => {
  test('an address change without coordinates looks up the merged address', async () => {
    mode = 'found';
    seen.length = 0;
    const res = await t.call('POST', '/api/clients/c_demo_client/update', { token: admin, body: { city: 'Wendover' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ city: 'Wendover', lat: 51.8168, lng: -0.8124 });
    expect(seen.map((s) => s.q)).toEqual(['5 Charles Kidnee Way, Wendover, HP223AA']);
  });

  test('no lookup when coordinates come with the change or no address field changes', async () => {
    seen.length = 0;
    const withCoords = await t.call('POST', '/api/clients/c_demo_client/update', { token: admin, body: { city: 'Tring', lat: 51.79, lng: -0.65 } });
    expect(withCoords.body).toMatchObject({ lat: 51.79, lng: -0.65 });
    await t.call('POST', '/api/clients/c_demo_client/update', { token: admin, body: { notes: 'no address here' } });
    expect(seen).toEqual([]);
  });

  test('a failed lookup keeps the stored coordinates', async () => {
    mode = 'error';
    const res = await t.call('POST', '/api/clients/c_demo_client/update', { token: admin, body: { postcode: 'HP23 4AA' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ postcode: 'HP23 4AA', lat: 51.79, lng: -0.65 });
  });
});

test('GEOCODER=off never calls out', async () => {
  seen.length = 0;
  const res = await create(off, { name: 'Off', addressLine1: '1 Road', city: 'Leeds' }, await off.tokenFor('u_demo_admin'));
  expect(res.body.client).toMatchObject({ lat: null, lng: null });
  expect(seen).toEqual([]);
});
