import { many, one } from '../statement';

export interface UpcomingBookingRow {
  id: string;
  clientName: string;
  serviceName: string;
  start: string | null;
  startAt: Date;
  status: string;
}

export const statsQueries = {
  bookedCount: one<[businessId: string | null], { count: number }>('stats/booked_count'),
  pendingCount: one<[businessId: string | null], { count: number }>('stats/pending_count'),
  clientCount: one<[businessId: string | null], { count: number }>('stats/client_count'),
  revenueWeek: one<[businessId: string | null, now: Date], { amount: number }>('stats/revenue_week'),
  upcomingBookings: many<[businessId: string | null, now: Date, limit: number], UpcomingBookingRow>('stats/upcoming_bookings'),
};
