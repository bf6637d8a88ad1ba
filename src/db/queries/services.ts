import { many, one } from '../statement';

/** a services table row (the CRM svc_ family); src/repo/services.ts gives the legacy shape */
export interface ServiceRow {
  id: string;
  business_id: string;
  name: string;
  description: string;
  duration_minutes: number;
  price_cents: number;
  is_group: boolean;
  max_dogs: number;
  allow_client_booking: boolean;
  approval_required: boolean;
  active: boolean;
}

export const serviceQueries = {
  insert: one<
    [
      id: string,
      businessId: string,
      name: string,
      description: string,
      durationMinutes: number,
      priceCents: number,
      group: boolean,
      maxDogs: number,
      allowClientBooking: boolean,
      approvalRequired: boolean,
      active: boolean,
    ],
    ServiceRow
  >('services/insert'),
  get: one<[serviceId: string], ServiceRow>('services/get'),
  listByBusiness: many<[businessId: string], ServiceRow>('services/list_by_business'),
  update: one<
    [
      serviceId: string,
      businessId: string,
      name: string | null,
      description: string | null,
      durationMinutes: number | null,
      priceCents: number | null,
      group: boolean | null,
      maxDogs: number | null,
      allowClientBooking: boolean | null,
      approvalRequired: boolean | null,
      active: boolean | null,
    ],
    ServiceRow
  >('services/update'),
};
