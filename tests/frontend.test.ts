// WEB_DIST_DIR: the built web app with the legacy SPA fallback beside the API.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from './support/app';

const dist = mkdtempSync(join(tmpdir(), 'pawtimation-dist-'));
const INDEX = '<!doctype html><title>Pawtimation</title><div id="root"></div>';
let t: TestApp;
let bare: TestApp;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'secret');
  t = await createTestApp({ WEB_DIST_DIR: dist });
  bare = await createTestApp();
});
afterAll(async () => {
  await t.close();
  await bare.close();
  rmSync(dist, { recursive: true, force: true });
});

test('files are served at their paths and / is index.html', async () => {
  const root = await t.call('GET', '/');
  expect(root.status).toBe(200);
  expect(root.text).toBe(INDEX);
  const js = await t.call('GET', '/assets/app.js');
  expect(js.status).toBe(200);
  expect(js.text).toBe('console.log("app")');
  expect(js.headers.get('content-type')).toContain('javascript');
});

test('browser routes and missing assets fall back to index.html with any method', async () => {
  for (const [method, path] of [['GET', '/admin/login'], ['GET', '/client/bookings/123'], ['POST', '/staff/today'], ['GET', '/assets/missing.js']]) {
    const res = await t.call(method, path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(res.text).toBe(INDEX);
  }
});

test('/api stays JSON 404, and nothing outside the directory is reachable', async () => {
  const api = await t.call('GET', '/api/nope');
  expect(api.status).toBe(404);
  expect(api.body).toEqual({ error: 'Not found' });
  const escape = await t.call('GET', '/..%2Foutside-secret.txt');
  expect(escape.text).not.toContain('secret');
});

test('without a built app every unmatched URL is JSON 404', async () => {
  const res = await bare.call('GET', '/admin/login');
  expect(res.status).toBe(404);
  expect(res.body).toEqual({ error: 'Not found' });
});

test('pages carry the security headers too', async () => {
  const res = await t.call('GET', '/admin/login');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
});
