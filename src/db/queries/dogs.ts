import { many, one } from '../statement';

export interface DogRow {
  id: string;
  client_id: string;
  name: string;
  breed: string;
  age: unknown;
  behaviour: unknown;
  notes: string;
}

export const dogQueries = {
  insert: one<[id: string, clientId: string, name: string, breed: string, age: unknown, behaviour: unknown, notes: string], DogRow>(
    'dogs/insert',
  ),
  listByClient: many<[clientId: string], DogRow>('dogs/list_by_client'),
};
