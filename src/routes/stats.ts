// Dashboard stats (invoices-finance-stats.md §5): /api/stats/*, for the admin dashboards only.
// POLICY 4: admin-only; legacy let staff read revenue (no staff screen calls these).
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { statsRepo } from '../repo/stats';

const LIMIT_BOUND = 2_000_000_000;

/** legacy parseInt(limit) || 5; kept inside the integer range the query takes */
function previewLimit(raw: unknown): number {
  const n = parseInt(String(raw), 10) || 5;
  return Math.max(-LIMIT_BOUND, Math.min(LIMIT_BOUND, n));
}

export const statsRoutes = (deps: AppDeps) => {
  const stats = statsRepo(deps.db);
  const business = async (request: Request) => (await deps.guards.requireAdminUser(request.headers)).businessId;

  return new Elysia({ name: 'stats', prefix: '/api/stats' })
    .get('/bookings/upcoming-count', async ({ request }) => ({ count: await stats.countUpcomingBookings(await business(request)) }))
    .get('/bookings/pending-count', async ({ request }) => ({ count: await stats.countPendingBookings(await business(request)) }))
    .get('/clients/count', async ({ request }) => ({ count: await stats.countClients(await business(request)) }))
    .get('/invoices/revenue-week', async ({ request }) => ({ amount: await stats.getRevenueForCurrentWeek(await business(request)) }))
    .get('/bookings/upcoming', async ({ request, query }) =>
      stats.getUpcomingBookingsPreview(await business(request), previewLimit(query.limit)),
    );
};
