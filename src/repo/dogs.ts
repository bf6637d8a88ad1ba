// Dogs: the legacy repo functions createDog and listDogsByClient over sql/dogs.
import type { Db } from '../db/client';
import type { DogRow } from '../db/queries/dogs';
import { newId } from '../ids';

export interface Dog {
  id: string;
  clientId: string;
  name: string;
  breed: string;
  age: unknown;
  behaviour: unknown;
  notes: string;
}

export interface NewDog {
  name: string;
  breed: string;
  /** number or string as sent, null when absent */
  age: number | string | null;
  behaviour: unknown;
  notes: string;
}

const toDog = (row: DogRow): Dog => ({
  id: row.id,
  clientId: row.client_id,
  name: row.name,
  breed: row.breed,
  age: row.age,
  behaviour: row.behaviour,
  notes: row.notes,
});

export function dogsRepo(db: Db) {
  return {
    async listDogsByClient(clientId: string): Promise<Dog[]> {
      return (await db.q.dogs.listByClient(clientId)).map(toDog);
    },

    /** stores the dog and appends it to the client's dogIds in one statement */
    async createDog(clientId: string, dog: NewDog): Promise<Dog> {
      const row = await db.q.dogs.insert(newId('dog_'), clientId, dog.name, dog.breed, dog.age, dog.behaviour, dog.notes);
      return toDog(row!);
    },
  };
}
