import { one } from '../statement';

/** what a data version counts: 'lists' the bookings, clients, dogs, services, staff and invoice items; 'billing' the invoices */
export type DataDomain = 'lists' | 'billing';

export const businessDataQueries = {
  version: one<[businessId: string, domains: readonly DataDomain[]], { version: string }>('business_data/version'),
};

/** a list built as JSON text, with the data version of the snapshot it was built in */
export type VersionedList = { version: string; list: string };
