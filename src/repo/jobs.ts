// Jobs (bookings): the legacy repo functions over sql/jobs. Every change of an existing job runs in
// one transaction holding the job's row lock (change()), so concurrent requests on one booking
// apply one after the other and checks always see the committed state.
import type { Db } from '../db/client';
import type { Queries } from '../db/queries';
import type { JobPatch, JobRow, RawJob } from '../db/queries/jobs';
import { firstAvailableStaff } from '../domain/assignment';
import { completionItemDescription } from '../domain/job-time';
import { newId } from '../ids';
import type { EmailTriggers } from '../services/email';

/** the booking mails, queued in the transaction of the change that causes them */
export type BookingMail = Pick<EmailTriggers, 'queueBookingRequested' | 'queueBookingApproved' | 'queueBookingCancelled'>;

export interface NewJob {
  businessId: string;
  clientId: string;
  dogIds: string[];
  staffId: string | null;
  serviceId: string;
  start: string | null;
  startAt: Date | null;
  endAt: Date | null;
  status: string;
  priceCents: number;
  notes: string;
}

/** reads and writes usable on the pool or inside a transaction */
function jobOps(q: Queries, mail: BookingMail) {
  const ops = {
    get: (jobId: string): Promise<JobRow | null> => q.jobs.get(jobId),
    client: (clientId: string) => q.jobs.clientForBooking(clientId),
    service: (serviceId: string) => q.jobs.serviceForBooking(serviceId),
    user: (userId: string) => q.jobs.staffForBooking(userId),
    /** the ids in dogIds that are not dogs of the client, in order */
    async dogsNotOfClient(clientId: string, dogIds: string[]): Promise<string[]> {
      if (dogIds.length === 0) return [];
      return (await q.jobs.dogsNotOfClient(clientId, dogIds)).map((r) => r.dogId);
    },

    async create(input: NewJob, now = new Date()): Promise<RawJob> {
      const row = await q.jobs.insert(
        newId('job_'), input.businessId, input.clientId, input.dogIds, input.staffId, input.serviceId,
        input.start, input.startAt, input.endAt, input.status, input.priceCents, input.notes, now,
      );
      return row!.job;
    },

    /** writes the patch; a move into BOOKED or CANCELLED queues the client's mail (once per outcome) */
    async update(jobId: string, patch: JobPatch, now = new Date()): Promise<RawJob> {
      const job = (await q.jobs.update(jobId, patch, now))!.job;
      const target = { businessId: job.businessId, jobId };
      if (patch.status === 'BOOKED') await mail.queueBookingApproved(q, target);
      if (patch.status === 'CANCELLED') await mail.queueBookingCancelled(q, target);
      return job;
    },

    /**
     * legacy setJobStatus: writes the status and, when the job enters COMPLETED, adds a PENDING
     * invoice item priced and described from the job as it was before this request's other changes.
     */
    async setJobStatus(job: JobRow, status: string, now = new Date()): Promise<RawJob> {
      const updated = await ops.update(job.id, { status }, now);
      if (status === 'COMPLETED' && job.status !== 'COMPLETED') {
        const service = job.serviceId ? await q.jobs.serviceForBooking(job.serviceId) : null;
        await q.jobs.insertCompletionInvoiceItem(
          newId('item_'),
          job.id,
          completionItemDescription(service?.name, job.start),
          job.priceCents || service?.priceCents || 0,
          job.start ?? now.toISOString(),
          now,
        );
      }
      return updated;
    },

    /** the first available qualified STAFF member for [start, end), or null; serialised per business and day */
    async firstAvailableStaff(businessId: string, serviceId: string | null, start: Date, end: Date): Promise<string | null> {
      await q.jobs.lockAssignmentDays(businessId, start, end);
      const candidates = await q.jobs.staffCandidates(businessId, start, end);
      return firstAvailableStaff(candidates, serviceId, start, end);
    },
  };
  return ops;
}

export type JobOps = ReturnType<typeof jobOps>;

/** how long a repeated create request returns the booking the first one created */
export const DOUBLE_SUBMIT_WINDOW_MS = 60_000;

export interface Submitted {
  job: RawJob;
  /** false when the request repeated an earlier one and job is that earlier booking */
  created: boolean;
}

export function jobsRepo(db: Db, mail: BookingMail) {
  const listJson = async (row: Promise<{ list: string } | null>) => (await row)?.list ?? '[]';
  return {
    ...jobOps(db.q, mail),

    /**
     * a single booking from a create route, unless it repeats a submission: a booking of the
     * client created within DOUBLE_SUBMIT_WINDOW_MS exactly as this one would be (service, start,
     * dogs, walker, status, notes) comes back instead, with created: false. Serialised per client,
     * so a double click sent twice at once creates one booking. notifyBusiness queues the
     * business's booking-requested mail with a new booking (a client's request).
     */
    createOnce: (input: NewJob, { notifyBusiness = false } = {}, now = new Date()): Promise<Submitted> =>
      db.tx(async (q) => {
        await q.jobs.lockClientBookingCreate(input.clientId);
        const since = new Date(now.getTime() - DOUBLE_SUBMIT_WINDOW_MS);
        const { clientId, serviceId, start, dogIds, staffId, status, notes } = input;
        const earlier = await q.jobs.recentDuplicate(clientId, serviceId, start, dogIds, staffId, status, notes, since);
        if (earlier) return { job: earlier.job, created: false };
        const job = await jobOps(q, mail).create(input, now);
        if (notifyBusiness) await mail.queueBookingRequested(q, { businessId: job.businessId, jobId: job.id });
        return { job, created: true };
      }),

    /** runs fn in one transaction with the job's row locked (job is null when it does not exist) */
    change<T>(jobId: string, fn: (job: JobRow | null, tx: JobOps) => Promise<T>): Promise<T> {
      return db.tx(async (q) => {
        await q.jobs.lock(jobId);
        const tx = jobOps(q, mail);
        return fn(await tx.get(jobId), tx);
      });
    },

    /** runs fn in one transaction (several creations that must all happen or none) */
    inTransaction: <T>(fn: (tx: JobOps) => Promise<T>): Promise<T> => db.tx((q) => fn(jobOps(q, mail))),

    /** the job with the full calendar enrichment, plus what access checks need */
    calendarEntry: (jobId: string) => db.q.jobs.getCalendarEntry(jobId).then((r) => r?.doc ?? null),

    // lists come back as JSON text built by SQL: 20,000 jobs never pass through JS objects
    listByDate: (businessId: string, date: string) => listJson(db.q.jobs.listByDate(businessId, date)),
    listPending: (businessId: string) => listJson(db.q.jobs.listPending(businessId)),
    listForClientPortal: (clientId: string) => listJson(db.q.jobs.listForClientPortal(clientId)),
    listMine: (clientId: string) => listJson(db.q.jobs.listMine(clientId)),
  };
}

export type JobsRepo = ReturnType<typeof jobsRepo>;
