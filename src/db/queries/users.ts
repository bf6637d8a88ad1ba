import { exec, many, one } from '../statement';

/** the legacy user record (§4.1) as SQL builds it: user_record() in the schema; never has passHash */
export type UserRecord = Record<string, unknown> & { id: string; businessId: string | null; role: string };

export interface AuthUserRow {
  id: string;
  businessId: string | null;
  role: string;
  name: string | null;
  email: string;
  isAdmin: boolean;
  crmClientId: string | null;
}

export interface LoginUserRow extends AuthUserRow {
  phone: string | null;
  passHash: string | null;
}

/** the legacy "public user" (auth-accounts-staff-settings.md §2.7) */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  businessId: string | null;
  businessName: string | null;
  isAdmin: boolean;
  role: string;
  crmClientId: string | null;
}

export const userQueries = {
  insert: exec<
    [
      id: string,
      businessId: string | null,
      role: string,
      name: string,
      email: string,
      phone: string,
      passHash: string | null,
      isAdmin: boolean,
      crmClientId: string | null,
    ]
  >('users/insert'),
  getForAuth: one<[userId: string], AuthUserRow>('users/get_for_auth'),
  getByEmail: one<[email: string], LoginUserRow>('users/get_by_email'),
  session: one<[userId: string], SessionUser>('users/session'),
  linkCrmClient: exec<[userId: string, clientId: string]>('users/link_crm_client'),
  byBusiness: many<[businessId: string], { record: UserRecord }>('users/by_business'),
  createStaff: one<[id: string, businessId: string | null, name: string, email: string], { record: UserRecord }>('users/create_staff'),
  lockEmail: exec<[email: string]>('users/lock_email'),
};
