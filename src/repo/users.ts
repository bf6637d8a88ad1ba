// Users: the legacy repo functions behind login, registration, the session and the users routes
// (data-model.md §3.2.3, auth-accounts-staff-settings.md §4.1, §7).
import type { Db } from '../db/client';
import type { LoginUserRow, SessionUser, UserRecord } from '../db/queries/users';
import { defaultSettings } from '../domain/settings';
import { newId } from '../ids';

export interface NewOwner {
  email: string;
  passHash: string;
  name: string;
  role: string;
  phone: string;
}

export function usersRepo(db: Db) {
  return {
    /** first user in creation order whose email matches case-insensitively */
    getUserByEmail: (email: string): Promise<LoginUserRow | null> => db.q.users.getByEmail(email),

    /** the legacy public user (login, register, /api/auth/me) */
    getSessionUser: (userId: string): Promise<SessionUser | null> => db.q.users.session(userId),

    /**
     * Register: a new business named after the owner, and its owner. Returns the new user id, or
     * null when the email is already registered (nothing written).
     */
    registerOwner(owner: NewOwner): Promise<string | null> {
      return db.tx(async (q) => {
        await q.users.lockEmail(owner.email);
        if (await q.users.getByEmail(owner.email)) return null;
        const userId = newId('u_');
        const businessId = newId('biz_');
        const businessName = owner.name ? `${owner.name} Business` : 'My Business';
        await q.businesses.insert(businessId, businessName, userId, defaultSettings(businessName));
        await q.users.insert(userId, businessId, owner.role, owner.name || 'New User', owner.email, owner.phone, owner.passHash, false, null);
        return userId;
      });
    },

    /** every user record of a business, creation order */
    listUsersByBusiness: async (businessId: string): Promise<UserRecord[]> =>
      (await db.q.users.byBusiness(businessId)).map((r) => r.record),

    /** /api/users/create: a STAFF user of the business, without a password */
    async createStaffUser(businessId: string | null, name: string, email: string): Promise<UserRecord> {
      const row = await db.q.users.createStaff(newId('u_'), businessId, name, email);
      return row!.record;
    },
  };
}
