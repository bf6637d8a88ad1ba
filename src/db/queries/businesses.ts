import { exec, one } from '../statement';

export const businessQueries = {
  count: one<[], { count: number }>('businesses/count'),
  insert: exec<[id: string, name: string, ownerUserId: string | null, settings: object]>('businesses/insert'),
};
