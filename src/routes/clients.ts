// Clients and dogs (clients-dogs-services.md §2): /api/clients/*, /api/dogs/*, and the
// client-only GET /api/clients/:clientId/dogs.
// SECURITY (POLICY 4): create ignores a body id/createdAt/dogIds (legacy overwrote any record by
// id); update never changes id, businessId, createdAt, dogIds or the login link userId. Staff read
// clients and dogs; creating and changing them is for admins and the client itself.
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { badRequest, forbidden, notFound } from '../http/errors';
import { clientsRepo, withDisplayAddress, type ClientPatch, type ClientRecord, type NewClient } from '../repo/clients';
import { dogsRepo, type NewDog } from '../repo/dogs';
import { jsonText } from './json-text';
import { fullAddress } from '../services/geocoding';
import type { Caller } from '../auth/guards';
import { requireAdminOrClient } from './business-access';
import { objectBody } from '../http/body';

const STRING_FIELDS = [
  'name', 'email', 'phone', 'address', 'addressLine1', 'city', 'postcode', 'notes', 'accessNotes',
  'emergencyName', 'emergencyPhone', 'vetDetails', 'behaviourNotes', 'medicalNotes',
] as const;
const ADDRESS_FIELDS = ['addressLine1', 'city', 'postcode'] as const;
/** keys an update never writes: identity, ownership, the dog list, the login link */
const PROTECTED_KEYS = new Set(['id', 'businessId', 'createdAt', 'updatedAt', 'dogIds', 'userId', '__proto__']);
const MAX_INT = 2_147_483_647;

const isWholeNumber = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= MAX_INT;
const isCoordinate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** legacy "falsy -> default": a missing or falsy value takes the default, a truthy one must fit */
function optionalString(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (!v) return '';
  if (typeof v !== 'string') throw badRequest(`${key} must be a string`);
  return v;
}

function newClientFrom(body: Record<string, unknown>): NewClient {
  const strings = Object.fromEntries(STRING_FIELDS.map((k) => [k, optionalString(body, k)])) as Record<
    (typeof STRING_FIELDS)[number],
    string
  >;
  const coordinate = (key: 'lat' | 'lng') => {
    const v = body[key];
    if (!v) return null;
    if (!isCoordinate(v)) throw badRequest(`${key} must be a number`);
    return v;
  };
  const step = body.onboardingStep;
  if (step && !isWholeNumber(step)) throw badRequest('onboardingStep must be a whole number');
  return {
    ...strings,
    lat: coordinate('lat'),
    lng: coordinate('lng'),
    profileComplete: Boolean(body.profileComplete),
    onboardingStep: (step as number) || 1,
  };
}

/** every body key merges into the record (legacy), standard fields type-checked, protected keys dropped */
function clientPatchFrom(body: Record<string, unknown>): ClientPatch {
  const fields: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (PROTECTED_KEYS.has(key)) continue;
    if ((STRING_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'string') throw badRequest(`${key} must be a string`);
      fields[key] = value;
    } else if (key === 'lat' || key === 'lng') {
      if (value !== null && !isCoordinate(value)) throw badRequest(`${key} must be a number`);
      fields[key] = value;
    } else if (key === 'profileComplete') {
      if (typeof value !== 'boolean') throw badRequest('profileComplete must be true or false');
      fields[key] = value;
    } else if (key === 'onboardingStep') {
      if (!isWholeNumber(value)) throw badRequest('onboardingStep must be a whole number');
      fields[key] = value;
    } else {
      extra[key] = value;
    }
  }
  return { fields: fields as Partial<NewClient>, extra };
}

function newDogFrom(body: Record<string, unknown>): NewDog {
  const { age, behaviour } = body;
  if (age && typeof age !== 'number' && typeof age !== 'string') throw badRequest('age must be a number or a string');
  if (behaviour && (typeof behaviour !== 'object' || Array.isArray(behaviour))) throw badRequest('behaviour must be an object');
  return {
    name: optionalString(body, 'name'),
    breed: optionalString(body, 'breed'),
    age: (age as number | string) || null,
    behaviour: behaviour || {},
    notes: optionalString(body, 'notes'),
  };
}

