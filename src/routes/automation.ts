// /api/business/:businessId/automation (messages-automation.md §2): the automation section of the
// business settings. No validation or coercion (legacy); a patch is spread over the current values.
// SECURITY (POLICY 4): legacy had no auth; now a business user (not a client) of that business reads
// it and an admin of it changes it.
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { businessesRepo } from '../repo/businesses';
import { requireUserOf } from './business-access';
import { objectBody } from '../http/body';

export const automationRoutes = (deps: AppDeps) => {
  const settings = businessesRepo(deps.db);

  const requireBusinessUserOf = (headers: Headers, businessId: string) => requireUserOf(deps.guards.requireNotClient, headers, businessId);
  const requireAdminOf = (headers: Headers, businessId: string) => requireUserOf(deps.guards.requireAdminUser, headers, businessId);

  return new Elysia({ name: 'automation', prefix: '/api/business/:businessId/automation' })
    .get('', async ({ request, params }) => {
      await requireBusinessUserOf(request.headers, params.businessId);
      const current = await settings.getBusinessSettings(params.businessId);
      return current?.automation || {};
    })
    .put('', async ({ request, params, body }) => {
      await requireAdminOf(request.headers, params.businessId);
      // LEGACY QUIRK kept: object spread, so a string patch adds its characters as "0", "1", ... keys
      const patch = objectBody(body).automation as Record<string, unknown> | null | undefined;
      const saved = await settings.updateBusinessSettings(params.businessId, (current) => ({
        automation: { ...(current.automation as object | null), ...patch },
      }));
      return saved?.automation || {};
    });
};
