import { one } from '../statement';

export const businessDataQueries = {
  version: one<[businessId: string], { version: string }>('business_data/version'),
};

/** a list built as JSON text, with the data version of the snapshot it was built in */
export type VersionedList = { version: string; list: string };
