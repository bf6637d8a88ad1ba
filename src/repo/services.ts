// CRM services (the svc_ family used by bookings and invoices): the legacy repo functions
// createService, getService, updateService and listServicesByBusiness over sql/services.
import type { Db } from '../db/client';
import type { ServiceRow } from '../db/queries/services';
import { newId } from '../ids';

export interface Service {
  id: string;
  businessId: string;
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  group: boolean;
  maxDogs: number;
  allowClientBooking: boolean;
  approvalRequired: boolean;
  active: boolean;
}

export type ServiceFields = Omit<Service, 'id' | 'businessId'>;

export const toService = (row: ServiceRow): Service => ({
  id: row.id,
  businessId: row.business_id,
  name: row.name,
  description: row.description,
  durationMinutes: row.duration_minutes,
  priceCents: row.price_cents,
  group: row.is_group,
  maxDogs: row.max_dogs,
  allowClientBooking: row.allow_client_booking,
  approvalRequired: row.approval_required,
  active: row.active,
});

export function servicesRepo(db: Db) {
  return {
    async listServicesByBusiness(businessId: string | null): Promise<Service[]> {
      if (!businessId) return [];
      return (await db.q.services.listByBusiness(businessId)).map(toService);
    },

    async getService(serviceId: string): Promise<Service | null> {
      const row = await db.q.services.get(serviceId);
      return row && toService(row);
    },

    async createService(businessId: string, s: ServiceFields): Promise<Service> {
      const row = await db.q.services.insert(
        newId('svc_'), businessId, s.name, s.description, s.durationMinutes, s.priceCents, s.group, s.maxDogs,
        s.allowClientBooking, s.approvalRequired, s.active,
      );
      return toService(row!);
    },

    /** changes the given fields of a service of that business; null when it is not one */
    async updateService(serviceId: string, businessId: string, p: Partial<ServiceFields>): Promise<Service | null> {
      const row = await db.q.services.update(
        serviceId, businessId, p.name ?? null, p.description ?? null, p.durationMinutes ?? null, p.priceCents ?? null,
        p.group ?? null, p.maxDogs ?? null, p.allowClientBooking ?? null, p.approvalRequired ?? null, p.active ?? null,
      );
      return row && toService(row);
    },
  };
}
