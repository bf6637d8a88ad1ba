// CRM services (clients-dogs-services.md §3): /api/services/list|create|:serviceId/update|:serviceId/delete.
// Legacy quirks kept: a client user gets 401, maxDogs 0 becomes 1 on create but not on update,
// string numbers and "true" are coerced. POLICY 4: only admins edit services (legacy let staff);
// staff still list them.
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { badRequest, forbidden, notFound } from '../http/errors';
import { servicesRepo, type Service, type ServiceFields } from '../repo/services';
import { requireBusinessContext } from './business-access';
import { objectBody } from '../http/body';

const MAX_INT = 2_147_483_647;

/** legacy num(): numbers and numeric strings >= 0; columns are integers, so whole and in range too */
function serviceNumber(value: unknown, label: string): number {
  if (value === null || typeof value === 'boolean' || typeof value === 'object') throw badRequest(`${label} must be a number`);
  if (typeof value === 'string' && value.trim() === '') throw badRequest(`${label} cannot be empty`);
  const n = Number(value);
  if (Number.isNaN(n)) throw badRequest(`${label} must be a valid number`);
  if (n < 0) throw badRequest(`${label} must be a positive number`);
  if (n > MAX_INT) throw badRequest(`${label} is too large`);
  if (!Number.isInteger(n)) throw badRequest(`${label} must be a whole number`);
  return n;
}

/** legacy bool(): only true and "true" are true */
const serviceFlag = (value: unknown) => value === true || value === 'true';

function description(value: unknown): string {
  if (!value) return '';
  if (typeof value !== 'string') throw badRequest('description must be a string');
  return value;
}

function serviceName(value: unknown, emptyMessage: string): string {
  if (value === undefined || value === null || value === '') throw badRequest(emptyMessage);
  if (typeof value !== 'string') throw badRequest('Service name must be a string');
  if (!value.trim()) throw badRequest(emptyMessage);
  return value.trim();
}

function newServiceFrom(body: Record<string, unknown>): ServiceFields {
  const name = serviceName(body.name, 'Service name is required');
  const given = (key: string) => body[key] !== undefined;
  return {
    name,
    description: description(body.description),
    durationMinutes: given('durationMinutes') ? serviceNumber(body.durationMinutes, 'Duration') : 30,
    priceCents: given('priceCents') ? serviceNumber(body.priceCents, 'Price') : 0,
    group: serviceFlag(body.group),
    maxDogs: (given('maxDogs') && serviceNumber(body.maxDogs, 'Maximum dogs')) || 1,
    allowClientBooking: given('allowClientBooking') ? serviceFlag(body.allowClientBooking) : true,
    approvalRequired: serviceFlag(body.approvalRequired),
    active: given('active') ? serviceFlag(body.active) : true,
  };
}

function servicePatchFrom(body: Record<string, unknown>): Partial<ServiceFields> {
  const patch: Partial<ServiceFields> = {};
  const given = (key: string) => body[key] !== undefined;
  if (given('name')) patch.name = serviceName(body.name, 'Service name cannot be empty');
  if (given('description')) patch.description = description(body.description);
  if (given('durationMinutes')) patch.durationMinutes = serviceNumber(body.durationMinutes, 'Duration');
  if (given('priceCents')) patch.priceCents = serviceNumber(body.priceCents, 'Price');
  if (given('maxDogs')) patch.maxDogs = serviceNumber(body.maxDogs, 'Maximum dogs');
  for (const flag of ['group', 'allowClientBooking', 'approvalRequired', 'active'] as const) {
    if (given(flag)) patch[flag] = serviceFlag(body[flag]);
  }
  return patch;
}

export const serviceRoutes = (deps: AppDeps) => {
  const services = servicesRepo(deps.db);

  async function ownService(serviceId: string, businessId: string | null, refusal: string): Promise<Service> {
    const service = await services.getService(serviceId);
    if (!service) throw notFound('Service not found');
    if (!businessId || service.businessId !== businessId) throw forbidden(refusal);
    return service;
  }

  async function update(service: Service, patch: Partial<ServiceFields>): Promise<Service> {
    const updated = await services.updateService(service.id, service.businessId, patch);
    if (!updated) throw notFound('Service not found');
    return updated;
  }

  return new Elysia({ name: 'services', prefix: '/api/services' })
    .get('/list', async ({ request }) => {
      const { businessId } = await deps.guards.requireNotClient401(request.headers);
      return services.listServicesByBusiness(businessId);
    })
    .post('/create', async ({ request, body }) => {
      const { businessId } = await deps.guards.requireServicesAdmin(request.headers);
      const input = newServiceFrom(objectBody(body));
      return { service: await services.createService(requireBusinessContext(businessId), input) };
    })
    .post('/:serviceId/update', async ({ request, params, body }) => {
      const { businessId } = await deps.guards.requireServicesAdmin(request.headers);
      const service = await ownService(params.serviceId, businessId, "forbidden: cannot update other businesses' services");
      return { service: await update(service, servicePatchFrom(objectBody(body))) };
    })
    .post('/:serviceId/delete', async ({ request, params }) => {
      const { businessId } = await deps.guards.requireServicesAdmin(request.headers);
      const service = await ownService(params.serviceId, businessId, "forbidden: cannot delete other businesses' services");
      return { success: true, service: await update(service, { active: false }) };
    });
};
