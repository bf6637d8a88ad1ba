import { exec } from '../statement';

export const dogQueries = {
  insert: exec<
    [id: string, clientId: string, name: string, breed: string, age: unknown, behaviour: unknown, notes: string]
  >('dogs/insert'),
};
