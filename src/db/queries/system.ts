import { one } from '../statement';

export const systemQueries = {
  ping: one<[], { ok: number }>('system/ping'),
  seedLock: one<[], { locked: unknown }>('system/seed_lock'),
  migrationLock: one<[], { locked: unknown }>('system/migration_lock'),
};
