// The small read / merge-write of business settings that the automation and settings-level
// services routes need (legacy getBusinessSettings / updateBusinessSettings). The accounts area
// owns business settings in general; the lead folds this into businessesRepo at merge.
import type { Db } from '../db/client';
import { mergeSettings, normaliseSettings, type Settings } from '../domain/settings';

export function settingsStore(db: Db) {
  return {
    /** the stored settings merged over the defaults; null for an unknown business */
    async getBusinessSettings(businessId: string): Promise<Settings | null> {
      const row = await db.q.settingsStore.get(businessId);
      return row && normaliseSettings(row.settings);
    },

    /**
     * Under a row lock: reads the settings, builds a patch from them, merges it the legacy way and
     * saves. Resolves to the saved settings, or null for an unknown business.
     */
    async updateBusinessSettings(businessId: string, makePatch: (current: Settings) => Settings): Promise<Settings | null> {
      return db.tx(async (q) => {
        const row = await q.settingsStore.lock(businessId);
        if (!row) return null;
        const current = normaliseSettings(row.settings);
        const next = mergeSettings(current, makePatch(current));
        await q.settingsStore.save(businessId, next);
        return next;
      });
    },
  };
}
