import { afterAll, beforeAll, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from './support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test('GET /health answers the legacy shape', async () => {
  const res = await t.call('GET', '/health');
  expect(res.status).toBe(200);
  expect(Object.keys(res.body).sort()).toEqual(['ok', 'ts']);
  expect(res.body.ok).toBe(true);
  expect(new Date(res.body.ts).toISOString()).toBe(res.body.ts);
});

test('unknown /api paths and wrong methods answer 404 {"error":"Not found"}', async () => {
  for (const [method, path] of [
    ['GET', '/api/this-route-does-not-exist'],
    ['POST', '/api/nope/deeper'],
    ['DELETE', '/health'],
  ]) {
    const res = await t.call(method, path);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Not found' });
  }
});
