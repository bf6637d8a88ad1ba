// /api/jobs/*: the client portal's own jobs (bookings-jobs.md §9.2–9.5, 9.7) and the admin approval
// queue (§9.10, 9.12, 9.13).
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import type { JobPatch, JobRow } from '../db/queries/jobs';
import { endFor, parseInstant } from '../domain/job-time';
import { badRequest, forbidden, notFound } from '../http/errors';
import { jobsRepo, type JobOps } from '../repo/jobs';
import { optionalDogIds, requiredInstant } from './booking-input';
import { emitBookingChange } from './booking-events';
import { jsonText } from './json-text';
import { objectBody, optionalString } from '../http/body';

export const jobRoutes = (deps: AppDeps) => {
  const jobs = jobsRepo(deps.db, deps.email);
  const { guards, realtime } = deps;

  const requireJobId = (body: unknown) => {
    const id = optionalString(objectBody(body), 'id');
    if (!id) throw badRequest('Job ID required');
    return id;
  };

  /** a job of the caller's own client record */
  function ownJob(row: JobRow | null, clientId: string, refusal: string): JobRow {
    if (!row) throw notFound('Job not found');
    if (row.clientId !== clientId) throw forbidden(`forbidden: ${refusal}`);
    return row;
  }

  /** a job of the admin's business */
  function businessJob(row: JobRow | null, businessId: string | null, verb: string): JobRow {
    if (!row) throw notFound('Job not found');
    if (row.businessId !== businessId) throw forbidden(`forbidden: cannot ${verb} jobs from other businesses`);
    return row;
  }

  return new Elysia({ name: 'jobs', prefix: '/api/jobs' })
    .get('/pending', async ({ request }) => {
      const { businessId } = await guards.requireAdminUser(request.headers);
      const business = businessId ?? '';
      return jsonText(await deps.lists.get(business, 'pending jobs', async () => ({ list: await jobs.listPending(business) })));
    })

    .get('/client/:clientId', async ({ request, params }) => {
      const { clientId } = await guards.requireClientUser(request.headers);
      if (params.clientId !== clientId) throw forbidden("forbidden: cannot access other clients' jobs");
      return jsonText(`{"jobs":${await jobs.listForClientPortal(clientId)}}`);
    })

    .get('/:id', async ({ request, params }) => {
      const { clientId } = await guards.requireClientUser(request.headers);
      return { job: ownJob(await jobs.get(params.id), clientId, "cannot access other clients' jobs").job };
    })

    .post('/create', async ({ request, body: raw }) => {
      const { clientId: ownClientId } = await guards.requireClientUser(request.headers);
      const body = objectBody(raw);
      if (body.clientId !== ownClientId) throw forbidden('forbidden: cannot create jobs for other clients');
      const businessId = optionalString(body, 'businessId');
      if (!businessId) throw badRequest('Business ID required');
      const serviceId = optionalString(body, 'serviceId');
      if (!serviceId) throw badRequest('Service ID required');
      const dogIds = optionalDogIds(body);
      if (!dogIds || dogIds.length === 0) throw badRequest('At least one dog must be selected');
      const start = optionalString(body, 'start');
      if (!start) throw badRequest('Start time required');
      if ((await jobs.dogsNotOfClient(ownClientId, dogIds)).length > 0) {
        throw forbidden('forbidden: cannot create bookings with dogs you do not own');
      }
      // SECURITY: legacy trusted businessId from the body; the job belongs to the client's business
      const client = await jobs.client(ownClientId);
      const service = await jobs.service(serviceId);
      if (!client || !service || service.businessId !== businessId || service.businessId !== client.businessId) {
        throw badRequest('Invalid service');
      }
      const startAt = service.durationMinutes ? requiredInstant(start) : parseInstant(start);
      const { job, created } = await jobs.createOnce({
        businessId: client.businessId, clientId: ownClientId, serviceId, dogIds, start, startAt,
        endAt: startAt && endFor(startAt, service.durationMinutes),
        staffId: null, status: 'PENDING', priceCents: service.priceCents,
        notes: optionalString(body, 'notes') || '',
      });
      if (created) emitBookingChange(realtime, 'created', job);
      return { job };
    })

    .post('/update', async ({ request, body: raw }) => {
      const { clientId } = await guards.requireClientUser(request.headers);
      const body = objectBody(raw);
      const id = requireJobId(body);
      const start = optionalString(body, 'start');
      const dogIds = optionalDogIds(body);
      const notes = optionalString(body, 'notes');
      const job = await jobs.change(id, async (row, tx) => {
        const current = ownJob(row, clientId, "cannot update other clients' jobs");
        if (current.status !== 'PENDING') throw badRequest('Only pending jobs can be edited');
        if (dogIds && (await tx.dogsNotOfClient(clientId, dogIds)).length > 0) {
          throw forbidden('forbidden: cannot create bookings with dogs you do not own');
        }
        // LEGACY QUIRK: end is not recomputed from the new start
        const patch: JobPatch = { dogIds, notes };
        if (start !== undefined) Object.assign(patch, { start, startAt: parseInstant(start)?.toISOString() ?? null });
        return tx.update(current.id, patch);
      });
      emitBookingChange(realtime, 'updated', job);
      return { job };
    })

    .post('/cancel', async ({ request, body }) => {
      const { clientId } = await guards.requireClientUser(request.headers);
      const id = requireJobId(body);
      await jobs.change(id, async (row, tx) => {
        const current = ownJob(row, clientId, "cannot cancel other clients' jobs");
        if (current.status !== 'PENDING') throw badRequest('Only pending jobs can be cancelled');
        return tx.setJobStatus(current, 'CANCELLED');
      });
      // LEGACY QUIRK: this cancellation sends no socket event
      return { success: true };
    })

    .post('/approve', async ({ request, body }) => {
      const { businessId } = await guards.requireAdminUser(request.headers);
      const id = requireJobId(body);
      const job = await jobs.change(id, async (row, tx) => {
        const current = businessJob(row, businessId, 'approve');
        // no status precondition in legacy: any job can be approved (again)
        return tx.update(current.id, { status: 'BOOKED', staffId: current.staffId ?? (await autoAssign(current, tx)) });
      });
      emitBookingChange(realtime, 'updated', job);
      return { job };
    })

    .post('/decline', async ({ request, body }) => {
      const { businessId } = await guards.requireAdminUser(request.headers);
      const id = requireJobId(body);
      const job = await jobs.change(id, async (row, tx) => {
        const current = businessJob(row, businessId, 'decline');
        // no status precondition; the assigned walker is kept
        return tx.update(current.id, { status: 'CANCELLED' });
      });
      emitBookingChange(realtime, 'updated', job);
      return { job };
    });

  /** approval picks the first available walker for the job's own slot, when it has one */
  async function autoAssign(job: JobRow, tx: JobOps): Promise<string | null> {
    if (!job.serviceId || !job.startAt) return null;
    const service = await tx.service(job.serviceId);
    if (!service?.durationMinutes) return null;
    return tx.firstAvailableStaff(job.businessId, job.serviceId, job.startAt, endFor(job.startAt, service.durationMinutes)!);
  }
};
