// Guards specific to bookings: the assigned-staff checks of lib/authHelpers requireStaffJobOwnership
// and the "any signed-in user" guard of the client booking routes (clients-dogs-services.md §0.4 G-ANY).
import type { AppDeps } from '../deps';
import type { JobRow } from '../db/queries/jobs';
import { forbidden, HttpError, notFound, unauthenticated } from '../http/errors';
import type { AuthUser } from './guards';

type StaffAction = 'access' | 'view' | 'move' | 'generate routes for' | 'download route for';

/** a booking of the caller's business; STAFF only when it is assigned to them */
export function checkBookingAccess(user: AuthUser, isStaff: boolean, job: JobRow | null, action: StaffAction, verb = 'access'): JobRow {
  if (!job) throw notFound('Booking not found');
  if (job.businessId !== user.businessId) throw forbidden(`forbidden: cannot ${verb} bookings from other businesses`);
  if (isStaff && job.staffId !== user.id) throw forbidden(`forbidden: can only ${action} bookings assigned to you`);
  return job;
}

/** requireStaffJobOwnership after requireStaffUser: the job exists, is in the business and is theirs */
export const checkStaffJobOwnership = (user: AuthUser, job: JobRow | null) => checkBookingAccess(user, true, job, 'access');

export interface AnyUserContext {
  user: AuthUser;
  crmClientId: string | null;
  businessId: string;
}

/** G-ANY: any signed-in user with a business context; clients also need their linked client record */
export async function requireAnyUser(deps: AppDeps, headers: Headers): Promise<AnyUserContext> {
  const claims = await deps.guards.claims(headers).catch(() => {
    throw unauthenticated();
  });
  const user = await deps.db.q.users.getForAuth(claims.sub);
  if (!user) throw forbidden('forbidden: user account not found');
  if (user.role !== 'client') {
    if (!user.businessId) throw forbidden('forbidden: business context missing');
    return { user, crmClientId: user.crmClientId, businessId: user.businessId };
  }
  if (!user.crmClientId) throw forbidden('forbidden: client record not linked');
  const client = user.businessId ? null : await deps.db.q.jobs.clientForBooking(user.crmClientId);
  if (!user.businessId && !client) throw new HttpError(404, 'client record not found');
  const businessId = user.businessId || client?.businessId;
  if (!businessId) throw forbidden('forbidden: business context missing');
  return { user, crmClientId: user.crmClientId, businessId };
}
