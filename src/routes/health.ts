import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';

/**
 * GET /health: legacy {ok, ts} while the database answers; 503 {ok:false, ts, database:"down"}
 * when it does not, so a load balancer takes the instance out until it recovers.
 */
export const healthRoutes = ({ db }: AppDeps) =>
  new Elysia({ name: 'health' }).get('/health', async ({ set }) => {
    const ts = new Date().toISOString();
    const up = await db.q.system.ping().then(
      () => true,
      () => false,
    );
    if (up) return { ok: true, ts };
    set.status = 503;
    return { ok: false, ts, database: 'down' };
  });
