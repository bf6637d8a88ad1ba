// Dashboard stats (invoices-finance-stats.md §5): /api/stats/*, for the admin dashboards only.
// POLICY 4: admin-only; legacy let staff read revenue (no staff screen calls these).
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { statsRepo } from '../repo/stats';
import { jsonText } from './json-text';

const LIMIT_BOUND = 2_000_000_000;

/** legacy parseInt(limit) || 5; kept inside the integer range the query takes */
function previewLimit(raw: unknown): number {
  const n = parseInt(String(raw), 10) || 5;
  return Math.max(-LIMIT_BOUND, Math.min(LIMIT_BOUND, n));
}

export const statsRoutes = (deps: AppDeps) => {
  const stats = statsRepo(deps.db);
  const business = async (request: Request) => (await deps.guards.requireAdminUser(request.headers)).businessId;

  /** a booking count, kept by the list cache until the business's bookings change (it counts thousands of rows) */
  async function bookingCount(request: Request, key: string, count: (businessId: string | null) => Promise<number>) {
    const businessId = await business(request);
    if (!businessId) return { count: await count(businessId) };
    return jsonText(await deps.lists.get(businessId, key, async () => ({ list: JSON.stringify({ count: await count(businessId) }) })));
  }

  return new Elysia({ name: 'stats', prefix: '/api/stats' })
    .get('/bookings/upcoming-count', ({ request }) => bookingCount(request, 'stats booked count', stats.countUpcomingBookings))
    .get('/bookings/pending-count', ({ request }) => bookingCount(request, 'stats pending count', stats.countPendingBookings))
    .get('/clients/count', async ({ request }) => ({ count: await stats.countClients(await business(request)) }))
    .get('/invoices/revenue-week', async ({ request }) => ({ amount: await stats.getRevenueForCurrentWeek(await business(request)) }))
    .get('/bookings/upcoming', async ({ request, query }) =>
      stats.getUpcomingBookingsPreview(await business(request), previewLimit(query.limit)),
    );
};
