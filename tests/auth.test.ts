// /api/auth (register, login, logout, me), token sources and lifetimes, and the platform-admin
// routes, end to end through HTTP on a seeded database.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { decodeJwt, SignJWT } from 'jose';
import { createTestApp, DEMO, type TestApp } from './support/app';
import { TEST_JWT_SECRET } from './support/config';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

const key = new TextEncoder().encode(TEST_JWT_SECRET);
const signRaw = (claims: Record<string, unknown>, opts: { exp?: number; secret?: Uint8Array } = {}) => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt();
  if (opts.exp !== undefined) jwt.setExpirationTime(opts.exp);
  return jwt.sign(opts.secret ?? key);
};
const me = (headers: Record<string, string>) => t.call('GET', '/api/auth/me', { headers });
const countRows = async (table: string) => (await t.db.sql.unsafe(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

describe('POST /api/auth/login', () => {
  test('returns the token and the session user, and sets the legacy cookie', async () => {
    const res = await t.call('POST', '/api/auth/login', { body: DEMO.admin });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      id: 'u_demo_admin', email: 'admin@demo.com', name: 'Demo Admin', businessId: 'biz_demo',
      businessName: 'Demo Dog Walking', isAdmin: false, role: 'ADMIN', crmClientId: null,
    });
    expect(res.headers.get('set-cookie')).toBe(`token=${res.body.token}; Path=/; HttpOnly; SameSite=Lax`);
    const claims = decodeJwt(res.body.token);
    expect(claims).toMatchObject({ sub: 'u_demo_admin', email: 'admin@demo.com', isAdmin: false });
    expect(claims.exp! - claims.iat!).toBe(t.deps.config.jwtTtlSeconds);
  });

  test('the client gets its CRM client id; e-mail matching ignores case but not spaces', async () => {
    const client = await t.call('POST', '/api/auth/login', { body: DEMO.client });
    expect(client.body.user).toMatchObject({ role: 'client', crmClientId: 'c_demo_client' });
    expect((await t.call('POST', '/api/auth/login', { body: { email: 'Walker2@Demo.COM', password: 'staff123' } })).body.user.id).toBe('u_demo_staff2');
    expect((await t.call('POST', '/api/auth/login', { body: { email: ' admin@demo.com', password: 'admin123' } })).status).toBe(401);
  });

  test.each([
    [{ email: 'admin@demo.com', password: 'nope' }, 401, 'invalid_credentials'],
    [{ email: 'nobody@demo.com', password: 'admin123' }, 401, 'invalid_credentials'],
    [{ email: 'admin@demo.com' }, 400, 'email_password_required'],
    [{}, 400, 'email_password_required'],
    [{ email: 5, password: 'x' }, 400, 'email must be a string'],
    [{ email: 'admin@demo.com', password: ['x'] }, 400, 'password must be a string'],
  ])('%j -> %d %s', async (body, status, error) => {
    const res = await t.call('POST', '/api/auth/login', { body });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error });
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('token sources and verification', () => {
  test('Authorization: Bearer, a bare token, and the token cookie all authenticate', async () => {
    const token = await t.login(DEMO.staff1.email, DEMO.staff1.password);
    expect((await me({ authorization: `Bearer ${token}` })).body.user.id).toBe('u_demo_staff1');
    expect((await me({ authorization: token })).body.user.id).toBe('u_demo_staff1');
    expect((await me({ cookie: `other=1; token=${token}` })).body.user.id).toBe('u_demo_staff1');
  });

  test('the cookie wins over the header (legacy quirk)', async () => {
    const staff = await t.login(DEMO.staff1.email, DEMO.staff1.password);
    const admin = await t.login(DEMO.admin.email, DEMO.admin.password);
    expect((await me({ cookie: `token=${admin}`, authorization: `Bearer ${staff}` })).body.user.id).toBe('u_demo_admin');
    const stale = await me({ cookie: 'token=garbage', authorization: `Bearer ${staff}` });
    expect(stale.status).toBe(401);
    expect(stale.body).toEqual({ error: 'unauthenticated' });
  });

  test('a token the legacy server issued (no exp) is accepted', async () => {
    const legacy = await signRaw({ sub: 'u_demo_admin', email: 'admin@demo.com', isAdmin: false });
    expect(decodeJwt(legacy).exp).toBeUndefined();
    expect((await me({ authorization: `Bearer ${legacy}` })).body.user.id).toBe('u_demo_admin');
  });

  test.each([
    ['no token', {}],
    ['empty bearer', { authorization: 'Bearer ' }],
    ['lower-case bearer', { authorization: 'bearer VALID' }],
    ['Basic credentials', { authorization: 'Basic YWRtaW5AZGVtby5jb206YWRtaW4xMjM=' }],
    ['garbage', { authorization: 'Bearer abc.def.ghi' }],
    ['expired', { authorization: 'Bearer EXPIRED' }],
    ['foreign secret', { authorization: 'Bearer FOREIGN' }],
    ['unknown user', { authorization: 'Bearer GHOST' }],
    ['no sub', { authorization: 'Bearer NOSUB' }],
  ])('%s -> 401 unauthenticated', async (_name, headers: Record<string, string>) => {
    const valid = await t.tokenFor('u_demo_admin');
    const replacements: Record<string, string> = {
      VALID: valid,
      EXPIRED: await signRaw({ sub: 'u_demo_admin', isAdmin: false }, { exp: Math.floor(Date.now() / 1000) - 60 }),
      FOREIGN: await signRaw({ sub: 'u_demo_admin' }, { secret: new TextEncoder().encode('some-other-secret-that-is-long-enough-000') }),
      GHOST: await t.tokenFor('u_nobody'),
      NOSUB: await signRaw({ email: 'admin@demo.com' }),
    };
    const filled = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace(/VALID|EXPIRED|FOREIGN|GHOST|NOSUB/, (m) => replacements[m])]));
    const res = await me(filled);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'unauthenticated' });
  });

  test('an expired token is refused by the guarded routes too', async () => {
    const expired = await signRaw({ sub: 'u_demo_admin' }, { exp: Math.floor(Date.now() / 1000) - 1 });
    const res = await t.call('GET', '/api/staff/list', { token: expired });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'unauthenticated' });
  });
});

