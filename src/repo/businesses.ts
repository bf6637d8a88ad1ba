// Businesses and their settings (auth-accounts-staff-settings.md §4.2, §7, §8).
// Settings are stored as one jsonb object; every read is normalised over the defaults (§8.3), which
// is idempotent, so reads never write. Updates merge under a row lock so concurrent saves both apply.
import type { Db } from '../db/client';
import type { AdminBusinessRow, BusinessAccessRow } from '../db/queries/businesses';
import { mergeSettings, normaliseSettings, renameFromPatch, type Settings } from '../domain/settings';

/** a patch, or a function computing the patch from the current (normalised) settings under the lock */
export type SettingsPatch = Settings | ((current: Settings) => Settings);

export function businessesRepo(db: Db) {
  return {
    /** the normalised settings, or null when the business does not exist */
    async getBusinessSettings(businessId: string): Promise<Settings | null> {
      const row = await db.q.businesses.settings(businessId);
      return row ? normaliseSettings(row.settings) : null;
    },

    /**
     * Legacy updateBusinessSettings: merges the patch (§8.2) into the normalised settings and renames
     * the business when the patch carries a non-empty profile.businessName. Returns the merged
     * settings, or null when the business does not exist (nothing written).
     */
    updateBusinessSettings(businessId: string, patch: SettingsPatch): Promise<Settings | null> {
      return db.tx(async (q) => {
        const row = await q.businesses.settingsForUpdate(businessId);
        if (!row) return null;
        const current = normaliseSettings(row.settings);
        const changes = typeof patch === 'function' ? patch(current) : patch;
        const merged = mergeSettings(current, changes);
        await q.businesses.saveSettings(businessId, merged, renameFromPatch(changes));
        return merged;
      });
    },

    getBusinessAccess: (businessId: string): Promise<BusinessAccessRow | null> => db.q.businesses.access(businessId),

    /** GET /api/admin/businesses: creation order, optional case-insensitive name/id filter */
    listBusinesses: (search: string): Promise<AdminBusinessRow[]> => db.q.businesses.listForAdmin(search.toLowerCase()),
  };
}
