// The legacy guard helpers (auth-accounts-staff-settings.md §3), one place for all routes.
// Every guard re-reads the user named by the token: role, business and client link are always current.
// Role checks keep legacy casing rules: the shared helpers compare upper-cased, the local
// "not a client" guards compare with lower-case 'client' exactly.
import type { Db } from '../db/client';
import type { AuthUserRow } from '../db/queries/users';
import { forbidden, HttpError, notFound, unauthenticated } from '../http/errors';
import { readToken, type TokenClaims, type TokenService } from './tokens';

export type AuthUser = AuthUserRow;

/** who is calling a route any signed-in user may use (clientRoutes.js getAuthenticatedUser) */
export interface Caller {
  user: AuthUser;
  isClient: boolean;
  crmClientId: string | null;
  businessId: string;
}

const upperRole = (user: AuthUser) => (user.role ?? '').toUpperCase();

/** what lib/authHelpers requireAdminUser lets through: any role but CLIENT and STAFF, any casing */
export const isAdminRole = (u: AuthUser) => upperRole(u) !== 'CLIENT' && upperRole(u) !== 'STAFF';

function adminOnly(u: AuthUser) {
  if (!isAdminRole(u)) throw forbidden('forbidden: admin access required');
  return { user: u, businessId: u.businessId };
}

export function createGuards(tokens: TokenService, db: Db) {
  async function claims(headers: Headers): Promise<TokenClaims> {
    const verified = await tokens.verify(readToken(headers));
    if (!verified) throw unauthenticated();
    return verified;
  }

  async function user(headers: Headers): Promise<AuthUser> {
    const { sub } = await claims(headers);
    const found = await db.q.users.getForAuth(sub);
    if (!found) throw unauthenticated();
    return found;
  }

  return {
    claims,
    /** token verifies and its user exists, else 401 unauthenticated */
    user,

    /** the user, or null when there is no usable token (routes where login is optional) */
    async optionalUser(headers: Headers): Promise<AuthUser | null> {
      try {
        return await user(headers);
      } catch (e) {
        if (e instanceof HttpError && e.status === 401) return null;
        throw e;
      }
    },

    /**
     * clientRoutes.js getAuthenticatedUser (G-ANY): a valid token (401), its user (403), and a
     * business: the user's own, or for a client user the business of their linked client record.
     */
    async requireAnyUser(headers: Headers): Promise<Caller> {
      const { sub } = await claims(headers);
      const u = await db.q.users.getForAuth(sub);
      if (!u) throw forbidden('forbidden: user account not found');
      const isClient = u.role === 'client';
      let businessId = u.businessId;
      if (isClient) {
        if (!u.crmClientId) throw forbidden('forbidden: client record not linked');
        if (!businessId) {
          const record = await db.q.clients.get(u.crmClientId);
          if (!record) throw notFound('client record not found');
          businessId = record.business_id;
        }
      }
      if (!businessId) throw forbidden('forbidden: business context missing');
      return { user: u, isClient, crmClientId: u.crmClientId, businessId };
    },

    /** lib/authHelpers requireAdminUser: any role but CLIENT and STAFF */
    async requireAdminUser(headers: Headers) {
      return adminOnly(await user(headers));
    },

    /**
     * Service editing (POLICY 4: admin-only, legacy let staff in): role exactly 'client' keeps the
     * 401 of businessServicesRoutes' local guard, staff get the requireAdminUser refusal.
     */
    async requireServicesAdmin(headers: Headers) {
      const u = await user(headers);
      if (u.role === 'client') throw unauthenticated();
      return adminOnly(u);
    },

    /** lib/authHelpers requireStaffUser: STAFF only */
    async requireStaffUser(headers: Headers) {
      const u = await user(headers);
      if (upperRole(u) !== 'STAFF') throw forbidden('forbidden: staff access required');
      return { user: u, businessId: u.businessId };
    },

    /** lib/authHelpers requireClientUser: CLIENT with a linked CRM client */
    async requireClientUser(headers: Headers) {
      const u = await user(headers);
      if (upperRole(u) !== 'CLIENT' || !u.crmClientId) throw forbidden('forbidden: client access required');
      return { user: u, clientId: u.crmClientId };
    },

    /** lib/authHelpers requireBusinessUser: any role but CLIENT */
    async requireBusinessUser(headers: Headers) {
      const u = await user(headers);
      if (upperRole(u) === 'CLIENT') throw forbidden('forbidden: business access required');
      const role = upperRole(u);
      return { user: u, businessId: u.businessId, isStaff: role === 'STAFF', isAdmin: role === 'ADMIN' || role === 'BUSINESS' };
    },

    /**
     * The local guards of the staff, stats, client, finance, invoice and settings routes:
     * role exactly 'client' is refused with 403 "forbidden: admin access required" (STAFF passes).
     */
    async requireNotClient(headers: Headers) {
      const u = await user(headers);
      if (u.role === 'client') throw forbidden('forbidden: admin access required');
      return { user: u, businessId: u.businessId };
    },

    /** businessServicesRoutes' guard: role exactly 'client' gets 401 unauthenticated */
    async requireNotClient401(headers: Headers) {
      const u = await user(headers);
      if (u.role === 'client') throw unauthenticated();
      return { user: u, businessId: u.businessId };
    },

    /**
     * adminRoutes requireBusinessAccess (/api/business/:businessId/settings): 401, then 404
     * "business not found" (lower-case b) before the access check, then 403 "forbidden".
     * Access: the owner, a platform admin, or a member of the business. POLICY 4: a platform admin
     * needs the stored flag as well as the claim, client members are refused, and staff members
     * may read but not write.
     */
    async requireBusinessAccess(headers: Headers, businessId: string, mode: 'read' | 'write') {
      const c = await claims(headers);
      const u = await db.q.users.getForAuth(c.sub);
      if (!u) throw unauthenticated();
      const business = await db.q.businesses.access(businessId);
      if (!business) throw notFound('business not found');
      const role = upperRole(u);
      const member = u.businessId === businessId && role !== 'CLIENT' && (mode === 'read' || role !== 'STAFF');
      const platformAdmin = Boolean(c.isAdmin) && u.isAdmin;
      if (!member && !platformAdmin && business.ownerUserId !== u.id) throw forbidden('forbidden');
      return { user: u, businessId };
    },

    /** businessSettingsRoutes' any-user guard (branding): any role, but the user must have a business, else 401 */
    async requireUserWithBusiness(headers: Headers) {
      const u = await user(headers);
      if (!u.businessId) throw unauthenticated();
      return { user: u, businessId: u.businessId };
    },

    /** adminRoutes requireAdmin: the token's isAdmin claim (a platform admin), user not looked up */
    async requirePlatformAdmin(headers: Headers) {
      const c = await claims(headers);
      if (!c.isAdmin) throw forbidden('forbidden');
      return c;
    },
  };
}

export type Guards = ReturnType<typeof createGuards>;
