// Guards specific to bookings: the assigned-staff checks of lib/authHelpers requireStaffJobOwnership.
import type { JobRow } from '../db/queries/jobs';
import { forbidden, notFound } from '../http/errors';
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
