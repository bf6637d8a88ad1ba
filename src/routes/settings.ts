// Business settings and branding (auth-accounts-staff-settings.md §6.4, §8).
// Two families: /api/business/settings* work on the caller's own business; /api/business/:businessId/settings
// names the business and uses the business-access guard. The parameter is :businessId because the
// services and automation routes use that name at the same position (Elysia allows only one).
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { brandingView, type Settings } from '../domain/settings';
import { notFound } from '../http/errors';
import { businessesRepo } from '../repo/businesses';
import { requireObject } from '../http/body';

const PATCH = 'Settings';

export const settingsRoutes = (deps: AppDeps) => {
  const businesses = businessesRepo(deps.db);
  const businessNotFound = () => notFound('Business not found');

  async function settingsOf(businessId: string | null): Promise<Settings> {
    const settings = businessId ? await businesses.getBusinessSettings(businessId) : null;
    if (!settings) throw businessNotFound();
    return settings;
  }

  async function update(businessId: string | null, patch: Settings): Promise<Settings> {
    const merged = businessId ? await businesses.updateBusinessSettings(businessId, patch) : null;
    if (!merged) throw businessNotFound();
    return merged;
  }

  return new Elysia({ name: 'settings', prefix: '/api/business' })
    .get('/branding', async ({ request }) => {
      const { businessId } = await deps.guards.requireUserWithBusiness(request.headers);
      return { branding: brandingView(await businesses.getBusinessSettings(businessId)) };
    })
    .get('/settings', async ({ request }) => {
      const { businessId } = await deps.guards.requireNotClient(request.headers);
      return settingsOf(businessId);
    })
    // LEGACY QUIRK kept: the whole body is the patch ({"settings": …} is stored as a key "settings").
    // POLICY 4: staff may no longer change settings (only the admin screens call this).
    .post('/settings/update', async ({ request, body }) => {
      const { businessId } = await deps.guards.requireAdminUser(request.headers);
      return update(businessId, requireObject(body, PATCH));
    })
    .get('/:businessId/settings', async ({ request, params }) => {
      await deps.guards.requireBusinessAccess(request.headers, params.businessId, 'read');
      return settingsOf(params.businessId);
    })
    .put('/:businessId/settings', async ({ request, params, body }) => {
      await deps.guards.requireBusinessAccess(request.headers, params.businessId, 'write');
      const input = requireObject(body, PATCH);
      return update(params.businessId, requireObject(input.settings || input, PATCH));
    });
};
