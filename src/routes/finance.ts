// /api/finance (invoices-finance-stats.md §4): figures of the caller's own business at the request
// time. POLICY 4: admin-only; legacy let staff read them (a client gets the legacy 403 as before).
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { financeRepo } from '../repo/finance';

export const financeRoutes = (deps: AppDeps) => {
  const finance = financeRepo(deps.db);
  const businessOf = async (headers: Headers) => (await deps.guards.requireAdminUser(headers)).businessId ?? '';

  return new Elysia({ name: 'finance', prefix: '/api/finance' })
    .get('/overview', async ({ request }) => {
      const businessId = await businessOf(request.headers);
      const now = new Date();
      const [overview, monthlyTrend] = await Promise.all([
        finance.getFinancialOverview(businessId, now),
        finance.getMonthlyRevenueTrend(businessId, now),
      ]);
      return { overview, monthlyTrend };
    })
    .get('/forecasts', async ({ request }) => {
      const businessId = await businessOf(request.headers);
      return { forecast: await finance.getRevenueForecast(businessId, new Date()) };
    })
    .get('/breakdowns', async ({ request }) => {
      const businessId = await businessOf(request.headers);
      const [byStaff, byClient] = await Promise.all([finance.getRevenueByStaff(businessId), finance.getRevenueByClient(businessId)]);
      return { byService: finance.getRevenueByService(), byStaff, byClient };
    });
};
