import { exec } from '../statement';


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
};
