// Client <-> business messages (messages-automation.md §1): /api/messages/*.
// SECURITY (POLICY 4): legacy trusted businessId, clientId and roles from the request without any
// login. Now the caller must be a user of that business; a client user only reads and writes its
// own conversation (its CRM client id, or its user id which some client screens send) and its
// own bookings' threads, and nobody posts or marks read under the other side's role.
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { badRequest, forbidden } from '../http/errors';
import { messagesRepo } from '../repo/messages';
import { requireSameBusiness } from './business-access';
import type { Caller } from '../auth/guards';
import { objectBody } from '../http/body';

/** legacy "required = truthy" check with its one message per route; present values must be strings */
function requiredStrings<K extends string>(input: Record<string, unknown>, keys: readonly K[], message: string): Record<K, string> {
  if (keys.some((k) => !input[k])) throw badRequest(message);
  for (const k of keys) if (typeof input[k] !== 'string') throw badRequest(`${k} must be a string`);
  return input as Record<K, string>;
}

const otherClients = () => forbidden('forbidden: cannot access other clients');

export const messageRoutes = (deps: AppDeps) => {
  const messages = messagesRepo(deps.db);

  function requireOwnConversation(caller: Caller, clientId: string) {
    if (caller.isClient && clientId !== caller.crmClientId && clientId !== caller.user.id) throw otherClients();
  }

  async function requireOwnBooking(caller: Caller, businessId: string, bookingId: string) {
    if (!caller.isClient) return;
    const owner = await messages.bookingOwner(bookingId);
    if (!owner || owner.businessId !== businessId || owner.clientId !== caller.crmClientId) throw otherClients();
  }

  /** clients speak as "client", business users as anything else */
  function requireOwnRole(caller: Caller, role: string) {
    if (caller.isClient !== (role === 'client')) throw forbidden('forbidden');
  }

  return new Elysia({ name: 'messages', prefix: '/api/messages' })
    .post('/send', async ({ request, body }) => {
      const input = objectBody(body);
      const caller = await deps.guards.requireAnyUser(request.headers);
      const { businessId, clientId, message, senderRole } = requiredStrings(
        input,
        ['businessId', 'clientId', 'message', 'senderRole'],
        'Missing required fields: businessId, clientId, message, senderRole',
      );
      const bookingId = input.bookingId || null;
      if (bookingId !== null && typeof bookingId !== 'string') throw badRequest('bookingId must be a string');
      requireSameBusiness(caller.businessId, businessId);
      requireOwnConversation(caller, clientId);
      requireOwnRole(caller, senderRole);
      if (bookingId) await requireOwnBooking(caller, businessId, bookingId);
      return messages.addBusinessMessage({ businessId, clientId, bookingId, senderRole, message });
    })
    .get('/booking', async ({ request, query }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      const { businessId, bookingId } = requiredStrings(
        query,
        ['businessId', 'bookingId'],
        'Missing required query params: businessId, bookingId',
      );
      requireSameBusiness(caller.businessId, businessId);
      await requireOwnBooking(caller, businessId, bookingId);
      return messages.listMessagesForBooking(businessId, bookingId);
    })
    .get('/inbox', async ({ request, query }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      const { businessId, clientId } = requiredStrings(
        query,
        ['businessId', 'clientId'],
        'Missing required query params: businessId, clientId',
      );
      requireSameBusiness(caller.businessId, businessId);
      requireOwnConversation(caller, clientId);
      return messages.listMessagesForInbox(businessId, clientId);
    })
    .post('/mark-booking-read', async ({ request, body }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      const { businessId, bookingId, role } = requiredStrings(
        objectBody(body),
        ['businessId', 'bookingId', 'role'],
        'Missing required fields: businessId, bookingId, role',
      );
      requireSameBusiness(caller.businessId, businessId);
      requireOwnRole(caller, role);
      await requireOwnBooking(caller, businessId, bookingId);
      await messages.markBookingMessagesRead(businessId, bookingId, role);
      return { success: true };
    })
    .post('/mark-inbox-read', async ({ request, body }) => {
      const caller = await deps.guards.requireAnyUser(request.headers);
      const { businessId, clientId, role } = requiredStrings(
        objectBody(body),
        ['businessId', 'clientId', 'role'],
        'Missing required fields: businessId, clientId, role',
      );
      requireSameBusiness(caller.businessId, businessId);
      requireOwnRole(caller, role);
      requireOwnConversation(caller, clientId);
      await messages.markInboxMessagesRead(businessId, clientId, role);
      return { success: true };
    });
};
