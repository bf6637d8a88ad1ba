// The OpenAPI document and docs page: every route described, schemas that document without
// validating (the handlers keep their legacy messages), and the SPA fallback and /api 404 intact.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { createTestApp, type TestApp } from './support/app';

const dist = mkdtempSync(join(tmpdir(), 'pawtimation-openapi-dist-'));
const INDEX = '<!doctype html><title>Pawtimation</title>';
let t: TestApp;
let doc: any;

beforeAll(async () => {
  writeFileSync(join(dist, 'index.html'), INDEX);
  t = await createTestApp({ WEB_DIST_DIR: dist });
  doc = (await t.call('GET', '/openapi/json')).body;
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

test('GET /openapi/json is an OpenAPI 3 document naming the API and its two ways to authenticate', () => {
  expect(doc.openapi).toMatch(/^3\./);
  expect(doc.info.title).toBe('Pawtimation API');
  expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'cookie']);
});

test('every served route is in the document with a summary and who may call it', () => {
  const dropped = /^\/api\/admin\/(?!businesses$)|^\/openapi/;
  const routes = createApp(t.deps).routes.filter((r) => r.method !== 'OPTIONS' && !dropped.test(r.path));
  const missing = routes.filter((r) => {
    const op = doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()];
    return !op?.summary || !op.description;
  });
  expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

test('bodies, query strings and path ids are described', () => {
  const generate = doc.paths['/api/invoices/generate'].post;
  expect(generate.requestBody.content['application/json'].schema.required).toEqual(['clientId', 'itemIds']);
  const login = doc.paths['/api/auth/login'].post;
  expect(Object.keys(login.requestBody.content['application/json'].schema.properties)).toEqual(['email', 'password']);
  expect(login.security).toBeUndefined();
  const byDate = doc.paths['/api/bookings/by-date'].get;
  expect(byDate.parameters).toEqual([expect.objectContaining({ name: 'date', in: 'query', required: true })]);
  const update = doc.paths['/api/bookings/{bookingId}/update'].post;
  expect(update.parameters).toEqual([expect.objectContaining({ name: 'bookingId', in: 'path', required: true })]);
  expect(update.description).toContain('forbidden: admin access required');
});

test('the schemas document only: a body outside them still gets the handler\'s legacy answer', async () => {
  const admin = await t.tokenFor('u_demo_admin');
  // a number where the document says string: the legacy check answers, not a schema validator
  const res = await t.call('POST', '/api/invoices/generate', { token: admin, body: { clientId: 5 } });
  expect([res.status, res.body]).toEqual([400, { error: 'clientId and itemIds (array) are required' }]);
  const login = await t.call('POST', '/api/auth/login', { body: {} });
  expect([login.status, login.body]).toEqual([400, { error: 'email_password_required' }]);
});

test('GET /openapi is the docs page; the SPA fallback and the /api 404 are unchanged', async () => {
  const page = await t.call('GET', '/openapi');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(page.text).toContain('Pawtimation API');
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  expect((await t.call('GET', '/admin/bookings')).text).toBe(INDEX);
  expect(await t.call('GET', '/api/openapi')).toMatchObject({ status: 404, body: { error: 'Not found' } });
});
