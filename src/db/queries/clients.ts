import { exec, one } from '../statement';


export const clientQueries = {
  insert: exec<
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
    ]
  >('clients/insert'),
  findForLogin: one<[userId: string, email: string, businessId: string], { id: string }>('clients/find_for_login'),
  insertLoginShape: exec<
    [id: string, businessId: string, userId: string, firstName: string, lastName: string, email: string, phone: string, now: Date]
  >('clients/insert_login_shape'),
};
