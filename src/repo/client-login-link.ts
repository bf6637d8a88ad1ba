// Legacy login step 4: a user whose role is exactly 'client' and who has no CRM client link is
// linked to a client record (found by userId or email, or created in the legacy login shape).
// SECURITY (POLICY rule 4): legacy searched every business; only the user's own business is searched.
import type { Db } from '../db/client';
import type { LoginUserRow } from '../db/queries/users';

export async function linkClientOnLogin(db: Db, user: LoginUserRow): Promise<void> {
  if (user.role !== 'client' || user.crmClientId || !user.businessId) return;
  const businessId = user.businessId;
  await db.tx(async (q) => {
    const found = await q.clients.findForLogin(user.id, user.email, businessId);
    let clientId = found?.id;
    if (!clientId) {
      clientId = `c_${Date.now()}_${Math.random().toString(36).slice(2)}`;
      const [firstName = '', ...rest] = (user.name ?? '').split(' ');
      await q.clients.insertLoginShape(clientId, businessId, user.id, firstName, rest.join(' '), user.email, user.phone ?? '', new Date());
    }
    await q.users.linkCrmClient(user.id, clientId);
  });
}
