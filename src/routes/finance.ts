// /api/finance (invoices-finance-stats.md §4): figures of the caller's own business at the request
// time. POLICY 4: admin-only; legacy let staff read them (a client gets the legacy 403 as before).
// Each response is kept by the list cache per business until the business's data changes or, for
// the overview and the forecast, until the instant time alone may change it (computed in sql/finance).
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { LISTS_AND_BILLING } from '../cache/list-cache';
import { financeRepo } from '../repo/finance';
import { jsonText } from './json-text';

export const financeRoutes = (deps: AppDeps) => {
  const finance = financeRepo(deps.db);
  const businessOf = async (headers: Headers) => (await deps.guards.requireAdminUser(headers)).businessId ?? '';

  return new Elysia({ name: 'finance', prefix: '/api/finance' })
    .get('/overview', async ({ request }) => {
      const businessId = await businessOf(request.headers);
      return jsonText(await deps.lists.get(businessId, 'finance overview', async (now) => {
        const [{ overview, validUntil }, monthlyTrend] = await Promise.all([
          finance.getFinancialOverview(businessId, now),
          finance.getMonthlyRevenueTrend(businessId, now),
        ]);
        // validUntil is never after the next month start, where the trend's months move
        return { list: JSON.stringify({ overview, monthlyTrend }), validUntil };
      }, LISTS_AND_BILLING));
    })
    .get('/forecasts', async ({ request }) => {
      const businessId = await businessOf(request.headers);
      return jsonText(await deps.lists.get(businessId, 'finance forecasts', async (now) => {
        const { forecast, validUntil } = await finance.getRevenueForecast(businessId, now);
        return { list: JSON.stringify({ forecast }), validUntil };
      }, LISTS_AND_BILLING));
    })
    .get('/breakdowns', async ({ request }) => {
      const businessId = await businessOf(request.headers);
      return jsonText(await deps.lists.get(businessId, 'finance breakdowns', async () => {
        const [byStaff, byClient] = await Promise.all([finance.getRevenueByStaff(businessId), finance.getRevenueByClient(businessId)]);
        return { list: JSON.stringify({ byService: finance.getRevenueByService(), byStaff, byClient }) };
      }, LISTS_AND_BILLING));
    });
};
