// /api/business/:businessId/services* (clients-dogs-services.md §4). LEGACY QUIRK kept: GET lists
// the CRM services while POST/PUT/DELETE edit the separate settings.services list, and a PUT that
// matches no entry answers 200 with an empty body.
// SECURITY (POLICY 4): legacy had no auth here. GET needs a user of that business (clients too:
// the booking screen uses it); the writes need an admin of it (this file's legacy guard answers a
// client with 401, staff get 403 "forbidden: admin access required").
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { badRequest } from '../http/errors';
import { nid } from '../ids';
import { servicesRepo } from '../repo/services';
import { businessesRepo } from '../repo/businesses';
import { requireSameBusiness, requireUserOf } from './business-access';
import { objectBody } from '../http/body';

type SettingsService = Record<string, unknown>;

const serviceList = (value: unknown): SettingsService[] => (Array.isArray(value) ? value : []);
const hasId = (entry: unknown, id: string) => typeof entry === 'object' && entry !== null && (entry as SettingsService).id === id;

/** legacy defaults of a settings-level service; other keys are dropped */
function newSettingsService(input: SettingsService): SettingsService {
  return {
    id: `srv_${nid(11)}`,
    name: input.name,
    durationMins: input.durationMins || 30,
    price: input.price || 0,
    visibleToClients: input.visibleToClients ?? true,
    allowExtraDog: input.allowExtraDog ?? false,
    extraDogFee: input.extraDogFee ?? 0,
    weekendFee: input.weekendFee ?? 0,
    staffRule: input.staffRule || 'any',
    assignTo: input.assignTo || null,
  };
}

export const businessServiceRoutes = (deps: AppDeps) => {
  const services = servicesRepo(deps.db);
  const settings = businessesRepo(deps.db);

  const requireAdminOf = (headers: Headers, businessId: string) => requireUserOf(deps.guards.requireServicesAdmin, headers, businessId);

  return new Elysia({ name: 'business-services', prefix: '/api/business/:businessId/services' })
    .get('', async ({ request, params }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      requireSameBusiness(caller.businessId, params.businessId);
      return services.listServicesByBusiness(params.businessId);
    })
    .post('', async ({ request, params, body }) => {
      await requireAdminOf(request.headers, params.businessId);
      const input = objectBody(body).service as SettingsService | undefined;
      if (!input || !input.name) throw badRequest('Service must include a name');
      const created = newSettingsService(input);
      await settings.updateBusinessSettings(params.businessId, (current) => ({
        services: [...serviceList(current.services), created],
      }));
      return created;
    })
    .put('/:serviceId', async ({ request, params, body }) => {
      await requireAdminOf(request.headers, params.businessId);
      const patch = objectBody(body).service as object | undefined;
      let updated: SettingsService[] = [];
      await settings.updateBusinessSettings(params.businessId, (current) => {
        updated = serviceList(current.services).map((s) => (hasId(s, params.serviceId) ? { ...s, ...patch } : s));
        return { services: updated };
      });
      return updated.find((s) => hasId(s, params.serviceId)) ?? new Response(null, { status: 200 });
    })
    .delete('/:serviceId', async ({ request, params }) => {
      await requireAdminOf(request.headers, params.businessId);
      await settings.updateBusinessSettings(params.businessId, (current) => ({
        services: serviceList(current.services).filter((s) => !hasId(s, params.serviceId)),
      }));
      return { ok: true };
    });
};
