// /api/bookings/*: the admin and staff side of bookings (bookings-jobs.md §9.1, 9.8, 9.9, 9.11,
// 9.14–9.22): creation, recurring series, calendars, edits, drag and drop, staff actions, walking routes.
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import type { JobPatch, JobRow, RawJob } from '../db/queries/jobs';
import { checkBookingAccess, checkStaffJobOwnership } from '../auth/job-guards';
import { endFor, parseInstant } from '../domain/job-time';
import { intervalDays, occurrenceStarts } from '../domain/recurrence';
import { badRequest, forbidden, notFound } from '../http/errors';
import { jobsRepo, type JobOps } from '../repo/jobs';
import { circularWalkRoute } from '../services/routing/walk-route';
import { gpxDocument, gpxSafeName } from '../services/routing/gpx';
import { bookingStatus, optionalDogIds, priceCentsOf, requiredInstant } from './booking-input';
import { emitBookingChange } from './booking-events';
import { jsonText } from './json-text';
import { objectBody, optionalString, type Body } from '../http/body';

export const bookingRoutes = (deps: AppDeps) => {
  const jobs = jobsRepo(deps.db, deps.email);
  const { guards, realtime } = deps;

  /** a staffId from a body: empty means none; otherwise a STAFF user of the business */
  async function staffOfBusiness(ops: JobOps, businessId: string, value: unknown): Promise<string | null> {
    if (value === undefined || value === null || value === '') return null;
    const user = typeof value === 'string' ? await ops.user(value) : null;
    if (!user || user.businessId !== businessId || user.role !== 'STAFF') throw badRequest('Invalid staff member');
    return user.id;
  }

  async function serviceOfBusiness(ops: JobOps, businessId: string, serviceId: string) {
    const service = await ops.service(serviceId);
    if (!service || service.businessId !== businessId) throw badRequest('Invalid service');
    return service;
  }

  async function clientOfBusiness(ops: JobOps, businessId: string, clientId: string) {
    const client = await ops.client(clientId);
    if (!client || client.businessId !== businessId) throw forbidden('forbidden: client not found in your business');
    return client;
  }

  async function requireOwnDogs(ops: JobOps, clientId: string, dogIds: string[]) {
    if ((await ops.dogsNotOfClient(clientId, dogIds)).length > 0) throw badRequest('One or more dogs do not belong to this client');
  }

  const enriched = async (jobId: string) => (await jobs.calendarEntry(jobId))!;

  /** the three staff buttons on a PENDING booking assigned to the caller */
  async function staffAction(
    headers: Headers,
    jobId: string,
    body: unknown,
    refusal: string,
    act: (job: JobRow, tx: JobOps) => Promise<RawJob>,
  ) {
    objectBody(body);
    const { user } = await guards.requireStaffUser(headers);
    return jobs.change(jobId, async (row, tx) => {
      const job = checkStaffJobOwnership(user, row);
      if (job.status !== 'PENDING') throw badRequest(refusal);
      return act(job, tx);
    });
  }

  return new Elysia({ name: 'bookings', prefix: '/api/bookings' })
    .get('/list', async ({ request, query }) => {
      const { user, businessId, isStaff } = await guards.requireBusinessUser(request.headers);
      const staffId = typeof query.staffId === 'string' && query.staffId ? query.staffId : null;
      const business = businessId ?? '';
      const viewer = isStaff ? user.id : null;
      const filter = isStaff ? null : staffId;
      const view = `calendar viewer=${viewer ?? ''} staff=${filter ?? ''}`;
      return jsonText(await deps.lists.get(business, view, () => deps.calendar.view(business, viewer, filter)));
    })

    .get('/by-date', async ({ request, query }) => {
      const { businessId, isStaff } = await guards.requireBusinessUser(request.headers);
      const date = typeof query.date === 'string' ? query.date : '';
      if (!date) throw badRequest('Missing date');
      // LEGACY QUIRK: the staff filter looked for a staffId the rows do not have, so staff get []
      if (isStaff) return [];
      return jsonText(await jobs.listByDate(businessId ?? '', date));
    })

    .post('/create', async ({ request, body: raw }) => {
      const { businessId: callerBusiness } = await guards.requireAdminUser(request.headers);
      const businessId = callerBusiness ?? '';
      const body = objectBody(raw);
      const clientId = optionalString(body, 'clientId');
      const serviceId = optionalString(body, 'serviceId');
      if (!clientId) throw badRequest('Client ID required');
      if (!serviceId) throw badRequest('Service ID required');
      await clientOfBusiness(jobs, businessId, clientId);
      const service = await serviceOfBusiness(jobs, businessId, serviceId);
      const start = optionalString(body, 'start');
      if (!start) throw badRequest('Start time required');
      const dogIds = optionalDogIds(body) ?? [];
      await requireOwnDogs(jobs, clientId, dogIds);
      const staffId = await staffOfBusiness(jobs, businessId, body.staffId);
      const status = bookingStatus(optionalString(body, 'status') || 'BOOKED');
      const notes = optionalString(body, 'notes') || '';
      const startAt = service.durationMinutes ? requiredInstant(start) : parseInstant(start);

      const { job, created } = await jobs.createOnce({
        businessId, clientId, serviceId, dogIds, staffId, status, notes, start, startAt,
        endAt: startAt && endFor(startAt, service.durationMinutes),
        priceCents: service.priceCents,
      });
      if (created) emitBookingChange(realtime, 'created', job);
      return { job };
    })

    .post('/create-recurring', async ({ request, body: raw }) => {
      const { businessId: callerBusiness } = await guards.requireAdminUser(request.headers);
      const businessId = callerBusiness ?? '';
      const body = objectBody(raw);
      const clientId = optionalString(body, 'clientId');
      const serviceId = optionalString(body, 'serviceId');
      const start = optionalString(body, 'start');
      const recurrence = optionalString(body, 'recurrence');
      if (!clientId || !serviceId || !start || !recurrence || recurrence === 'none') {
        throw badRequest('Missing required fields for recurring booking');
      }
      const endDate = optionalString(body, 'recurrenceEndDate');
      if (!endDate) throw badRequest('End date required for recurring bookings');
      const customInterval = body.recurrenceInterval;
      if (customInterval !== undefined && customInterval !== null && typeof customInterval !== 'number') {
        throw badRequest('recurrenceInterval must be a number');
      }
      await clientOfBusiness(jobs, businessId, clientId);
      const service = await serviceOfBusiness(jobs, businessId, serviceId);
      const dogIds = optionalDogIds(body) ?? [];
      await requireOwnDogs(jobs, clientId, dogIds);
      const chosenStaff = await staffOfBusiness(jobs, businessId, body.staffId);
      const notes = optionalString(body, 'notes') || '';

      const starts = occurrenceStarts(start, endDate, intervalDays(recurrence, customInterval));
      if (starts.length === 0 || starts.some((s) => !parseInstant(s.toISOString()))) throw badRequest('No valid dates generated');

      const created = await jobs.inTransaction(async (tx) => {
        const out: RawJob[] = [];
        for (const at of starts) {
          const end = endFor(at, service.durationMinutes);
          // each new occurrence is BOOKED, so it blocks its staff member for the ones after it
          const staffId = chosenStaff ?? (await tx.firstAvailableStaff(businessId, serviceId, at, end ?? at));
          out.push(
            await tx.create({
              businessId, clientId, serviceId, dogIds, staffId, notes, status: 'BOOKED',
              start: at.toISOString(), startAt: at, endAt: end, priceCents: service.priceCents,
            }),
          );
        }
        return out;
      });
      for (const job of created) emitBookingChange(realtime, 'created', job);
      return { success: true, created: created.length, total: starts.length, jobs: created };
    })

    .get('/:bookingId', async ({ request, params }) => {
      const { user, isStaff } = await guards.requireBusinessUser(request.headers);
      checkBookingAccess(user, isStaff, await jobs.get(params.bookingId), 'view');
      return enriched(params.bookingId);
    })

    .post('/:bookingId/move', async ({ request, params, body: raw }) => {
      // legacy checked the new start before authenticating
      const start = optionalString(objectBody(raw), 'start');
      if (!start) throw badRequest('Start time required');
      const { user, isStaff } = await guards.requireBusinessUser(request.headers);
      const job = await jobs.change(params.bookingId, async (row, tx) => {
        const current = checkBookingAccess(user, isStaff, row, 'move', 'update');
        const service = current.serviceId ? await tx.service(current.serviceId) : null;
        const patch: JobPatch = { start };
        if (service?.durationMinutes) {
          const startAt = requiredInstant(start);
          patch.startAt = startAt.toISOString();
          patch.endAt = endFor(startAt, service.durationMinutes)!.toISOString();
        } else {
          patch.startAt = parseInstant(start)?.toISOString() ?? null;
        }
        return tx.update(current.id, patch);
      });
      emitBookingChange(realtime, 'updated', job, true);
      return { success: true, booking: await enriched(job.id) };
    })

    .post('/:bookingId/update', async ({ request, params, body: raw }) => {
      const { businessId: callerBusiness } = await guards.requireAdminUser(request.headers);
      const businessId = callerBusiness ?? '';
      const body = objectBody(raw);
      const job = await jobs.change(params.bookingId, async (row, tx) => {
        if (!row) throw notFound('Job not found');
        if (row.businessId !== businessId) throw forbidden('forbidden: cannot update jobs from other businesses');
        return applyAdminUpdate(tx, row, body, businessId);
      });
      emitBookingChange(realtime, 'updated', job, true);
      return { success: true, booking: job };
    })

    .post('/:bookingId/admin-update', async ({ request, params, body: raw }) => {
      const { businessId: callerBusiness } = await guards.requireAdminUser(request.headers);
      const businessId = callerBusiness ?? '';
      const body = objectBody(raw);
      const job = await jobs.change(params.bookingId, async (row, tx) => {
        if (!row) throw notFound('Booking not found');
        if (row.businessId !== businessId) throw forbidden('forbidden: cannot update bookings from other businesses');
        const patch: JobPatch = {};
        if (body.staffId !== undefined) patch.staffId = await staffOfBusiness(tx, businessId, body.staffId);
        const status = optionalString(body, 'status');
        // LEGACY QUIRK: written directly, so COMPLETED here creates no invoice item
        if (status !== undefined) patch.status = bookingStatus(status);
        const start = optionalString(body, 'start');
        // LEGACY QUIRK: end is not recomputed
        if (start !== undefined) Object.assign(patch, { start, startAt: parseInstant(start)?.toISOString() ?? null });
        const notes = optionalString(body, 'notes');
        if (notes !== undefined) patch.notes = notes;
        const dogIds = optionalDogIds(body);
        if (dogIds !== undefined) {
          await requireOwnDogs(tx, row.clientId, dogIds);
          patch.dogIds = dogIds;
        }
        return tx.update(row.id, patch);
      });
      emitBookingChange(realtime, 'updated', job);
      return { success: true, booking: job };
    })

    .post('/:bookingId/staff-confirm', async ({ request, params, body }) => {
      const job = await staffAction(request.headers, params.bookingId, body, 'Only PENDING bookings can be confirmed', (row, tx) =>
        tx.setJobStatus(row, 'BOOKED'),
      );
      emitBookingChange(realtime, 'updated', job, true);
      return { success: true, booking: await enriched(job.id) };
    })

    .post('/:bookingId/staff-decline', async ({ request, params, body }) => {
      const job = await staffAction(request.headers, params.bookingId, body, 'Only PENDING bookings can be declined', (row, tx) =>
        tx.update(row.id, { staffId: null }),
      );
      emitBookingChange(realtime, 'updated', job);
      return { success: true, booking: await enriched(job.id) };
    })

    .post('/:bookingId/staff-cancel', async ({ request, params, body }) => {
      const job = await staffAction(request.headers, params.bookingId, body, 'Only PENDING bookings can be cancelled', (row, tx) =>
        tx.setJobStatus(row, 'CANCELLED'),
      );
      emitBookingChange(realtime, 'updated', job);
      return { success: true, booking: await enriched(job.id) };
    })

    .post('/:bookingId/generate-route', async ({ request, params }) => {
      const { user, isStaff } = await guards.requireBusinessUser(request.headers);
      const job = await jobs.change(params.bookingId, async (row, tx) => {
        const current = checkBookingAccess(user, isStaff, row, 'generate routes for');
        const client = await tx.client(current.clientId);
        if (!client) throw notFound('Client not found');
        if (!client.lat || !client.lng) {
          throw badRequest('Client address coordinates not available. Please add a valid address to the client profile.');
        }
        const service = current.serviceId ? await tx.service(current.serviceId) : null;
        if (!service?.durationMinutes) throw badRequest('Service duration not available');
        return tx.update(current.id, { route: circularWalkRoute(client.lat, client.lng, service.durationMinutes, new Date()) });
      });
      emitBookingChange(realtime, 'updated', job);
      return { success: true, route: job.route, booking: job };
    })

    .get('/:bookingId/download-gpx', async ({ request, params }) => {
      const { user, isStaff } = await guards.requireBusinessUser(request.headers);
      const job = checkBookingAccess(user, isStaff, await jobs.get(params.bookingId), 'download route for');
      const route = job.route;
      const coordinates = route?.geojson?.geometry?.coordinates;
      if (!route?.geojson || !Array.isArray(coordinates)) throw notFound('No route found for this booking. Generate a route first.');
      const day = requiredInstant(job.start).toISOString().slice(0, 10);
      const client = await jobs.client(job.clientId);
      const name = gpxSafeName(client?.name);
      const gpx = gpxDocument(
        { coordinates, distanceMeters: Number(route.distanceMeters), durationMinutes: Number(route.durationMinutes) },
        name,
        new Date(),
      );
      return new Response(gpx, {
        headers: {
          'content-type': 'application/gpx+xml',
          'content-disposition': `attachment; filename="route_${name}_${day}.gpx"`,
        },
      });
    });

  /**
   * POST /api/bookings/:bookingId/update, in legacy order: the status change first (through
   * setJobStatus, so COMPLETED bills the job as it stood), then the other fields, the end time and
   * the route. All input is checked before anything is written.
   */
  async function applyAdminUpdate(tx: JobOps, row: JobRow, body: Body, businessId: string): Promise<RawJob> {
    const rawStatus = optionalString(body, 'status');
    const status = rawStatus ? bookingStatus(rawStatus) : undefined;
    const start = optionalString(body, 'start');
    const serviceId = optionalString(body, 'serviceId');
    const newService = serviceId ? await serviceOfBusiness(tx, businessId, serviceId) : null;

    const patch: JobPatch = {};
    if (start) Object.assign(patch, { start, startAt: parseInstant(start)?.toISOString() ?? null });
    if (newService) patch.serviceId = newService.id;
    if (body.staffId !== undefined) patch.staffId = await staffOfBusiness(tx, businessId, body.staffId);
    if (body.priceCents !== undefined) patch.priceCents = priceCentsOf(body.priceCents);
    if (start || newService) {
      const service = newService ?? (row.serviceId ? await tx.service(row.serviceId) : null);
      if (service?.durationMinutes) patch.endAt = endFor(requiredInstant(start || row.start), service.durationMinutes)!.toISOString();
    }
    if (newService?.durationMinutes && row.route) {
      const client = await tx.client(row.clientId);
      if (client?.lat && client.lng) patch.route = circularWalkRoute(client.lat, client.lng, newService.durationMinutes, new Date());
    }

    let job = row.job;
    if (rawStatus && rawStatus !== row.status) job = await tx.setJobStatus(row, status!);
    if (Object.keys(patch).length > 0) job = await tx.update(row.id, patch);
    return job;
  }
};
