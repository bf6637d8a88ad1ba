// Dashboard stats (legacy countUpcomingBookings, countPendingBookings, countClients,
// getRevenueForCurrentWeek, getUpcomingBookingsPreview): each one SQL query.
import type { Db } from '../db/client';

export interface UpcomingBooking {
  id: string;
  bookingId: string;
  clientName: string;
  serviceName: string;
  startTimeFormatted: string;
  start: string | null;
  status: string;
}

const START_FORMAT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

export function statsRepo(db: Db) {
  return {
    countUpcomingBookings: async (businessId: string | null) => (await db.q.stats.bookedCount(businessId))!.count,
    countPendingBookings: async (businessId: string | null) => (await db.q.stats.pendingCount(businessId))!.count,
    countClients: async (businessId: string | null) => (await db.q.stats.clientCount(businessId))!.count,
    getRevenueForCurrentWeek: async (businessId: string | null, now = new Date()) =>
      (await db.q.stats.revenueWeek(businessId, now))!.amount,

    /** limit > 0: the first n; limit < 0: all but the last -n (legacy slice(0, limit)) */
    async getUpcomingBookingsPreview(businessId: string | null, limit: number, now = new Date()): Promise<UpcomingBooking[]> {
      const rows = await db.q.stats.upcomingBookings(businessId, now, limit);
      return rows.map((r) => ({
        id: r.id,
        bookingId: r.id,
        clientName: r.clientName,
        serviceName: r.serviceName,
        startTimeFormatted: START_FORMAT.format(r.startAt),
        start: r.start,
        status: r.status,
      }));
    },
  };
}
