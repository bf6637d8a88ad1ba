import { exec, many, one } from '../statement';

/** a clients table row as stored; src/repo/clients.ts turns it into the legacy record */
export interface ClientRow {
  id: string;
  business_id: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  address_line1: string;
  city: string;
  postcode: string;
  lat: number | null;
  lng: number | null;
  notes: string;
  dog_ids: string[];
  profile_complete: boolean;
  onboarding_step: number;
  access_notes: string;
  emergency_name: string;
  emergency_phone: string;
  vet_details: string;
  behaviour_notes: string;
  medical_notes: string;
  created_at: Date;
  updated_at: Date | null;
  extra: Record<string, unknown>;
  omitted_keys: string[];
}

export const clientQueries = {
  insert: one<
    [
      id: string,
      businessId: string,
      name: string,
      email: string,
      phone: string,
      address: string,
      addressLine1: string,
      city: string,
      postcode: string,
      lat: number | null,
      lng: number | null,
      notes: string,
      profileComplete: boolean,
      onboardingStep: number,
      accessNotes: string,
      emergencyName: string,
      emergencyPhone: string,
      vetDetails: string,
      behaviourNotes: string,
      medicalNotes: string,
      now: Date,
    ],
    ClientRow
  >('clients/insert'),
  get: one<[clientId: string], ClientRow>('clients/get'),
  listByBusiness: many<[businessId: string], ClientRow>('clients/list_by_business'),
  update: one<[clientId: string, fields: Record<string, unknown>, extra: Record<string, unknown>, now: Date], ClientRow>(
    'clients/update',
  ),
  findForLogin: one<[userId: string, email: string, businessId: string], { id: string }>('clients/find_for_login'),
  insertLoginShape: exec<
    [id: string, businessId: string, userId: string, firstName: string, lastName: string, email: string, phone: string, now: Date]
  >('clients/insert_login_shape'),
};