test('POST /api/auth/logout clears the cookie; the token itself stays valid (stateless)', async () => {
  const token = await t.login(DEMO.admin.email, DEMO.admin.password);
  const res = await t.call('POST', '/api/auth/logout', { token });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ ok: true });
  expect(res.headers.get('set-cookie')).toBe('token=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax');
  expect((await t.call('GET', '/api/auth/me', { token })).status).toBe(200);
});

describe('POST /api/auth/register', () => {
  test('creates a business and its ADMIN owner, signs in, and the password works', async () => {
    const body = { name: 'Jane Doe', email: 'Jane@Example.com', password: 'pw-123', mobile: '0770', location: 'Leeds' };
    const res = await t.call('POST', '/api/auth/register', { body });
    expect(res.status).toBe(200);
    const { user, token } = res.body;
    expect(user).toEqual({
      id: user.id, email: 'jane@example.com', name: 'Jane Doe', businessId: user.businessId,
      businessName: 'Jane Doe Business', isAdmin: false, role: 'ADMIN', crmClientId: null,
    });
    expect(user.id).toMatch(/^u_[0-9a-z]{12}$/);
    expect(user.businessId).toMatch(/^biz_[0-9a-z]{12}$/);
    expect(res.headers.get('set-cookie')).toBe(`token=${token}; Path=/; HttpOnly; SameSite=Lax`);
    expect(decodeJwt(token)).toMatchObject({ sub: user.id, email: 'jane@example.com', isAdmin: false });

    const [biz] = await t.db.sql`SELECT name, owner_user_id, settings FROM businesses WHERE id = ${user.businessId}`;
    expect(biz.name).toBe('Jane Doe Business');
    expect(biz.owner_user_id).toBe(user.id);
    expect(biz.settings.profile.businessName).toBe('Jane Doe Business');
    const [row] = await t.db.sql`SELECT phone, role, is_admin FROM users WHERE id = ${user.id}`;
    expect(row).toEqual({ phone: '0770', role: 'ADMIN', is_admin: false });

    expect((await t.call('GET', '/api/auth/me', { token })).body.user).toEqual(user);
    expect((await t.call('POST', '/api/auth/login', { body: { email: 'jane@example.com', password: 'pw-123' } })).status).toBe(200);
  });

  test('an empty name gives "My Business" and "New User"; role companion is allowed', async () => {
    const res = await t.call('POST', '/api/auth/register', { body: { email: 'c@example.com', password: 'x', role: 'companion' } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: 'New User', businessName: 'My Business', role: 'companion' });
  });

  test('never grants platform admin, not even to @aj-beattie.com (POLICY 4)', async () => {
    const res = await t.call('POST', '/api/auth/register', { body: { email: 'boss@aj-beattie.com', password: 'x' } });
    expect(res.status).toBe(200);
    expect(res.body.user.isAdmin).toBe(false);
    expect(decodeJwt(res.body.token).isAdmin).toBe(false);
    expect((await t.call('GET', '/api/admin/businesses', { token: res.body.token })).status).toBe(403);
    const [row] = await t.db.sql`SELECT is_admin FROM users WHERE email = 'boss@aj-beattie.com'`;
    expect(row.is_admin).toBe(false);
  });

  test.each([
    [{ email: 'r1@example.com', password: 'x', role: 'STAFF' }, 400, 'invalid_role'],
    [{ email: 'r2@example.com', password: 'x', role: 'client' }, 400, 'invalid_role'],
    [{ email: 'r3@example.com', password: 'x', role: 'CLIENT' }, 400, 'invalid_role'],
    [{ email: 'ADMIN@demo.com', password: 'x' }, 409, 'email_exists'],
    [{ email: 'r4@example.com' }, 400, 'email_password_required'],
    [{ password: 'x' }, 400, 'email_password_required'],
    [{ email: 'r5@example.com', password: 'x', name: 7 }, 400, 'name must be a string'],
  ])('%j -> %d %s, nothing written', async (body, status, error) => {
    const before = [await countRows('users'), await countRows('businesses')];
    const res = await t.call('POST', '/api/auth/register', { body });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error });
    expect([await countRows('users'), await countRows('businesses')]).toEqual(before);
  });

  test('two concurrent registrations of one e-mail create one account', async () => {
    const body = { email: 'race@example.com', password: 'x' };
    const results = await Promise.all([1, 2, 3].map(() => t.call('POST', '/api/auth/register', { body })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const [row] = await t.db.sql`SELECT count(*)::int AS n FROM users WHERE email = 'race@example.com'`;
    expect(row.n).toBe(1);
  });
});

