import { exec, one } from '../statement';

export interface AuthUserRow {
  id: string;
  businessId: string | null;
  role: string;
  name: string | null;
  email: string;
  isAdmin: boolean;
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
};
