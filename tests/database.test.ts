// Migrations, schema drift, the demo seed and its idempotence, on a real PostgreSQL.
import { describe, expect, test } from 'bun:test';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPasswordVerifier } from '../src/auth/password';
import { connect } from '../src/db/client';
import { migrate, runDbmate, SCHEMA_FILE } from '../src/db/migrate';
import { seedIfEmpty } from '../src/db/seed';
import { emptyDatabase } from './support/postgres';

async function migratedEmpty() {
  const url = await emptyDatabase();
  await migrate(url);
  return { url, db: connect(url) };
}

const counts = async (db: ReturnType<typeof connect>) => {
  const [row] = await db.sql`
    SELECT (SELECT count(*) FROM businesses)::int AS businesses, (SELECT count(*) FROM users)::int AS users,
           (SELECT count(*) FROM services)::int AS services, (SELECT count(*) FROM clients)::int AS clients,
           (SELECT count(*) FROM dogs)::int AS dogs, (SELECT count(*) FROM staff_services)::int AS staff_services,
           (SELECT count(*) FROM staff_availability)::int AS availability`;
  return row;
};

describe('migrations', () => {
  test('db/schema.sql matches what the migrations produce', async () => {
    const { url, db } = await migratedEmpty();
    await db.close();
    const dumped = join(tmpdir(), `schema-${process.pid}-${Date.now()}.sql`);
    try {
      await runDbmate(url, ['dump'], dumped);
      expect(readFileSync(dumped, 'utf8')).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
    } finally {
      rmSync(dumped, { force: true });
    }
  });

  test('running them again is a no-op', async () => {
    const { url, db } = await migratedEmpty();
    await migrate(url);
    const [{ n }] = await db.sql`SELECT count(*)::int AS n FROM schema_migrations`;
    expect(n).toBeGreaterThan(0);
    await db.close();
  });
});

describe('demo seed', () => {
  test('an empty database gets exactly the seed-data.md records', async () => {
    const { db } = await migratedEmpty();
    expect(await seedIfEmpty(db)).toBe(true);
    expect(await counts(db)).toEqual({ businesses: 1, users: 5, services: 2, clients: 1, dogs: 1, staff_services: 4, availability: 2 });

    const [biz] = await db.sql`SELECT id, name, owner_user_id, settings FROM businesses`;
    expect(biz.id).toBe('biz_demo');
    expect(biz.name).toBe('Demo Dog Walking');
    expect(biz.owner_user_id).toBeNull();
    expect(biz.settings.profile.businessName).toBe('Demo Dog Walking');
    expect(biz.settings.services).toEqual([]);

    const services = await db.sql`SELECT id, name, duration_minutes, price_cents FROM services ORDER BY seq`;
    expect(services.map((s) => [s.name, s.duration_minutes, s.price_cents])).toEqual([
      ['30min Dog Walk', 30, 1500],
      ['60min Dog Walk', 60, 2500],
    ]);
    for (const s of services) expect(s.id).toMatch(/^svc_[0-9a-z]{12}$/);

    const users = await db.sql`SELECT id, email, role, name, phone, is_admin, pass_hash, crm_client_id FROM users ORDER BY seq`;
    expect(users.map((u) => [u.id, u.email, u.role, u.name, u.phone, u.is_admin])).toEqual([
      ['u_demo_admin', 'admin@demo.com', 'ADMIN', 'Demo Admin', '', false],
      ['u_pawtimation_admin', 'demo-admin@pawtimation.com', 'ADMIN', 'Pawtimation Admin', '', false],
      ['u_demo_staff1', 'walker1@demo.com', 'STAFF', 'Sarah Walker', '07712 345678', false],
      ['u_demo_staff2', 'walker2@demo.com', 'STAFF', 'John Walker', '', false],
      ['u_demo_client', 'demo@client.com', 'client', 'Demo Client', '', false],
    ]);
    const passwords = ['admin123', 'demo123', 'staff123', 'staff123', 'test123'];
    for (const [i, u] of users.entries()) {
      expect(u.pass_hash).toMatch(/^\$2[aby]\$10\$/);
      expect(await createPasswordVerifier({ rememberSeconds: 0 }).verify(passwords[i], u.pass_hash)).toBe(true);
    }
    expect(users[4].crm_client_id).toBe('c_demo_client');

    const staffServices = await db.sql`SELECT staff_id, position, service_id FROM staff_services ORDER BY staff_id, position`;
    expect(staffServices.map((r) => [r.staff_id, r.service_id])).toEqual([
      ['u_demo_staff1', services[0].id],
      ['u_demo_staff1', services[1].id],
      ['u_demo_staff2', services[0].id],
      ['u_demo_staff2', services[1].id],
    ]);
    const [sarah] = await db.sql`SELECT weekly FROM staff_availability WHERE staff_id = 'u_demo_staff1'`;
    expect(Object.keys(sarah.weekly).sort()).toEqual(['Fri', 'Mon', 'Thu', 'Tue', 'Wed']);
    expect(sarah.weekly.Mon).toEqual({ start: '09:00', end: '17:00' });
    const [john] = await db.sql`SELECT weekly FROM staff_availability WHERE staff_id = 'u_demo_staff2'`;
    expect(john.weekly.Sat).toEqual({ start: '10:00', end: '16:00' });
    expect(john.weekly.Tue).toEqual({ start: '10:00', end: '18:00' });

    const [client] = await db.sql`SELECT * FROM clients`;
    expect(client).toMatchObject({
      id: 'c_demo_client', business_id: 'biz_demo', name: 'Demo Client', email: 'demo@client.com',
      phone: '07565613567', address_line1: '5 Charles Kidnee Way', city: 'Stoke Mandeville', postcode: 'HP223AA',
      lat: 51.7955, lng: -0.8055, profile_complete: true, onboarding_step: 1, dog_ids: ['dog_demo'],
    });
    const [dog] = await db.sql`SELECT * FROM dogs`;
    expect(dog).toMatchObject({ id: 'dog_demo', client_id: 'c_demo_client', name: 'Max', breed: 'Golden Retriever', age: 3, behaviour: {}, notes: 'Friendly dog' });
    await db.close();
  });

  test('a second run changes nothing, and neither do two runs at once', async () => {
    const { db } = await migratedEmpty();
    const results = await Promise.all([seedIfEmpty(db), seedIfEmpty(db), seedIfEmpty(db)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const before = await counts(db);
    expect(await seedIfEmpty(db)).toBe(false);
    expect(await counts(db)).toEqual(before);
    expect(before.businesses).toBe(1);
    await db.close();
  });

  test('a database that already holds a business is never seeded', async () => {
    const { db } = await migratedEmpty();
    await db.sql`INSERT INTO businesses (id, name, settings) VALUES ('biz_real', 'Real Walkers', '{}')`;
    expect(await seedIfEmpty(db)).toBe(false);
    expect(await counts(db)).toMatchObject({ businesses: 1, users: 0, services: 0 });
    await db.close();
  });
});
