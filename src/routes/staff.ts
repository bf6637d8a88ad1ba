// Staff and users of a business (auth-accounts-staff-settings.md §6.5). Every route uses the
// staff-file guard: 401, then role exactly 'client' -> 403 "forbidden: admin access required".
// POLICY 4: creating staff and listing every user (clients' logins included) are admin-only.
// User records come from SQL (user_record()) and never carry passHash (POLICY 4).
import { Elysia } from 'elysia';
import type { AuthUser } from '../auth/guards';
import type { AppDeps } from '../deps';
import { badRequest, forbidden, notFound } from '../http/errors';
import { staffRepo, type ProfileChanges } from '../repo/staff';
import { usersRepo } from '../repo/users';
import { requireObject } from '../http/body';

/** who may edit another user's availability or profile: role ADMIN/admin or the stored isAdmin flag */
const isAdminish = (u: AuthUser) => u.role === 'ADMIN' || u.role === 'admin' || u.isAdmin;

/** same business; a caller without a business shares it with nobody (POLICY 4) */
const sameBusiness = (a: string | null, b: string | null) => a !== null && a === b;

function profileChanges(body: Record<string, unknown>): ProfileChanges {
  const changes: ProfileChanges = {};
  for (const field of ['name', 'phone'] as const) {
    if (!(field in body)) continue;
    const value = body[field];
    if (value !== null && typeof value !== 'string') throw badRequest(`${field} must be a string`);
    changes[field] = value;
  }
  if ('notificationPreferences' in body) changes.notificationPreferences = body.notificationPreferences;
  return changes;
}

function newStaffFields(body: Record<string, unknown>) {
  if (body.role !== 'STAFF') throw badRequest('Invalid role: only STAFF role is supported');
  if (typeof body.name !== 'string' || !body.name.trim()) throw badRequest('Name is required');
  const email = body.email || '';
  if (typeof email !== 'string') throw badRequest('email must be a string');
  return { name: body.name.trim(), email: email.trim() };
}

/** legacy returned the stored value as is: falsy -> {}, a string as text/plain, anything else as JSON */
function availabilityResponse(weekly: unknown): unknown {
  if (!weekly) return {};
  if (typeof weekly === 'string') return new Response(weekly, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(JSON.stringify(weekly), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}

export const staffRoutes = (deps: AppDeps) => {
  const staff = staffRepo(deps.db);
  const users = usersRepo(deps.db);
  const staffNotFound = () => notFound('Staff member not found');
  const otherBusiness = () => forbidden('forbidden: cannot update staff from other businesses');

  /** the target of an edit: self or admin-ish caller, target exists, same business (in that order) */
  async function editableTarget(caller: AuthUser, staffId: string, selfOnlyMessage: string) {
    if (caller.id !== staffId && !isAdminish(caller)) throw forbidden(selfOnlyMessage);
    const target = await staff.getUser(staffId);
    if (!target) throw staffNotFound();
    if (!sameBusiness(caller.businessId, target.businessId)) throw otherBusiness();
    return target;
  }

  return new Elysia({ name: 'staff', prefix: '/api' })
    .get('/users/by-business/:businessId', async ({ request, params }) => {
      const { businessId } = await deps.guards.requireAdminUser(request.headers);
      if (params.businessId !== businessId) throw forbidden('forbidden: cannot access other businesses');
      return users.listUsersByBusiness(businessId);
    })
    // LEGACY QUIRK kept: the new staff member's passHash stays null, so they cannot log in.
    .post('/users/create', async ({ request, body, set }) => {
      const { businessId } = await deps.guards.requireAdminUser(request.headers);
      const { name, email } = newStaffFields(requireObject(body));
      set.status = 201;
      return users.createStaffUser(businessId, name, email);
    })
    .get('/staff/list', async ({ request }) => {
      const { businessId } = await deps.guards.requireNotClient(request.headers);
      return businessId ? staff.listStaffByBusiness(businessId) : [];
    })
    .get('/staff/:staffId', async ({ request, params }) => {
      const { businessId } = await deps.guards.requireNotClient(request.headers);
      const target = await staff.getUser(params.staffId);
      if (!target) throw staffNotFound();
      if (!sameBusiness(businessId, target.businessId)) throw forbidden("forbidden: cannot access other businesses' staff");
      return target.record;
    })
    // POLICY 4: legacy read any user's availability; another business's user now reads like an unknown one ({}).
    .get('/staff/:staffId/availability', async ({ request, params }) => {
      const { businessId } = await deps.guards.requireNotClient(request.headers);
      return availabilityResponse(businessId ? await staff.getWeeklyAvailability(params.staffId, businessId) : undefined);
    })
    .post('/staff/:staffId/availability', async ({ request, params, body }) => {
      const { user } = await deps.guards.requireNotClient(request.headers);
      await editableTarget(user, params.staffId, 'forbidden: can only update own availability');
      await staff.saveWeeklyAvailability(params.staffId, body);
      return body === undefined ? { ok: true } : { ok: true, availability: body };
    })
    .post('/staff/:staffId/update', async ({ request, params, body }) => {
      const { user } = await deps.guards.requireNotClient(request.headers);
      const target = await editableTarget(user, params.staffId, 'forbidden: can only update own profile');
      const record = await staff.updateProfile(params.staffId, target.businessId!, profileChanges(requireObject(body)));
      if (!record) throw staffNotFound();
      return { ok: true, user: record };
    });
};
