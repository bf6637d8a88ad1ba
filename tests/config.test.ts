import { describe, expect, test } from 'bun:test';
import { ConfigError, loadConfig } from '../src/config';
import { SERVER_ENTRY } from './support/server-process';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db',
  JWT_SECRET: 'x'.repeat(32),
  STRIPE_SECRET_KEY: 'sk_test_abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_abc',
};

const problemsOf = (env: Record<string, string | undefined>) => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('loadConfig', () => {
  test('valid env gives a frozen config with legacy defaults', () => {
    const c = loadConfig(valid);
    expect(Object.isFrozen(c)).toBe(true);
    expect(c.port).toBe(8787);
    expect(c.frontendBaseUrl).toBe('http://localhost:5173');
    expect(c.publicBaseUrl).toBe('http://localhost:8787');
    expect(c.emailProvider).toBe('log');
    expect(c.rateLimitLoginPerMin).toBe(10);
    expect(c.rateLimitPublicPerMin).toBe(60);
  });

  test('names every problem at once', () => {
    const problems = problemsOf({});
    for (const name of ['DATABASE_URL', 'JWT_SECRET', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  test('short JWT secret, live Stripe key and a bad webhook secret are refused', () => {
    expect(problemsOf({ ...valid, JWT_SECRET: 'short' })).toEqual(['JWT_SECRET must be at least 32 characters (got 5)']);
    expect(problemsOf({ ...valid, STRIPE_SECRET_KEY: 'sk_live_abc' })[0]).toContain('STRIPE_LIVE=true');
    expect(problemsOf({ ...valid, STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_LIVE: 'true' })).toEqual([]);
    expect(problemsOf({ ...valid, STRIPE_WEBHOOK_SECRET: 'nope' })[0]).toContain('whsec_');
  });

  test('production needs FRONTEND_BASE_URL; bad numbers and enums are named', () => {
    expect(problemsOf({ ...valid, NODE_ENV: 'production' })).toEqual(['FRONTEND_BASE_URL is required when NODE_ENV=production']);
    expect(problemsOf({ ...valid, PORT: 'abc' })[0]).toContain('PORT');
    expect(problemsOf({ ...valid, EMAIL_PROVIDER: 'smtp' })[0]).toContain('EMAIL_PROVIDER');
    expect(problemsOf({ ...valid, GEOCODER: 'google' })[0]).toContain('GEOCODER');
  });

  test('email provider defaults to sendgrid when a key is present', () => {
    expect(loadConfig({ ...valid, SENDGRID_API_KEY: 'SG.x' }).emailProvider).toBe('sendgrid');
  });
});

describe('the real entry fails fast', () => {
  for (const missing of ['DATABASE_URL', 'JWT_SECRET', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']) {
    test(`without ${missing} it exits non-zero naming it, before connecting`, async () => {
      const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...valid };
      delete env[missing];
      const proc = Bun.spawn(['bun', SERVER_ENTRY], { env, stdout: 'pipe', stderr: 'pipe', cwd: '/' });
      const [code, err] = await Promise.all([proc.exited, new Response(proc.stderr).text()]);
      expect(code).not.toBe(0);
      expect(err).toContain(missing);
      // DATABASE_URL points at a closed port: getting past config would fail differently
      expect(err).not.toContain('startup failed');
    });
  }
});
