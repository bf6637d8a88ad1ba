// Platform admin (/api/admin/*, auth-accounts-staff-settings.md §6.3): the business picker of
// AdminSettings. Every legacy /api/admin path keeps the platform-admin guard (401 unauthenticated,
// 403 forbidden without the isAdmin claim). The other legacy admin routes (user search,
// support escalations and metrics, masquerade) have no caller (route-inventory: DEAD) and
// masquerade was an unaudited impersonation hole: they answer 404 even to a platform admin.
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { badRequest, notFound } from '../http/errors';
import { businessesRepo } from '../repo/businesses';

const DROPPED = [
  ['GET', '/search-users'],
  ['GET', '/support-escalations'],
  ['GET', '/metrics'],
  ['POST', '/masquerade/start'],
  ['POST', '/masquerade/exit'],
] as const;

export const adminRoutes = (deps: AppDeps) => {
  const businesses = businessesRepo(deps.db);
  const app = new Elysia({ name: 'admin', prefix: '/api/admin' }).get('/businesses', async ({ request, query }) => {
    await deps.guards.requirePlatformAdmin(request.headers);
    const search = query.search ?? '';
    if (typeof search !== 'string') throw badRequest('search must be a string');
    return { businesses: await businesses.listBusinesses(search) };
  });
  for (const [method, path] of DROPPED) {
    app.route(method, path, async ({ request }) => {
      await deps.guards.requirePlatformAdmin(request.headers);
      throw notFound();
    });
  }
  return app;
};
