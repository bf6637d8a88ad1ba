// Cross-cutting protections on a real listener (rate limits need the client address).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { emptyDatabase } from './support/postgres';
import { TEST_JWT_SECRET } from './support/config';
import { startServerProcess, type ServerProcess } from './support/server-process';

let server: ServerProcess;
const FRONTEND = 'https://app.pawtimation.test';

beforeAll(async () => {
  server = await startServerProcess(await emptyDatabase(), {
    RATE_LIMIT_LOGIN_PER_MIN: '10',
    RATE_LIMIT_PUBLIC_PER_MIN: '1000',
    FRONTEND_BASE_URL: FRONTEND,
    CORS_ORIGINS: 'https://admin.pawtimation.test',
  });
}, 60_000);
afterAll(() => server.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('login rate limit', () => {
  test('the 11th attempt in a minute from one address gets 429 with Retry-After, failures included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await post('/api/auth/login', { email: 'admin@demo.com', password: `wrong-${i}` })).status);
    }
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await post('/api/auth/login', { email: 'admin@demo.com', password: 'admin123' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: 'Too many requests' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // the health probe is never throttled
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
  });
});

describe('CORS and cross-origin writes', () => {
  test('the frontend origin is allowed with credentials; an unknown origin is not reflected', async () => {
    const ok = await fetch(`${server.base}/health`, { headers: { origin: FRONTEND } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(FRONTEND);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const extra = await fetch(`${server.base}/health`, { headers: { origin: 'https://admin.pawtimation.test' } });
    expect(extra.headers.get('access-control-allow-origin')).toBe('https://admin.pawtimation.test');
    const evil = await fetch(`${server.base}/health`, { headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  test('a state-changing request from an unknown origin is refused before the handler runs', async () => {
    const res = await post('/api/auth/logout', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'forbidden: origin not allowed' });
    expect(res.headers.get('set-cookie')).toBeNull();
    const allowed = await post('/api/auth/logout', {}, { origin: FRONTEND });
    expect(allowed.status).toBe(200);
  });
});

describe('bad input and headers', () => {
  test('malformed JSON answers 400 {"error"}', async () => {
    const res = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": "admin@demo.com", ',
    });
    expect(res.status).toBe(400);
    expect(typeof ((await res.json()) as { error: unknown }).error).toBe('string');
  });

  test('a body over 1 MiB answers 413', async () => {
    const res = await post('/api/auth/logout', { junk: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
  });

  test('security headers are on successes and errors alike', async () => {
    for (const res of [await fetch(`${server.base}/health`), await fetch(`${server.base}/api/nope`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });
});

describe('public rate limit', () => {
  test('unauthenticated requests share a per-address budget that a fake token does not escape', async () => {
    const limited = await startServerProcess(await emptyDatabase(), { RATE_LIMIT_PUBLIC_PER_MIN: '5' });
    try {
      // login is itself unauthenticated: the first of the five
      const login = await fetch(`${limited.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.com', password: 'admin123' }),
      });
      const { token } = (await login.json()) as { token: string };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${limited.base}/api/auth/me`, { headers: { authorization: 'Bearer not-a-token' } });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      // a logged-in user is not counted against it
      const me = await fetch(`${limited.base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect((await fetch(`${limited.base}/health`)).status).toBe(200);
      // Stripe's deliveries and the web app's pages are outside the budget
      const webhook = await fetch(`${limited.base}/api/webhooks/stripe`, { method: 'POST', body: '{}' });
      expect(webhook.status).toBe(400);
      expect((await fetch(`${limited.base}/admin/login`)).status).not.toBe(429);
    } finally {
      await limited.stop();
    }
  }, 60_000);
});

describe('logs', () => {
  test('passwords, tokens and secrets never reach the log, even at debug level', async () => {
    const logged = await startServerProcess(await emptyDatabase(), { LOG_LEVEL: 'debug', EMAIL_PROVIDER: 'log' });
    const password = 'correct-horse-battery-staple';
    let token = '';
    try {
      const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${logged.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const registered = await call('/api/auth/register', { email: 'owner@log.test', password, name: 'Logan' });
      expect(registered.status).toBe(200);
      token = ((await registered.json()) as { token: string }).token;
      expect((await call('/api/auth/login', { email: 'owner@log.test', password })).status).toBe(200);
      expect((await call('/api/auth/login', { email: 'owner@log.test', password: `${password}-typo` })).status).toBe(401);
      expect((await fetch(`${logged.base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await call('/api/webhooks/stripe', { id: 'evt_x' }, { 'stripe-signature': 't=1,v1=bad' })).status).toBe(400);
      expect((await call('/api/support/chat', {})).status).toBe(200);
    } finally {
      await logged.stop();
    }
    const output = logged.output();
    expect(output).toContain('"level":"info"');
    for (const secret of [password, token, token.split('.')[2], TEST_JWT_SECRET, 'sk_test_fake_key_for_tests', 'whsec_test_secret_for_tests']) {
      expect(output).not.toContain(secret);
    }
  }, 60_000);
});
