// Clients: the legacy repo functions (createClient, getClient, updateClient, listClientsByBusiness)
// over sql/clients. A record is the standard legacy shape minus the keys its row omits (the
// login-created shape) plus the extra keys screens stored through updates.
import type { Db } from '../db/client';
import type { ClientRow } from '../db/queries/clients';
import { newId } from '../ids';

export type ClientRecord = Record<string, unknown> & { id: string; businessId: string };

/** the standard fields a create copies (legacy createClient, "falsy -> default") */
export interface NewClient {
  name: string;
  email: string;
  phone: string;
  address: string;
  addressLine1: string;
  city: string;
  postcode: string;
  lat: number | null;
  lng: number | null;
  notes: string;
  profileComplete: boolean;
  onboardingStep: number;
  accessNotes: string;
  emergencyName: string;
  emergencyPhone: string;
  vetDetails: string;
  behaviourNotes: string;
  medicalNotes: string;
}

export interface ClientPatch {
  /** standard fields (legacy key -> new value) */
  fields: Partial<NewClient>;
  /** every other key, merged into the record as is */
  extra: Record<string, unknown>;
}

export function toClientRecord(row: ClientRow): ClientRecord {
  const record: Record<string, unknown> = {
    id: row.id,
    businessId: row.business_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    addressLine1: row.address_line1,
    city: row.city,
    postcode: row.postcode,
    lat: row.lat,
    lng: row.lng,
    notes: row.notes,
    dogIds: row.dog_ids,
    profileComplete: row.profile_complete,
    onboardingStep: row.onboarding_step,
    accessNotes: row.access_notes,
    emergencyName: row.emergency_name,
    emergencyPhone: row.emergency_phone,
    vetDetails: row.vet_details,
    behaviourNotes: row.behaviour_notes,
    medicalNotes: row.medical_notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  for (const key of row.omitted_keys) delete record[key];
  return Object.assign(record, row.extra) as ClientRecord;
}

/** /clients/list shows address as the truthy parts of addressLine1, city, postcode (else the stored one) */
export function withDisplayAddress(record: ClientRecord): ClientRecord {
  const parts = [record.addressLine1, record.city, record.postcode].filter(Boolean);
  return { ...record, address: parts.length ? parts.join(', ') : record.address || '' };
}

export function clientsRepo(db: Db) {
  return {
    async getClient(clientId: string): Promise<ClientRecord | null> {
      const row = await db.q.clients.get(clientId);
      return row && toClientRecord(row);
    },

    async listClientsByBusiness(businessId: string | null): Promise<ClientRecord[]> {
      if (!businessId) return [];
      return (await db.q.clients.listByBusiness(businessId)).map(toClientRecord);
    },

    async createClient(businessId: string, c: NewClient): Promise<ClientRecord> {
      const row = await db.q.clients.insert(
        newId('c_'), businessId, c.name, c.email, c.phone, c.address, c.addressLine1, c.city, c.postcode,
        c.lat, c.lng, c.notes, c.profileComplete, c.onboardingStep, c.accessNotes, c.emergencyName,
        c.emergencyPhone, c.vetDetails, c.behaviourNotes, c.medicalNotes, new Date(),
      );
      return toClientRecord(row!);
    },

    async updateClient(clientId: string, patch: ClientPatch): Promise<ClientRecord | null> {
      const row = await db.q.clients.update(clientId, patch.fields, patch.extra, new Date());
      return row && toClientRecord(row);
    },
  };
}
