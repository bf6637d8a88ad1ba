// The demo seed (seed-data.md), written in one transaction and only into a database without any
// business. An advisory lock makes two instances starting at once seed at most once.
import { hashPassword } from '../auth/password';
import { defaultSettings } from '../domain/settings';
import { newId } from '../ids';
import type { Db } from './client';

export const DEMO_BUSINESS_ID = 'biz_demo';

const SARAH_WEEK = Object.fromEntries(
  ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].map((d) => [d, { start: '09:00', end: '17:00' }]),
);
const JOHN_WEEK = {
  ...Object.fromEntries(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].map((d) => [d, { start: '10:00', end: '18:00' }])),
  Sat: { start: '10:00', end: '16:00' },
  Sun: { start: '10:00', end: '16:00' },
};

const DEMO_USERS = [
  { id: 'u_demo_admin', email: 'admin@demo.com', password: 'admin123', role: 'ADMIN', name: 'Demo Admin', phone: '' },
  { id: 'u_pawtimation_admin', email: 'demo-admin@pawtimation.com', password: 'demo123', role: 'ADMIN', name: 'Pawtimation Admin', phone: '' },
  { id: 'u_demo_staff1', email: 'walker1@demo.com', password: 'staff123', role: 'STAFF', name: 'Sarah Walker', phone: '07712 345678', week: SARAH_WEEK },
  { id: 'u_demo_staff2', email: 'walker2@demo.com', password: 'staff123', role: 'STAFF', name: 'John Walker', phone: '', week: JOHN_WEEK },
  { id: 'u_demo_client', email: 'demo@client.com', password: 'test123', role: 'client', name: 'Demo Client', phone: '', crmClientId: 'c_demo_client' },
] as const;

/** Seeds the demo data when the database holds no business. Returns whether it seeded. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  // hashing is slow on purpose (bcrypt cost 10): do it before taking the lock
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  return db.tx(async (q) => {
    await q.system.seedLock();
    if ((await q.businesses.count())!.count > 0) return false;

    const name = 'Demo Dog Walking';
    await q.businesses.insert(DEMO_BUSINESS_ID, name, null, defaultSettings(name));
    const serviceIds = [newId('svc_'), newId('svc_')];
    await q.services.insert(serviceIds[0], DEMO_BUSINESS_ID, '30min Dog Walk', '', 30, 1500, false, 1, true, false, true);
    await q.services.insert(serviceIds[1], DEMO_BUSINESS_ID, '60min Dog Walk', '', 60, 2500, false, 1, true, false, true);

    const now = new Date();
    await q.clients.insert(
      'c_demo_client', DEMO_BUSINESS_ID, 'Demo Client', 'demo@client.com', '07565613567', '',
      '5 Charles Kidnee Way', 'Stoke Mandeville', 'HP223AA', 51.7955, -0.8055, '', true, 1,
      '', '', '', '', '', '', now,
    );

    for (const [i, user] of DEMO_USERS.entries()) {
      const crmClientId = 'crmClientId' in user ? user.crmClientId : null;
      await q.users.insert(user.id, DEMO_BUSINESS_ID, user.role, user.name, user.email, user.phone, hashes[i], false, crmClientId);
      if ('week' in user) {
        await q.staff.setServices(user.id, serviceIds);
        await q.staff.saveWeeklyAvailability(user.id, user.week);
      }
    }

    await q.dogs.insert('dog_demo', 'c_demo_client', 'Max', 'Golden Retriever', 3, {}, 'Friendly dog');
    return true;
  });
}
