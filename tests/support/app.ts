// The app in-process on a fresh seeded database, with small helpers to call it through HTTP.
import { createApp } from '../../src/app';
import type { Db } from '../../src/db/client';
import { buildDeps, type AppDeps } from '../../src/deps';
import { createLogger } from '../../src/log';
import { testConfig } from './config';
import { seededDatabase } from './postgres';

export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** send body as-is (string) instead of JSON */
  raw?: string;
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestApp {
  deps: AppDeps;
  db: Db;
  url: string;
  call<T = any>(method: string, path: string, opts?: CallOptions): Promise<TestResponse<T>>;
  /** logs in through POST /api/auth/login and returns the token */
  login(email: string, password: string): Promise<string>;
  /** a valid token for any user id, without going through login */
  tokenFor(userId: string, isAdmin?: boolean): Promise<string>;
  close(): Promise<void>;
}

export const DEMO = {
  admin: { email: 'admin@demo.com', password: 'admin123' },
  admin2: { email: 'demo-admin@pawtimation.com', password: 'demo123' },
  staff1: { email: 'walker1@demo.com', password: 'staff123' },
  staff2: { email: 'walker2@demo.com', password: 'staff123' },
  client: { email: 'demo@client.com', password: 'test123' },
} as const;

export async function createTestApp(env: Record<string, string> = {}, patchDeps?: (deps: AppDeps) => AppDeps): Promise<TestApp> {
  const { url, db } = await seededDatabase();
  const config = testConfig(url, env);
  let deps = buildDeps(config, db, createLogger(config.logLevel));
  if (patchDeps) deps = patchDeps(deps);
  const app = createApp(deps);

  const call: TestApp['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await app.handle(new Request(`http://localhost${path}`, { method, headers, body }));
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as any, text };
  };

  return {
    deps,
    db,
    url,
    call,
    async login(email, password) {
      const res = await call('POST', '/api/auth/login', { body: { email, password } });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
      return res.body.token as string;
    },
    tokenFor: (userId, isAdmin = false) => deps.tokens.sign({ sub: userId, email: '', isAdmin }),
    close: () => db.close(),
  };
}
