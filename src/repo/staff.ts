// Staff profiles and weekly availability (auth-accounts-staff-settings.md §6.5, §7).
import type { Db } from '../db/client';
import type { UserRecord } from '../db/queries/users';

export interface ProfileChanges {
  name?: string | null;
  phone?: string | null;
  /** replaced wholesale; any JSON value */
  notificationPreferences?: unknown;
}

export function staffRepo(db: Db) {
  return {
    /** user records with role exactly STAFF, creation order */
    listStaffByBusiness: async (businessId: string): Promise<UserRecord[]> =>
      (await db.q.staff.list(businessId)).map((r) => r.record),

    /** any user's record and business, or null */
    getUser: (userId: string) => db.q.staff.get(userId),

    /** applies the present fields to a user of the business; null when no such user there */
    async updateProfile(userId: string, businessId: string, changes: ProfileChanges): Promise<UserRecord | null> {
      const row = await db.q.staff.updateProfile(
        userId,
        businessId,
        'name' in changes,
        changes.name ?? null,
        'phone' in changes,
        changes.phone ?? null,
        'notificationPreferences' in changes ? JSON.stringify(changes.notificationPreferences ?? null) : null,
      );
      return row?.record ?? null;
    },

    /** the stored weekly availability (any JSON), or undefined when none is stored for a user of the business */
    async getWeeklyAvailability(userId: string, businessId: string): Promise<unknown> {
      const row = await db.q.staff.availability(userId, businessId);
      return row ? row.weekly : undefined;
    },

    /** replaces the weekly availability verbatim; undefined removes it */
    async saveWeeklyAvailability(userId: string, weekly: unknown): Promise<void> {
      if (weekly === undefined) await db.q.staff.clearAvailability(userId);
      else await db.q.staff.setAvailability(userId, JSON.stringify(weekly));
    },
  };
}