describe('platform admin routes', () => {
  test('GET /api/admin/businesses: 401 without a token, 403 for a business admin', async () => {
    expect((await t.call('GET', '/api/admin/businesses')).body).toEqual({ error: 'unauthenticated' });
    const res = await t.call('GET', '/api/admin/businesses', { token: await t.login(DEMO.admin.email, DEMO.admin.password) });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'forbidden' });
  });

  test('a platform admin lists businesses in creation order, filtered by name or id', async () => {
    const token = await t.tokenFor('u_demo_admin', true);
    const all = await t.call('GET', '/api/admin/businesses', { token });
    expect(all.status).toBe(200);
    expect(all.body.businesses[0]).toEqual({ id: 'biz_demo', name: 'Demo Dog Walking', ownerUserId: null });
    const [count] = await t.db.sql`SELECT count(*)::int AS n FROM businesses`;
    expect(all.body.businesses).toHaveLength(count.n);
    expect((await t.call('GET', '/api/admin/businesses?search=DOG%20walk', { token })).body.businesses).toEqual([all.body.businesses[0]]);
    expect((await t.call('GET', '/api/admin/businesses?search=BIZ_DEMO', { token })).body.businesses.map((b: any) => b.id)).toEqual(['biz_demo']);
    expect((await t.call('GET', '/api/admin/businesses?search=zzz-none', { token })).body).toEqual({ businesses: [] });
  });

  test.each([
    ['GET', '/api/admin/metrics'],
    ['GET', '/api/admin/search-users?q=a'],
    ['GET', '/api/admin/support-escalations'],
    ['POST', '/api/admin/masquerade/start'],
    ['POST', '/api/admin/masquerade/exit'],
  ])('%s %s keeps the guard and is not served', async (method, path) => {
    expect((await t.call(method, path)).status).toBe(401);
    expect((await t.call(method, path, { token: await t.tokenFor('u_demo_staff1') })).body).toEqual({ error: 'forbidden' });
    const res = await t.call(method, path, { token: await t.tokenFor('u_demo_admin', true), body: { userId: 'u_demo_client' } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Not found' });
  });

  test('the dev backdoors are not served', async () => {
    const token = await t.tokenFor('u_demo_client');
    for (const path of ['/api/auth/dev/make-admin', '/api/auth/dev/create-business']) {
      expect((await t.call('POST', path, { token })).status).toBe(404);
    }
    const [row] = await t.db.sql`SELECT is_admin FROM users WHERE id = 'u_demo_client'`;
    expect(row.is_admin).toBe(false);
  });
});

test('cookies for a frontend on another https origin are Secure; SameSite=None', async () => {
  const cross = await createTestApp({ FRONTEND_BASE_URL: 'https://app.example.com', PUBLIC_BASE_URL: 'https://api.example.com' });
  try {
    const res = await cross.call('POST', '/api/auth/login', { body: DEMO.staff2 });
    expect(res.headers.get('set-cookie')).toBe(`token=${res.body.token}; Path=/; HttpOnly; Secure; SameSite=None`);
    const out = await cross.call('POST', '/api/auth/logout');
    expect(out.headers.get('set-cookie')).toBe('token=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; SameSite=None');
  } finally {
    await cross.close();
  }
}, 60_000);
