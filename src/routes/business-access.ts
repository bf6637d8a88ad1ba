// The business membership checks that close the legacy's unauthenticated business-by-id routes
// (POLICY 4), shared by the messages, services and automation routes.
import { isAdminRole, type Caller } from '../auth/guards';
import { forbidden } from '../http/errors';

/** SECURITY (POLICY 4): business-by-id routes answer only users of that business */
export function requireSameBusiness(callerBusinessId: string | null, businessId: string): void {
  if (!callerBusinessId || callerBusinessId !== businessId) throw forbidden('forbidden');
}

/** POLICY 4: client records change only by an admin or the client itself; staff read them */
export function requireAdminOrClient(caller: Pick<Caller, 'user' | 'isClient'>): void {
  if (!caller.isClient && !isAdminRole(caller.user)) throw forbidden('forbidden: admin access required');
}

/** a role guard from src/auth/guards.ts, then membership of the business in the path */
export async function requireUserOf(
  guard: (headers: Headers) => Promise<{ businessId: string | null }>,
  headers: Headers,
  businessId: string,
): Promise<void> {
  requireSameBusiness((await guard(headers)).businessId, businessId);
}

/** a user without a business gets 403 when it would create something (legacy stored businessId null) */
export function requireBusinessContext(businessId: string | null): string {
  if (!businessId) throw forbidden('forbidden: business context missing');
  return businessId;
}
