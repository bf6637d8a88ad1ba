import { exec } from '../statement';

export const serviceQueries = {
  insert: exec<
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
    ]
  >('services/insert'),
};
