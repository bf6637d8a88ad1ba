// Clients and dogs through HTTP: legacy shapes, guards, cross-business refusals, mass assignment
// closed, the login-created client shape, bad input.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { TestApp } from './support/app';
import { appWithOtherBusiness, OTHER, type Tokens } from './clients-area-fixtures';

let t: TestApp;
let tok: Tokens;
beforeAll(async () => {
  ({ t, tok } = await appWithOtherBusiness());
}, 60_000);
afterAll(() => t.close());

const STANDARD_KEYS = [
  'id', 'businessId', 'name', 'email', 'phone', 'address', 'addressLine1', 'city', 'postcode', 'lat', 'lng', 'notes',
  'dogIds', 'profileComplete', 'onboardingStep', 'accessNotes', 'emergencyName', 'emergencyPhone', 'vetDetails',
  'behaviourNotes', 'medicalNotes', 'createdAt', 'updatedAt',
];
const countClients = async () => (await t.db.sql`SELECT count(*)::int AS n FROM clients`)[0].n as number;
const countDogs = async () => (await t.db.sql`SELECT count(*)::int AS n FROM dogs`)[0].n as number;

describe('GET /api/clients/list', () => {
  test('admin and staff get their business clients in creation order with the display address', async () => {
    for (const token of [tok.admin, tok.staff]) {
      const res = await t.call('GET', '/api/clients/list', { token });
      expect(res.status).toBe(200);
      expect(res.body.map((c: any) => c.id)).toEqual(['c_demo_client']);
      expect(Object.keys(res.body[0]).sort()).toEqual([...STANDARD_KEYS].sort());
      expect(res.body[0].address).toBe('5 Charles Kidnee Way, Stoke Mandeville, HP223AA');
      expect(res.body[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  test('a client gets 403, no token 401', async () => {
    expect(await t.call('GET', '/api/clients/list', { token: tok.client })).toMatchObject({ status: 403, body: { error: 'forbidden: admin access required' } });
    expect(await t.call('GET', '/api/clients/list')).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
  });

  test('the other business sees only its own client', async () => {
    const res = await t.call('GET', '/api/clients/list', { token: tok.otherAdmin });
    expect(res.body.map((c: any) => c.id)).toEqual([OTHER.clientId]);
  });

  test('kept by the list cache: a change the version triggers miss stays unseen until a counted one', async () => {
    const notes = async () => (await t.call('GET', '/api/clients/list', { token: tok.admin })).body[0].notes;
    const before = await notes();
    await t.db.sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await tx`UPDATE clients SET notes = 'silent' WHERE id = 'c_demo_client'`;
    });
    expect(await notes()).toBe(before);
    await t.db.sql`UPDATE clients SET notes = 'counted' WHERE id = 'c_demo_client'`;
    expect(await notes()).toBe('counted');
    await t.db.sql`UPDATE clients SET notes = ${before} WHERE id = 'c_demo_client'`;
  });
});

describe('POST /api/clients/create', () => {
  test('stores the standard record with defaults; the stored address stays raw', async () => {
    const res = await t.call('POST', '/api/clients/create', {
      token: tok.admin,
      body: { name: 'Bella', addressLine1: '12 Orchard Lane', city: 'Aylesbury', lat: 51.8, lng: -0.8, profileComplete: true, weird: 1 },
    });
    expect(res.status).toBe(200);
    const c = res.body.client;
    expect(Object.keys(c)).toEqual(STANDARD_KEYS);
    expect(c).toMatchObject({ businessId: 'biz_demo', name: 'Bella', address: '', lat: 51.8, lng: -0.8, dogIds: [], profileComplete: true, onboardingStep: 1, email: '' });
    expect(c.id).toMatch(/^c_[0-9a-z]{12}$/);
    const [row] = await t.db.sql`SELECT business_id, name, extra FROM clients WHERE id = ${c.id}`;
    expect(row).toEqual({ business_id: 'biz_demo', name: 'Bella', extra: {} });
  });

  test('SECURITY: a body id, businessId, createdAt and dogIds are ignored; the other business row is untouched', async () => {
    const res = await t.call('POST', '/api/clients/create', {
      token: tok.admin,
      body: { id: OTHER.clientId, businessId: OTHER.businessId, createdAt: '2001-01-01T00:00:00.000Z', dogIds: [OTHER.dogId], name: 'Hijack' },
    });
    expect(res.status).toBe(200);
    expect(res.body.client.id).not.toBe(OTHER.clientId);
    expect(res.body.client).toMatchObject({ businessId: 'biz_demo', dogIds: [] });
    expect(res.body.client.createdAt).not.toBe('2001-01-01T00:00:00.000Z');
    const [other] = await t.db.sql`SELECT name, business_id FROM clients WHERE id = ${OTHER.clientId}`;
    expect(other).toEqual({ name: 'Olga Other', business_id: OTHER.businessId });
  });

  test('falsy coordinates become null (geocoder off)', async () => {
    const res = await t.call('POST', '/api/clients/create', { token: tok.admin, body: { name: 'Zero', lat: 0, lng: 0, postcode: 'HP1' } });
    expect(res.body.client).toMatchObject({ lat: null, lng: null });
  });

  test('a client user and staff (admin-only, POLICY 4) are refused and nothing is written', async () => {
    const before = await countClients();
    for (const token of [tok.client, tok.staff]) {
      expect(await t.call('POST', '/api/clients/create', { token, body: { name: 'Sneaky' } })).toMatchObject({
        status: 403,
        body: { error: 'forbidden: admin access required' },
      });
    }
    expect(await countClients()).toBe(before);
  });

  test('bad input is a clean 400 and nothing is written', async () => {
    const before = await countClients();
    for (const body of [{ name: 123 }, { lat: 'north' }, { onboardingStep: 1.5 }, { phone: { a: 1 } }]) {
      const res = await t.call('POST', '/api/clients/create', { token: tok.admin, body });
      expect(res.status).toBe(400);
      expect(typeof res.body.error).toBe('string');
    }
    expect((await t.call('POST', '/api/clients/create', { token: tok.admin, raw: '{bad', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect(await countClients()).toBe(before);
  });
});

describe('GET /api/clients/:clientId', () => {
  test('admin of the business and the client itself read the raw record', async () => {
    for (const token of [tok.admin, tok.client]) {
      const res = await t.call('GET', '/api/clients/c_demo_client', { token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: 'c_demo_client', address: '', dogIds: ['dog_demo'] });
    }
  });

  test('refusals: other business, other client, unknown, anonymous, deleted user', async () => {
    expect(await t.call('GET', `/api/clients/${OTHER.clientId}`, { token: tok.admin })).toMatchObject({ status: 403, body: { error: 'forbidden: cannot access this client' } });
    expect(await t.call('GET', '/api/clients/c_demo_client', { token: tok.otherAdmin })).toMatchObject({ status: 403 });
    expect(await t.call('GET', `/api/clients/${OTHER.clientId}`, { token: tok.client })).toMatchObject({ status: 403, body: { error: 'forbidden: cannot access this client' } });
    expect(await t.call('GET', '/api/clients/c_nope', { token: tok.admin })).toMatchObject({ status: 404, body: { error: 'Client not found' } });
    expect(await t.call('GET', '/api/clients/c_demo_client')).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    const ghost = await t.tokenFor('u_deleted');
    expect(await t.call('GET', '/api/clients/c_demo_client', { token: ghost })).toMatchObject({ status: 403, body: { error: 'forbidden: user account not found' } });
  });
});

describe('POST /api/clients/:clientId/update', () => {
  test('merges the body: standard fields, extra keys kept and returned, updatedAt refreshed', async () => {
    const before = (await t.call('GET', '/api/clients/c_demo_client', { token: tok.admin })).body;
    const res = await t.call('POST', '/api/clients/c_demo_client/update', {
      token: tok.client,
      body: { emergencyName: 'Jane', firstName: 'Demo', lastName: 'Client', lat: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ emergencyName: 'Jane', firstName: 'Demo', lastName: 'Client', lat: null, lng: -0.8055, name: 'Demo Client' });
    expect(res.body.updatedAt).not.toBe(before.updatedAt);
    const again = await t.call('GET', '/api/clients/c_demo_client', { token: tok.client });
    expect(again.body).toEqual(res.body);
  });

  test('SECURITY: id, businessId, createdAt, dogIds and userId in the body change nothing', async () => {
    const before = (await t.call('GET', '/api/clients/c_demo_client', { token: tok.admin })).body;
    const res = await t.call('POST', '/api/clients/c_demo_client/update', {
      token: tok.admin,
      body: { id: 'c_new', businessId: OTHER.businessId, createdAt: '2001-01-01T00:00:00.000Z', dogIds: [], userId: 'u_other_client', notes: 'ok' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'c_demo_client', businessId: 'biz_demo', createdAt: before.createdAt, dogIds: before.dogIds, notes: 'ok' });
    expect(res.body.userId).toBeUndefined();
    const [row] = await t.db.sql`SELECT business_id, extra FROM clients WHERE id = 'c_demo_client'`;
    expect(row.business_id).toBe('biz_demo');
    expect(row.extra.userId).toBeUndefined();
  });

  test('cross-business and other-client updates are refused and write nothing', async () => {
    const snapshot = async () => (await t.db.sql`SELECT notes, updated_at FROM clients WHERE id IN (${OTHER.clientId}, 'c_demo_client') ORDER BY id`);
    const before = await snapshot();
    expect(await t.call('POST', `/api/clients/${OTHER.clientId}/update`, { token: tok.admin, body: { notes: 'x' } })).toMatchObject({ status: 403, body: { error: 'forbidden: cannot update other clients' } });
    expect(await t.call('POST', '/api/clients/c_demo_client/update', { token: tok.otherClient, body: { notes: 'x' } })).toMatchObject({ status: 403 });
    expect(await t.call('POST', '/api/clients/c_nope/update', { token: tok.admin, body: { notes: 'x' } })).toMatchObject({ status: 404, body: { error: 'Client not found' } });
    expect(await snapshot()).toEqual(before);
  });

  test('bad input is a clean 400 and nothing is written', async () => {
    const [before] = await t.db.sql`SELECT * FROM clients WHERE id = 'c_demo_client'`;
    for (const body of [{ name: null }, { lat: 'x' }, { profileComplete: 'yes' }, { onboardingStep: 'two' }, { phone: 7 }]) {
      const res = await t.call('POST', '/api/clients/c_demo_client/update', { token: tok.admin, body: { notes: 'never', ...body } });
      expect(res.status).toBe(400);
    }
    const [after] = await t.db.sql`SELECT * FROM clients WHERE id = 'c_demo_client'`;
    expect(after).toEqual(before);
  });
});

describe('the login-created client shape', () => {
  test('is served with exactly its own keys, listed with an address, and updated in place', async () => {
    await t.db.sql`INSERT INTO users (id, business_id, role, name, email, pass_hash)
                   VALUES ('u_new_client', 'biz_demo', 'client', 'Nina New', 'nina@example.com', ${await Bun.password.hash('pw123456', { algorithm: 'bcrypt', cost: 4 })})`;
    const token = await t.login('nina@example.com', 'pw123456');
    const me = await t.call('GET', '/api/auth/me', { token });
    const clientId = me.body.user.crmClientId as string;
    expect(clientId).toMatch(/^c_\d+_/);

    const res = await t.call('GET', `/api/clients/${clientId}`, { token });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ['id', 'userId', 'businessId', 'firstName', 'lastName', 'email', 'phone', 'addressLine1', 'city', 'postcode', 'emergencyContact', 'vetDetails', 'notes', 'profileComplete', 'createdAt'].sort(),
    );
    expect(res.body).toMatchObject({ userId: 'u_new_client', firstName: 'Nina', lastName: 'New', profileComplete: false });

    const listed = (await t.call('GET', '/api/clients/list', { token: tok.admin })).body.find((c: any) => c.id === clientId);
    expect(listed.address).toBe('');

    const updated = await t.call('POST', `/api/clients/${clientId}/update`, { token, body: { addressLine1: '1 High St', firstName: 'Nina-May' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ addressLine1: '1 High St', firstName: 'Nina-May', userId: 'u_new_client' });
    expect(updated.body.updatedAt).toBeString();
    expect(updated.body.name).toBeUndefined();
    expect(updated.body.dogIds).toBeUndefined();

    // legacy crashed adding a dog to a record without dogIds; the dog is stored and linked
    const dog = await t.call('POST', '/api/dogs/create', { token, body: { clientId, name: 'Pip' } });
    expect(dog.status).toBe(200);
    const after = await t.call('GET', `/api/clients/${clientId}`, { token });
    expect(after.body.dogIds).toEqual([dog.body.dog.id]);
  });
});

describe('dogs', () => {
  test('GET /api/dogs/by-client lists in creation order for staff and the owner', async () => {
    for (const token of [tok.staff, tok.client]) {
      const res = await t.call('GET', '/api/dogs/by-client/c_demo_client', { token });
      expect(res.status).toBe(200);
      expect(res.body[0]).toEqual({ id: 'dog_demo', clientId: 'c_demo_client', name: 'Max', breed: 'Golden Retriever', age: 3, behaviour: {}, notes: 'Friendly dog' });
    }
    expect(await t.call('GET', `/api/dogs/by-client/${OTHER.clientId}`, { token: tok.admin })).toMatchObject({ status: 403, body: { error: 'forbidden: cannot access other clients' } });
    expect(await t.call('GET', '/api/dogs/by-client/c_nope', { token: tok.admin })).toMatchObject({ status: 404, body: { error: 'Client not found' } });
  });

  test('POST /api/dogs/create stores the legacy fields only and appends to dogIds', async () => {
    const res = await t.call('POST', '/api/dogs/create', {
      token: tok.client,
      body: { clientId: 'c_demo_client', id: OTHER.dogId, name: 'Biscuit', age: '4', weightKg: 12, businessId: OTHER.businessId },
    });
    expect(res.status).toBe(200);
    expect(res.body.dog).toEqual({ id: res.body.dog.id, clientId: 'c_demo_client', name: 'Biscuit', breed: '', age: '4', behaviour: {}, notes: '' });
    expect(res.body.dog.id).not.toBe(OTHER.dogId);
    const [other] = await t.db.sql`SELECT name, client_id FROM dogs WHERE id = ${OTHER.dogId}`;
    expect(other).toEqual({ name: 'Rex', client_id: OTHER.clientId });
    const [client] = await t.db.sql`SELECT dog_ids FROM clients WHERE id = 'c_demo_client'`;
    expect(client.dog_ids).toEqual(['dog_demo', res.body.dog.id]);
  });

  test('refusals and bad input write nothing', async () => {
    const before = await countDogs();
    const cases: [string, unknown, number, string?][] = [
      [tok.admin, { clientId: OTHER.clientId, name: 'X' }, 403, 'forbidden: cannot create dogs for other clients'],
      [tok.client, { clientId: OTHER.clientId, name: 'X' }, 403, 'forbidden: cannot create dogs for other clients'],
      [tok.admin, { name: 'X' }, 400, 'clientId is required'],
      [tok.admin, { clientId: 'c_nope' }, 404, 'Client not found'],
      [tok.admin, { clientId: 'c_demo_client', age: true }, 400],
      [tok.admin, { clientId: 'c_demo_client', name: ['x'] }, 400],
      [tok.admin, { clientId: 42 }, 400],
    ];
    for (const [token, body, status, error] of cases) {
      const res = await t.call('POST', '/api/dogs/create', { token, body });
      expect(res.status).toBe(status);
      if (error) expect(res.body.error).toBe(error);
    }
    expect((await t.call('POST', '/api/dogs/create', { token: tok.admin })).status).toBe(400);
    expect((await t.call('POST', '/api/dogs/create', { body: { clientId: 'c_demo_client' } })).status).toBe(401);
    expect(await countDogs()).toBe(before);
  });

  test('GET /api/clients/:clientId/dogs is for the client itself only', async () => {
    const own = await t.call('GET', '/api/clients/c_demo_client/dogs', { token: tok.client });
    expect(own.status).toBe(200);
    expect(own.body.dogs[0].id).toBe('dog_demo');
    expect(await t.call('GET', `/api/clients/${OTHER.clientId}/dogs`, { token: tok.client })).toMatchObject({ status: 403, body: { error: "forbidden: cannot access other clients' dogs" } });
    expect(await t.call('GET', '/api/clients/c_demo_client/dogs', { token: tok.admin })).toMatchObject({ status: 403, body: { error: 'forbidden: client access required' } });
    expect(await t.call('GET', '/api/clients/c_demo_client/dogs')).toMatchObject({ status: 401 });
  });
});
