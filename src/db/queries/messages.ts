import { exec, many, one } from '../statement';

export interface MessageRow {
  id: string;
  business_id: string;
  booking_id: string | null;
  client_id: string;
  sender_role: string;
  message: string;
  created_at: Date;
  read_states: Record<string, boolean>;
}

export const messageQueries = {
  insert: one<
    [
      id: string,
      businessId: string,
      bookingId: string | null,
      clientId: string,
      senderRole: string,
      message: string,
      readStates: Record<string, boolean>,
      now: Date,
    ],
    MessageRow
  >('messages/insert'),
  listForBooking: many<[businessId: string, bookingId: string], MessageRow>('messages/list_for_booking'),
  listInbox: many<[businessId: string, clientId: string], MessageRow>('messages/list_inbox'),
  markBookingRead: exec<[businessId: string, bookingId: string, role: string]>('messages/mark_booking_read'),
  markInboxRead: exec<[businessId: string, clientId: string, role: string]>('messages/mark_inbox_read'),
  bookingOwner: one<[bookingId: string], { businessId: string; clientId: string }>('messages/booking_owner'),
};
