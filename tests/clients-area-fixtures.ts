// Test data the clients/services/messages tests share: a second business written straight into
// the database (there is no register route in this branch), and booked jobs for the stats.
import { defaultSettings } from '../src/domain/settings';
import { createTestApp, type TestApp } from './support/app';

export const OTHER = {
  businessId: 'biz_other',
  adminId: 'u_other_admin',
  clientUserId: 'u_other_client',
  clientId: 'c_other_client',
  dogId: 'dog_other',
  serviceId: 'svc_other',
} as const;

export interface Tokens {
  admin: string;
  staff: string;
  client: string;
  otherAdmin: string;
  otherClient: string;
}

/** "Other Walkers": an admin, a client record with a dog and a login, and one service */
export async function addOtherBusiness(t: TestApp): Promise<void> {
  const sql = t.db.sql;
  await sql`INSERT INTO businesses (id, name, settings)
            VALUES (${OTHER.businessId}, 'Other Walkers', ${sql.json(defaultSettings('Other Walkers') as never)})`;
  await sql`INSERT INTO clients (id, business_id, name, email) VALUES (${OTHER.clientId}, ${OTHER.businessId}, 'Olga Other', 'olga@other.example')`;
  await sql`INSERT INTO dogs (id, client_id, name) VALUES (${OTHER.dogId}, ${OTHER.clientId}, 'Rex')`;
  await sql`UPDATE clients SET dog_ids = ARRAY[${OTHER.dogId}] WHERE id = ${OTHER.clientId}`;
  await sql`INSERT INTO services (id, business_id, name, price_cents) VALUES (${OTHER.serviceId}, ${OTHER.businessId}, 'Other Walk', 900)`;
  await sql`INSERT INTO users (id, business_id, role, name, email) VALUES (${OTHER.adminId}, ${OTHER.businessId}, 'ADMIN', 'Otto Admin', 'otto@other.example')`;
  await sql`INSERT INTO users (id, business_id, role, name, email, crm_client_id)
            VALUES (${OTHER.clientUserId}, ${OTHER.businessId}, 'client', 'Olga Other', 'olga@other.example', ${OTHER.clientId})`;
}

export async function loginAll(t: TestApp): Promise<Tokens> {
  return {
    admin: await t.tokenFor('u_demo_admin'),
    staff: await t.tokenFor('u_demo_staff1'),
    client: await t.tokenFor('u_demo_client'),
    otherAdmin: await t.tokenFor(OTHER.adminId),
    otherClient: await t.tokenFor(OTHER.clientUserId),
  };
}

/** a fresh seeded app with the other business added and a token for every role */
export async function appWithOtherBusiness(): Promise<{ t: TestApp; tok: Tokens }> {
  const t = await createTestApp();
  await addOtherBusiness(t);
  return { t, tok: await loginAll(t) };
}
