// Client <-> business messages: the legacy repo functions addBusinessMessage,
// listMessagesForBooking, listMessagesForInbox, markBookingMessagesRead, markInboxMessagesRead.
import type { Db } from '../db/client';
import type { MessageRow } from '../db/queries/messages';
import { newId } from '../ids';

export interface Message {
  id: string;
  bookingId: string | null;
  clientId: string;
  businessId: string;
  senderRole: string;
  message: string;
  createdAt: Date;
  readStates: Record<string, boolean>;
}

export interface NewMessage {
  businessId: string;
  clientId: string;
  bookingId: string | null;
  senderRole: string;
  message: string;
}

const toMessage = (row: MessageRow): Message => ({
  id: row.id,
  bookingId: row.booking_id,
  clientId: row.client_id,
  businessId: row.business_id,
  senderRole: row.sender_role,
  message: row.message,
  createdAt: row.created_at,
  readStates: row.read_states,
});

export function messagesRepo(db: Db) {
  return {
    async addBusinessMessage(m: NewMessage): Promise<Message> {
      // the sender has read their own message; staff messages start unread on both sides (legacy)
      const readStates = { client: m.senderRole === 'client', business: m.senderRole === 'business' };
      const row = await db.q.messages.insert(
        newId('msg_'), m.businessId, m.bookingId, m.clientId, m.senderRole, m.message, readStates, new Date(),
      );
      return toMessage(row!);
    },

    async listMessagesForBooking(businessId: string, bookingId: string): Promise<Message[]> {
      return (await db.q.messages.listForBooking(businessId, bookingId)).map(toMessage);
    },

    async listMessagesForInbox(businessId: string, clientId: string): Promise<Message[]> {
      return (await db.q.messages.listInbox(businessId, clientId)).map(toMessage);
    },

    markBookingMessagesRead: (businessId: string, bookingId: string, role: string) =>
      db.q.messages.markBookingRead(businessId, bookingId, role),

    markInboxMessagesRead: (businessId: string, clientId: string, role: string) =>
      db.q.messages.markInboxRead(businessId, clientId, role),

    /** who a booking belongs to (null when there is no such booking) */
    bookingOwner: (bookingId: string) => db.q.messages.bookingOwner(bookingId),
  };
}
