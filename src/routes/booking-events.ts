// The legacy socket events of a booking change (realtime-events.md §4), sent after the commit.
// Payloads carry ids and the status only: legacy broadcast the whole job (notes, prices, the
// route around the client's home) to every socket, which POLICY 4 closes.
import type { RawJob } from '../db/queries/jobs';
import type { Realtime } from '../services/realtime';

const bookingRef = (job: RawJob) => ({
  booking: { id: job.id, status: job.status, staffId: job.staffId ?? null, businessId: job.businessId },
});

/** booking:created or booking:updated, then stats:changed {bookings}, then {all} when `alsoAll` */
export function emitBookingChange(realtime: Realtime, kind: 'created' | 'updated', job: RawJob, alsoAll = false) {
  realtime.emit(job.businessId, kind === 'created' ? 'booking:created' : 'booking:updated', bookingRef(job));
  realtime.emit(job.businessId, 'stats:changed', { scope: 'bookings' });
  if (alsoAll) realtime.emit(job.businessId, 'stats:changed', { scope: 'all' });
}
