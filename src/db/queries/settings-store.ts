import { exec, one } from '../statement';

export const settingsStoreQueries = {
  get: one<[businessId: string], { settings: unknown }>('settings-store/get'),
  lock: one<[businessId: string], { settings: unknown }>('settings-store/lock'),
  save: exec<[businessId: string, settings: Record<string, unknown>]>('settings-store/save'),
};
