// Request helpers shared by the clients, messages, services, automation and stats routes:
// the legacy "any authenticated user" guard of clientRoutes.js (G-ANY) and the business
// membership check that closes the legacy's unauthenticated business-by-id routes (POLICY 4).
import type { AppDeps } from '../deps';
import { isAdminRole, type AuthUser } from '../auth/guards';
import { forbidden, notFound } from '../http/errors';

export interface Caller {
  user: AuthUser;
  isClient: boolean;
  crmClientId: string | null;
  businessId: string;
}

/** clientRoutes.js getAuthenticatedUser: business users and linked clients, each with a business */
export async function resolveCaller(deps: AppDeps, headers: Headers): Promise<Caller> {
  const { sub } = await deps.guards.claims(headers);
  const user = await deps.db.q.users.getForAuth(sub);
  if (!user) throw forbidden('forbidden: user account not found');
  const isClient = user.role === 'client';
  let businessId = user.businessId;
  if (isClient) {
    if (!user.crmClientId) throw forbidden('forbidden: client record not linked');
    if (!businessId) {
      const record = await deps.db.q.clients.get(user.crmClientId);
      if (!record) throw notFound('client record not found');
      businessId = record.business_id;
    }
  }
  if (!businessId) throw forbidden('forbidden: business context missing');
  return { user, isClient, crmClientId: user.crmClientId, businessId };
}

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
