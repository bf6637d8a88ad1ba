// Booking emails: a client's request (to the business), and its approval or cancellation (to the client).
import { formatWhen } from './format';
import { renderEmail, type Brand, type RenderedEmail } from './layout';

export interface BookingMailData {
  business: Brand;
  clientName: string;
  serviceName: string | null;
  startAt: Date | null;
  startRaw: string | null;
  dogNames: readonly string[];
  staffName: string | null;
  notes: string;
}

const serviceOf = (b: BookingMailData) => b.serviceName?.trim() || 'Booking';
const clientOf = (b: BookingMailData) => b.clientName.trim() || 'A client';
const greeting = (b: BookingMailData) => (b.clientName.trim() ? `Hello ${b.clientName.trim()},` : 'Hello,');

function details(b: BookingMailData, extra: readonly (readonly [string, string])[] = []) {
  const rows: (readonly [string, string])[] = [
    ['Service', serviceOf(b)],
    ['When', formatWhen(b.startAt, b.startRaw)],
  ];
  if (b.dogNames.length) rows.push([b.dogNames.length === 1 ? 'Dog' : 'Dogs', b.dogNames.join(', ')]);
  return { kind: 'details' as const, rows: [...rows, ...extra] };
}

export function bookingRequestedEmail(b: BookingMailData, reviewUrl: string): RenderedEmail {
  const extra: [string, string][] = [['Client', clientOf(b)]];
  if (b.notes.trim()) extra.push(['Notes', b.notes.trim()]);
  return renderEmail(b.business, {
    subject: `New booking request from ${clientOf(b)}`,
    heading: 'New booking request',
    blocks: [
      { kind: 'paragraph', text: `${clientOf(b)} has asked for a booking. It is waiting for your approval.` },
      details(b, extra),
      { kind: 'button', label: 'Review requests', url: reviewUrl },
    ],
  });
}

export function bookingApprovedEmail(b: BookingMailData): RenderedEmail {
  const extra: [string, string][] = b.staffName?.trim() ? [['Walker', b.staffName.trim()]] : [];
  return renderEmail(b.business, {
    subject: `Booking confirmed: ${serviceOf(b)} on ${formatWhen(b.startAt, b.startRaw)}`,
    heading: 'Your booking is confirmed',
    blocks: [
      { kind: 'paragraph', text: greeting(b) },
      { kind: 'paragraph', text: `${b.business.name} has confirmed your booking.` },
      details(b, extra),
      { kind: 'paragraph', text: 'We look forward to seeing you.' },
    ],
  });
}

export function bookingCancelledEmail(b: BookingMailData): RenderedEmail {
  const contact = b.business.contactEmail ? ` If you have any questions, write to ${b.business.contactEmail}.` : '';
  return renderEmail(b.business, {
    subject: `Booking cancelled: ${serviceOf(b)} on ${formatWhen(b.startAt, b.startRaw)}`,
    heading: 'Your booking has been cancelled',
    blocks: [
      { kind: 'paragraph', text: greeting(b) },
      { kind: 'paragraph', text: `This booking with ${b.business.name} has been cancelled.${contact}` },
      details(b),
    ],
  });
}
