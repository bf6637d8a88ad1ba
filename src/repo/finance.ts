// Finance analytics: the legacy repo functions behind /api/finance, each one SQL statement in
// sql/finance (formulas, UTC boundaries and JS rounding live there). The overview and the forecast
// also return validUntil, the first instant at which time alone may change them (for the list cache).
import type { Db } from '../db/client';
import { monthLabel } from '../domain/finance';

export function financeRepo(db: Db) {
  return {
    /** the KPIs, and the first instant time alone may change them or the monthly trend */
    async getFinancialOverview(businessId: string, now: Date) {
      const { validUntil, ...overview } = (await db.q.finance.overview(businessId, now))!;
      return { overview, validUntil };
    },

    async getMonthlyRevenueTrend(businessId: string, now: Date) {
      const months = await db.q.finance.monthlyTrend(businessId, now);
      return months.map(({ monthKey, revenueCents, bookingCount }) => ({ month: monthLabel(monthKey), monthKey, revenueCents, bookingCount }));
    },

    /** the forecast, and the first instant time alone may change it (null: never) */
    async getRevenueForecast(businessId: string, now: Date) {
      const f = (await db.q.finance.forecast(businessId, now))!;
      const period = (scheduled: number, projected: number) => ({
        scheduledRevenueCents: scheduled,
        projectedRevenueCents: projected,
        totalForecastCents: scheduled + projected,
      });
      const forecast = {
        avgDailyRevenueCents: f.avgDailyRevenueCents,
        forecast30Days: period(f.scheduled30, f.projected30),
        forecast60Days: period(f.scheduled60, f.projected60),
        forecast90Days: period(f.scheduled90, f.projected90),
      };
      return { forecast, validUntil: f.validUntil };
    },

    /** LEGACY QUIRK: always empty; legacy looked for service ids that generated invoices never carry */
    getRevenueByService: (): never[] => [],

    getRevenueByStaff: (businessId: string) => db.q.finance.revenueByStaff(businessId),

    /** top 10; a client record without a name key has no clientName key, as in legacy */
    async getRevenueByClient(businessId: string) {
      const rows = await db.q.finance.revenueByClient(businessId);
      return rows.map((row) => {
        if (row.clientName !== null) return row;
        const { clientName: _absent, ...withoutName } = row;
        return withoutName;
      });
    },
  };
}
