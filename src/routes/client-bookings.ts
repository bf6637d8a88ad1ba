// The client app's booking routes (clients-dogs-services.md §2.9, 2.10): a client (or a business
// user on their behalf) requests a booking; a client lists their own bookings.
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { endFor, parseInstant } from '../domain/job-time';
import { forbidden, HttpError } from '../http/errors';
import { jobsRepo } from '../repo/jobs';
import { optionalDogIds, requiredInstant } from './booking-input';
import { emitBookingChange } from './booking-events';
import { jsonText } from './json-text';
import { requireAdminOrClient } from './business-access';
import { objectBody, optionalString } from '../http/body';

export const clientBookingRoutes = (deps: AppDeps) => {
  const jobs = jobsRepo(deps.db, deps.email);

  return new Elysia({ name: 'client-bookings', prefix: '/api' })
    .post('/client/bookings/request', async ({ request, body: raw }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      // POLICY 4: a client for itself or an admin on its behalf; staff do not create bookings
      requireAdminOrClient(caller);
      const body = objectBody(raw);
      const clientId = optionalString(body, 'clientId') ?? '';
      if (caller.user.role === 'client' && clientId !== caller.crmClientId) {
        throw forbidden('forbidden: can only request bookings for yourself');
      }
      const client = clientId ? await jobs.client(clientId) : null;
      if (!client) throw new HttpError(404, 'Client not found');
      if (client.businessId !== caller.businessId) throw forbidden('forbidden: client does not belong to this business');
      const serviceId = optionalString(body, 'serviceId');
      const service = serviceId ? await jobs.service(serviceId) : null;
      if (!service || service.businessId !== caller.businessId) throw new HttpError(404, 'Service not found');
      const dogIds = optionalDogIds(body) ?? [];
      const [foreignDog] = await jobs.dogsNotOfClient(clientId, dogIds);
      if (foreignDog !== undefined) throw forbidden(`Dog ${foreignDog} not found or does not belong to client`);
      const start = optionalString(body, 'dateTime') ?? null;
      const startAt = service.durationMinutes ? requiredInstant(start) : parseInstant(start);

      const { job, created } = await jobs.createOnce(
        {
          businessId: caller.businessId, clientId, serviceId: service.id, dogIds, start, startAt,
          endAt: startAt && endFor(startAt, service.durationMinutes),
          staffId: null, status: 'PENDING', priceCents: service.priceCents,
          notes: optionalString(body, 'notes') || '',
        },
        { notifyBusiness: true },
      );
      if (created) emitBookingChange(deps.realtime, 'created', job, true);
      return { success: true, booking: job };
    })

    .get('/bookings/mine', async ({ request }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      if ((caller.user.role ?? '').toUpperCase() !== 'CLIENT') throw forbidden('forbidden: this endpoint is for clients only');
      if (!caller.crmClientId) throw forbidden('forbidden: client record not linked');
      const clientId = caller.crmClientId;
      // kept per client under the data version of the caller's business (a client's jobs, and the
      // services, staff and dogs they show, are of that business), read before the list is built
      return jsonText(await deps.lists.get(caller.businessId, `bookings mine client=${clientId}`, async () => ({ list: await jobs.listMine(clientId) })));
    });
};
