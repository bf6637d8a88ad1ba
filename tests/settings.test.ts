// Business settings (both families) and branding through HTTP: shapes, merge, rename, guards,
// cross-business refusals and "nothing written".
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { defaultSettings } from '../src/domain/settings';
import { createTestApp, DEMO, type TestApp } from './support/app';

let t: TestApp;
let admin: string, staff: string, client: string;
let other: { token: string; businessId: string; userId: string };

beforeAll(async () => {
  t = await createTestApp();
  [admin, staff, client] = await Promise.all([
    t.login(DEMO.admin.email, DEMO.admin.password),
    t.login(DEMO.staff1.email, DEMO.staff1.password),
    t.login(DEMO.client.email, DEMO.client.password),
  ]);
  const reg = await t.call('POST', '/api/auth/register', { body: { name: 'Other', email: 'owner@other.com', password: 'pw' } });
  other = { token: reg.body.token, businessId: reg.body.user.businessId, userId: reg.body.user.id };
}, 60_000);
afterAll(() => t.close());

const stored = async (businessId = 'biz_demo') =>
  (await t.db.sql`SELECT name, settings FROM businesses WHERE id = ${businessId}`)[0] as { name: string; settings: any };

describe('GET /api/business/settings', () => {
  test('admin and staff read the full default object of their business', async () => {
    for (const token of [admin, staff]) {
      const res = await t.call('GET', '/api/business/settings', { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(defaultSettings('Demo Dog Walking'));
    }
  });

  test('client 403, no token 401', async () => {
    expect(await t.call('GET', '/api/business/settings', { token: client }).then((r) => [r.status, r.body])).toEqual([403, { error: 'forbidden: admin access required' }]);
    expect(await t.call('GET', '/api/business/settings').then((r) => [r.status, r.body])).toEqual([401, { error: 'unauthenticated' }]);
  });
});

describe('POST /api/business/settings/update', () => {
  test('merges a section, renames the business, and the session shows the new name', async () => {
    const res = await t.call('POST', '/api/business/settings/update', {
      token: admin,
      body: { profile: { businessName: 'Happy Paws', city: 'Aylesbury' }, hours: { sat: { open: true } } },
    });
    expect(res.status).toBe(200);
    expect(res.body.profile).toEqual({ ...(defaultSettings('Happy Paws').profile as object), city: 'Aylesbury' });
    expect(res.body.hours.sat).toEqual({ open: true, start: '09:00', end: '17:00' });
    const row = await stored();
    expect(row.name).toBe('Happy Paws');
    expect(row.settings).toEqual(res.body);
    expect((await t.call('GET', '/api/auth/me', { token: admin })).body.user.businessName).toBe('Happy Paws');
  });

  test('an empty businessName empties the profile but keeps the business name', async () => {
    const res = await t.call('POST', '/api/business/settings/update', { token: admin, body: { profile: { businessName: '' } } });
    expect(res.body.profile.businessName).toBe('');
    expect((await stored()).name).toBe('Happy Paws');
    await t.call('POST', '/api/business/settings/update', { token: admin, body: { profile: { businessName: 'Happy Paws' } } });
  });

  test('a {"settings": …} wrapper is stored as a key named settings (legacy quirk)', async () => {
    const res = await t.call('POST', '/api/business/settings/update', { token: admin, body: { settings: { policies: { paymentTermsDays: 1 } } } });
    expect(res.body.settings).toEqual({ policies: { paymentTermsDays: 1 } });
    expect(res.body.policies.paymentTermsDays).toBe(14);
  });

  test('two concurrent saves of different sections both apply', async () => {
    await Promise.all([
      t.call('POST', '/api/business/settings/update', { token: admin, body: { policies: { cancellationWindowHours: 48 } } }),
      t.call('POST', '/api/business/settings/update', { token: admin, body: { branding: { primaryColor: '#3366ff' } } }),
    ]);
    const { settings } = await stored();
    expect(settings.policies.cancellationWindowHours).toBe(48);
    expect(settings.branding.primaryColor).toBe('#3366ff');
  });

  test.each([
    ['client', () => client, 403, 'forbidden: admin access required'],
    ['staff (POLICY 4)', () => staff, 403, 'forbidden: admin access required'],
    ['no token', () => '', 401, 'unauthenticated'],
  ])('%s is refused and nothing is written', async (_who, token, status, error) => {
    const before = await stored();
    const res = await t.call('POST', '/api/business/settings/update', { token: token(), body: { finance: { bankDetails: 'attacker' } } });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error });
    expect(await stored()).toEqual(before);
  });

  test.each([[undefined], [[1, 2]], ['text'], [null]])('a body of %j is a 400', async (body) => {
    const before = await stored();
    const res = await t.call('POST', '/api/business/settings/update', { token: admin, ...(body === undefined ? {} : { raw: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Settings must be a JSON object' });
    expect(await stored()).toEqual(before);
  });
});

describe('GET /api/business/branding', () => {
  test('every role of the business gets branding with businessName and logoUrl', async () => {
    await t.call('POST', '/api/business/settings/update', { token: admin, body: { branding: { logoUrl: 'https://cdn.example.com/l.png' } } });
    for (const token of [admin, staff, client]) {
      const res = await t.call('GET', '/api/business/branding', { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ branding: { primaryColor: '#3366ff', showPoweredBy: true, logoUrl: 'https://cdn.example.com/l.png', businessName: 'Happy Paws' } });
    }
  });

  test('a fresh business has an empty logoUrl', async () => {
    const res = await t.call('GET', '/api/business/branding', { token: other.token });
    expect(res.body).toEqual({ branding: { primaryColor: '#00a58a', showPoweredBy: true, businessName: 'Other Business', logoUrl: '' } });
  });

  test('401 without a token, and for a user without a business', async () => {
    expect((await t.call('GET', '/api/business/branding')).status).toBe(401);
    await t.db.sql`INSERT INTO users (id, business_id, role, email) VALUES ('u_nobiz', NULL, 'ADMIN', 'nobiz@example.com')`;
    const res = await t.call('GET', '/api/business/branding', { token: await t.tokenFor('u_nobiz') });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'unauthenticated' });
  });
});

describe('/api/business/:businessId/settings', () => {
  test('GET: the admin and staff of the business read it', async () => {
    for (const token of [admin, staff]) {
      const res = await t.call('GET', '/api/business/biz_demo/settings', { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual((await stored()).settings);
    }
  });

  test('PUT unwraps {"settings": …} and merges', async () => {
    const res = await t.call('PUT', '/api/business/biz_demo/settings', {
      token: admin,
      body: { settings: { finance: { autoInvoicingEnabled: true, bankDetails: 'Sort 00-00-00' } } },
    });
    expect(res.status).toBe(200);
    expect(res.body.finance).toMatchObject({ autoInvoicingEnabled: true, bankDetails: 'Sort 00-00-00', sendMode: 'draft' });
    expect(res.body.settings).toEqual({ policies: { paymentTermsDays: 1 } }); // the earlier quirk key, untouched
    expect((await stored()).settings.finance.bankDetails).toBe('Sort 00-00-00');
  });

  test('PUT without a wrapper uses the whole body; the owner of a business may write it', async () => {
    const res = await t.call('PUT', `/api/business/${other.businessId}/settings`, { token: other.token, body: { profile: { businessName: 'Other Renamed' } } });
    expect(res.status).toBe(200);
    expect((await stored(other.businessId)).name).toBe('Other Renamed');
  });

  test('unknown business: 404 "business not found" (checked before access)', async () => {
    for (const method of ['GET', 'PUT']) {
      const res = await t.call(method, '/api/business/biz_missing/settings', { token: client, body: {} });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: 'business not found' });
    }
  });

  test('another business is refused both ways, and nothing is written', async () => {
    const before = [await stored(), await stored(other.businessId)];
    for (const [token, businessId] of [[admin, other.businessId], [other.token, 'biz_demo']]) {
      for (const method of ['GET', 'PUT']) {
        const res = await t.call(method, `/api/business/${businessId}/settings`, { token, body: { finance: { bankDetails: 'x' } } });
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ error: 'forbidden' });
      }
    }
    expect([await stored(), await stored(other.businessId)]).toEqual(before);
  });

  test('POLICY 4: a client member cannot read or write; staff can read but not write', async () => {
    const before = await stored();
    for (const [token, method] of [[client, 'GET'], [client, 'PUT'], [staff, 'PUT']]) {
      const res = await t.call(method, '/api/business/biz_demo/settings', { token, body: { finance: { bankDetails: 'x' } } });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: 'forbidden' });
    }
    expect(await stored()).toEqual(before);
  });

  test('a platform admin (claim and stored flag) reaches any business; the claim alone does not', async () => {
    const claimOnly = await t.tokenFor('u_pawtimation_admin', true);
    expect((await t.call('GET', `/api/business/${other.businessId}/settings`, { token: claimOnly })).status).toBe(403);
    await t.db.sql`UPDATE users SET is_admin = true WHERE id = 'u_pawtimation_admin'`;
    const res = await t.call('PUT', `/api/business/${other.businessId}/settings`, { token: claimOnly, body: { policies: { paymentTermsDays: 30 } } });
    expect(res.status).toBe(200);
    expect((await stored(other.businessId)).settings.policies.paymentTermsDays).toBe(30);
    const stale = await t.tokenFor('u_pawtimation_admin', false);
    expect((await t.call('GET', `/api/business/${other.businessId}/settings`, { token: stale })).status).toBe(403);
  });

  test('401 without a token; a non-object PUT body is a 400', async () => {
    expect((await t.call('GET', '/api/business/biz_demo/settings')).body).toEqual({ error: 'unauthenticated' });
    const res = await t.call('PUT', '/api/business/biz_demo/settings', { token: admin, body: { settings: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Settings must be a JSON object' });
  });
});
