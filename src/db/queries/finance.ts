import { many, one } from '../statement';

export interface FinanceOverviewRow {
  totalRevenueCents: number;
  avgBookingValueCents: number;
  totalInvoices: number;
  totalBookings: number;
  monthlyGrowthPercent: number;
  thisMonthRevenueCents: number;
  lastMonthRevenueCents: number;
  /** the first instant time alone may change the overview or the monthly trend (list cache expiry) */
  validUntil: Date;
}

export interface MonthlyTrendRow {
  monthKey: string;
  revenueCents: number;
  bookingCount: number;
}

export interface ForecastRow {
  avgDailyRevenueCents: number;
  scheduled30: number;
  projected30: number;
  scheduled60: number;
  projected60: number;
  scheduled90: number;
  projected90: number;
  /** the first instant time alone may change the forecast; null: never (list cache expiry) */
  validUntil: Date | null;
}

export interface StaffRevenueRow {
  staffId: string;
  staffName: string;
  revenueCents: number;
  bookingCount: number;
}

export interface ClientRevenueRow {
  clientId: string;
  clientName: string | null;
  revenueCents: number;
  invoiceCount: number;
}

export const financeQueries = {
  overview: one<[businessId: string, now: Date], FinanceOverviewRow>('finance/overview'),
  monthlyTrend: many<[businessId: string, now: Date], MonthlyTrendRow>('finance/monthly_trend'),
  forecast: one<[businessId: string, now: Date], ForecastRow>('finance/forecast'),
  revenueByStaff: many<[businessId: string], StaffRevenueRow>('finance/revenue_by_staff'),
  revenueByClient: many<[businessId: string], ClientRevenueRow>('finance/revenue_by_client'),
};
