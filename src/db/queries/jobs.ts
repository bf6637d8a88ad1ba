import { exec, many, one } from '../statement';
import type { VersionedList } from './business-data';

/** a job as legacy returns it (bookings-jobs.md §2.1), built by the SQL function job_json */
export type RawJob = Record<string, unknown> & { id: string; businessId: string; status: string };

export interface JobRow {
  id: string;
  businessId: string;
  clientId: string;
  staffId: string | null;
  serviceId: string | null;
  status: string;
  /** the client's start string, verbatim */
  start: string | null;
  startAt: Date | null;
  priceCents: number | null;
  route: WalkRouteJson | null;
  job: RawJob;
}

export type WalkRouteJson = { geojson?: { geometry?: { coordinates?: [number, number][] } }; distanceMeters?: number; durationMinutes?: number };

export interface JobPatch {
  start?: string | null;
  startAt?: string | null;
  endAt?: string | null;
  staffId?: string | null;
  serviceId?: string;
  status?: string;
  priceCents?: number | null;
  notes?: string;
  dogIds?: string[];
  route?: unknown;
}

export interface BookingClientRow {
  id: string;
  businessId: string;
  name: string;
  lat: number | null;
  lng: number | null;
}

export interface BookingServiceRow {
  id: string;
  businessId: string;
  name: string;
  durationMinutes: number;
  priceCents: number;
}

export interface StaffCandidateRow {
  id: string;
  services: string[] | null;
  weekly: unknown;
  busy: boolean;
}

type ListText = { list: string };

export const jobQueries = {
  insert: one<
    [
      id: string,
      businessId: string,
      clientId: string,
      dogIds: string[],
      staffId: string | null,
      serviceId: string,
      start: string | null,
      startAt: Date | null,
      endAt: Date | null,
      status: string,
      priceCents: number,
      notes: string,
      now: Date,
    ],
    { job: RawJob }
  >('jobs/insert'),
  get: one<[jobId: string], JobRow>('jobs/get'),
  lock: exec<[jobId: string]>('jobs/lock'),
  lockAssignmentDays: exec<[businessId: string, slotStart: Date, slotEnd: Date]>('jobs/lock_assignment_days'),
  update: one<[jobId: string, patch: JobPatch, now: Date], { job: RawJob }>('jobs/update'),
  insertCompletionInvoiceItem: exec<
    [itemId: string, jobId: string, description: string, priceCents: number, date: string, now: Date]
  >('jobs/insert_completion_invoice_item'),
  staffCandidates: many<[businessId: string, slotStart: Date, slotEnd: Date], StaffCandidateRow>('jobs/staff_candidates'),
  clientForBooking: one<[clientId: string], BookingClientRow>('jobs/client_for_booking'),
  serviceForBooking: one<[serviceId: string], BookingServiceRow>('jobs/service_for_booking'),
  staffForBooking: one<[userId: string], { id: string; businessId: string | null; role: string }>('jobs/staff_for_booking'),
  dogsNotOfClient: many<[clientId: string, dogIds: string[]], { dogId: string }>('jobs/dogs_not_of_client'),
  listCalendar: one<[businessId: string, staffViewerId: string | null, staffIdFilter: string | null], VersionedList>('jobs/list_calendar'),
  getCalendarEntry: one<[jobId: string], { doc: Record<string, unknown> }>('jobs/get_calendar_entry'),
  listByDate: one<[businessId: string, date: string], ListText>('jobs/list_by_date'),
  listPending: one<[businessId: string], ListText>('jobs/list_pending'),
  listForClientPortal: one<[clientId: string], ListText>('jobs/list_for_client_portal'),
  listMine: one<[clientId: string], ListText>('jobs/list_mine'),
  lockClientBookingCreate: exec<[clientId: string]>('jobs/lock_client_booking_create'),
  recentDuplicate: one<
    [
      clientId: string,
      serviceId: string,
      start: string | null,
      dogIds: string[],
      staffId: string | null,
      status: string,
      notes: string,
      since: Date,
    ],
    { job: RawJob }
  >('jobs/recent_duplicate'),
};