/** a client acts on its own record only; admins and staff on their business's clients */
const mayActOn = (caller: Caller, client: ClientRecord) =>
  caller.isClient ? caller.crmClientId === client.id : caller.businessId === client.businessId;

export const clientRoutes = (deps: AppDeps) => {
  const clients = clientsRepo(deps.db);
  const dogs = dogsRepo(deps.db);

  async function clientFor(caller: Caller, clientId: string, refusal: string): Promise<ClientRecord> {
    const client = await clients.getClient(clientId);
    if (!client) throw notFound('Client not found');
    if (!mayActOn(caller, client)) throw forbidden(refusal);
    return client;
  }

  /** legacy: look up coordinates only when none are given; a failed lookup leaves them as they are */
  async function geocoded<T extends { lat?: number | null; lng?: number | null }>(target: T, address: string): Promise<T> {
    const coords = address ? await deps.geocoder.geocode(address) : null;
    return coords ? { ...target, lat: coords.lat, lng: coords.lng } : target;
  }

  return new Elysia({ name: 'clients', prefix: '/api' })
    .get('/clients/list', async ({ request }) => {
      const { businessId } = await deps.guards.requireNotClient(request.headers);
      if (!businessId) return [];
      // kept by the list cache: shaping 500 legacy records per request cost ~8 ms of CPU
      return jsonText(
        await deps.lists.get(businessId, 'clients list', async () => ({
          list: JSON.stringify((await clients.listClientsByBusiness(businessId)).map(withDisplayAddress)),
        })),
      );
    })
    .post('/clients/create', async ({ request, body }) => {
      const { businessId } = await deps.guards.requireAdminUser(request.headers);
      if (!businessId) throw forbidden('forbidden: business context missing');
      let input = newClientFrom(objectBody(body));
      if (!input.lat || !input.lng) input = await geocoded(input, fullAddress(input));
      return { client: await clients.createClient(businessId, input) };
    })
    .get('/clients/:clientId', async ({ request, params }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      return clientFor(caller, params.clientId, 'forbidden: cannot access this client');
    })
    .post('/clients/:clientId/update', async ({ request, params, body }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      requireAdminOrClient(caller);
      const client = await clientFor(caller, params.clientId, 'forbidden: cannot update other clients');
      const input = objectBody(body);
      const patch = clientPatchFrom(input);
      const addressChanged = ADDRESS_FIELDS.some((k) => k in patch.fields);
      if (addressChanged && !input.lat && !input.lng) {
        patch.fields = await geocoded(patch.fields, fullAddress({ ...client, ...patch.fields }));
      }
      const updated = await clients.updateClient(client.id, patch);
      if (!updated) throw notFound('Client not found');
      return updated;
    })
    .get('/clients/:clientId/dogs', async ({ request, params }) => {
      const { clientId } = await deps.guards.requireClientUser(request.headers);
      if (params.clientId !== clientId) throw forbidden("forbidden: cannot access other clients' dogs");
      return { dogs: await dogs.listDogsByClient(clientId) };
    })
    .get('/dogs/by-client/:clientId', async ({ request, params }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      const client = await clientFor(caller, params.clientId, 'forbidden: cannot access other clients');
      return dogs.listDogsByClient(client.id);
    })
    .post('/dogs/create', async ({ request, body }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      requireAdminOrClient(caller);
      const input = objectBody(body);
      if (!input.clientId) throw badRequest('clientId is required');
      if (typeof input.clientId !== 'string') throw badRequest('clientId must be a string');
      const client = await clientFor(caller, input.clientId, 'forbidden: cannot create dogs for other clients');
      return { dog: await dogs.createDog(client.id, newDogFrom(input)) };
    });
};
