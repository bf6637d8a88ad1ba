// The OpenAPI document (GET /openapi/json) and its reader page (GET /openapi) for the frontend team.
// Routes validate their legacy bodies by hand (legacy error strings), so the TypeBox schemas here
// describe requests in the document only: they are attached as OpenAPI `detail`, never as Elysia
// body/query validators, and change no behaviour.
import { openapi } from '@elysiajs/openapi';
import { t, type TSchema } from 'elysia';

type Access = keyof typeof ACCESS;

interface OperationDoc {
  summary: string;
  access: Access;
  body?: TSchema;
  query?: TSchema;
}

const ACCESS = {
  public: 'No login.',
  user: 'Any signed-in user (401 `unauthenticated` without a valid token).',
  admin: 'An admin of the business: 401 without a token, 403 `forbidden: admin access required` for staff and clients.',
  business: 'An admin or staff member of the business (staff only for bookings assigned to them); clients get 403.',
  staffOwner: 'The staff member the booking is assigned to (403 `forbidden: staff access required` for other roles).',
  client: 'A client user with a linked client record (403 `forbidden: client access required` otherwise).',
  member: 'A user of the business named in the request; 403 `forbidden` for other businesses.',
  clientOrAdmin: 'The client itself, or an admin of its business; staff read but do not change client records.',
  platformAdmin: 'A platform admin (token claim and stored flag).',
  payLink: 'The signed token of an invoice pay link (not a login token).',
  stripe: 'Stripe, authenticated by the `Stripe-Signature` header over the raw body.',
} as const;

const id = (what: string) => t.String({ description: `${what} id` });
const text = (description?: string) => t.String(description ? { description } : {});
const optional = <T extends TSchema>(schema: T) => t.Optional(schema);

const Credentials = t.Object({ email: t.String({ format: 'email' }), password: t.String() });
const BookingInput = t.Object({
  clientId: id('Client'),
  serviceId: id('Service'),
  start: text('ISO 8601 start; zone-less values are UTC'),
  dogIds: optional(t.Array(id('Dog'))),
  staffId: optional(t.Union([id('Staff user'), t.Null()])),
  status: optional(t.Union(['PENDING', 'BOOKED', 'COMPLETED', 'CANCELLED'].map((s) => t.Literal(s)))),
  notes: optional(text()),
});
const BookingUpdate = t.Object({
  status: optional(t.Union(['PENDING', 'BOOKED', 'COMPLETED', 'CANCELLED'].map((s) => t.Literal(s)))),
  start: optional(text()),
  serviceId: optional(id('Service')),
  staffId: optional(t.Union([id('Staff user'), t.Null()])),
  priceCents: optional(t.Union([t.Integer({ minimum: 0, maximum: 2_147_483_647 }), t.Null()])),
});
const JobId = t.Object({ id: id('Job') });
const PaymentMethod = t.Object({ paymentMethod: t.Union(['cash', 'card', 'bank_transfer', 'check', 'other'].map((m) => t.Literal(m))) });
const ClientFields = t.Object(
  {
    name: optional(text()), email: optional(text()), phone: optional(text()), addressLine1: optional(text()),
    city: optional(text()), postcode: optional(text()), notes: optional(text()), lat: optional(t.Number()),
    lng: optional(t.Number()), profileComplete: optional(t.Boolean()), onboardingStep: optional(t.Integer()),
  },
  { description: 'Other keys are kept on the record (legacy merge); id, businessId, createdAt, dogIds and userId are ignored.' },
);
const ServiceFields = t.Object({
  name: t.String({ minLength: 1 }),
  description: optional(text()),
  durationMinutes: optional(t.Integer({ minimum: 0 })),
  priceCents: optional(t.Integer({ minimum: 0 })),
  maxDogs: optional(t.Integer({ minimum: 0 })),
  group: optional(t.Boolean()),
  allowClientBooking: optional(t.Boolean()),
  approvalRequired: optional(t.Boolean()),
  active: optional(t.Boolean()),
});
const SettingsPatch = t.Record(t.String(), t.Unknown(), { description: 'Deep-merged into the business settings' });
const MessageThread = (key: 'bookingId' | 'clientId') => t.Object({ businessId: id('Business'), [key]: id(key === 'bookingId' ? 'Booking' : 'Client') });

const DOCS: Record<string, OperationDoc> = {
  'GET /health': { summary: 'Liveness and database check', access: 'public' },
  'GET /api/auth/health': { summary: 'Auth liveness: {ok: true}', access: 'public' },
  'POST /api/auth/register': { summary: 'Create a business and its admin; sets the token cookie', access: 'public', body: t.Composite([Credentials, t.Object({ name: optional(text()), mobile: optional(text()) })]) },
  'POST /api/auth/login': { summary: 'Log in; returns {token, user} and sets the httpOnly token cookie', access: 'public', body: Credentials },
  'POST /api/auth/logout': { summary: 'Clear the token cookie', access: 'public' },
  'GET /api/auth/me': { summary: 'The signed-in user', access: 'user' },
  'GET /api/admin/businesses': { summary: 'All businesses (?search=)', access: 'platformAdmin', query: t.Object({ search: optional(text()) }) },
  'GET /api/business/branding': { summary: "The caller's business branding", access: 'user' },
  'GET /api/business/settings': { summary: "The caller's business settings", access: 'business' },
  'POST /api/business/settings/update': { summary: "Merge a patch into the caller's business settings", access: 'admin', body: SettingsPatch },
  'GET /api/business/:businessId/settings': { summary: 'Business settings', access: 'member' },
  'PUT /api/business/:businessId/settings': { summary: 'Merge a patch ({settings} or the body) into the settings', access: 'admin', body: SettingsPatch },
  'GET /api/business/:businessId/automation': { summary: 'Automation settings', access: 'member' },
  'PUT /api/business/:businessId/automation': { summary: 'Merge {automation} into the automation settings', access: 'admin', body: t.Object({ automation: SettingsPatch }) },
  'GET /api/business/:businessId/services': { summary: "The business's services (clients of the business included)", access: 'member' },
  'POST /api/business/:businessId/services': { summary: 'Add a pricing entry to settings.services', access: 'admin', body: t.Object({ service: t.Object({ name: t.String() }) }) },
  'PUT /api/business/:businessId/services/:serviceId': { summary: 'Patch a settings.services entry', access: 'admin', body: t.Object({ service: SettingsPatch }) },
  'DELETE /api/business/:businessId/services/:serviceId': { summary: 'Remove a settings.services entry', access: 'admin' },
  'GET /api/users/by-business/:businessId': { summary: 'Every user of the business', access: 'admin' },
  'POST /api/users/create': { summary: 'Create a STAFF user (201)', access: 'admin', body: t.Object({ role: t.Literal('STAFF'), name: t.String({ minLength: 1 }), email: optional(text()) }) },
  'GET /api/staff/list': { summary: 'Staff of the business', access: 'business' },
  'GET /api/staff/:staffId': { summary: 'One staff member', access: 'business' },
  'GET /api/staff/:staffId/availability': { summary: 'Weekly availability', access: 'business' },
  'POST /api/staff/:staffId/availability': { summary: 'Replace weekly availability (self or admin)', access: 'business', body: SettingsPatch },
  'POST /api/staff/:staffId/update': { summary: 'Update name, phone, notification preferences (self or admin)', access: 'business', body: t.Object({ name: optional(text()), phone: optional(text()), notificationPreferences: optional(t.Unknown()) }) },
  'POST /api/client/bookings/request': { summary: 'Request a PENDING booking', access: 'clientOrAdmin', body: t.Object({ clientId: id('Client'), serviceId: id('Service'), dateTime: text('ISO 8601'), dogIds: optional(t.Array(id('Dog'))), notes: optional(text()) }) },
  'GET /api/bookings/mine': { summary: "The client's own bookings", access: 'client' },
  'GET /api/bookings/list': { summary: 'Bookings of the business (staff: their own and unassigned PENDING)', access: 'business', query: t.Object({ staffId: optional(id('Staff user')) }) },
  'GET /api/bookings/by-date': { summary: 'Bookings on one day', access: 'business', query: t.Object({ date: t.String({ description: 'YYYY-MM-DD' }) }) },
  'POST /api/bookings/create': { summary: 'Create a booking', access: 'admin', body: BookingInput },
  'POST /api/bookings/create-recurring': { summary: 'Create a recurring series (at most 100)', access: 'admin', body: t.Composite([BookingInput, t.Object({ recurrence: t.Union(['daily', 'weekly', 'biweekly', 'custom'].map((r) => t.Literal(r))), recurrenceEndDate: text(), recurrenceInterval: optional(t.Integer({ minimum: 1 })) })]) },
  'GET /api/bookings/:bookingId': { summary: 'One booking with names', access: 'business' },
  'POST /api/bookings/:bookingId/move': { summary: 'Move a booking to a new start', access: 'business', body: t.Object({ start: text() }) },
  'POST /api/bookings/:bookingId/update': { summary: 'Change status, start, service, staff or price (COMPLETED bills the job)', access: 'admin', body: BookingUpdate },
  'POST /api/bookings/:bookingId/admin-update': { summary: 'Reassign staff, set status/start/notes/dogs', access: 'admin', body: BookingUpdate },
  'POST /api/bookings/:bookingId/staff-confirm': { summary: 'Confirm an assigned PENDING booking', access: 'staffOwner' },
  'POST /api/bookings/:bookingId/staff-decline': { summary: 'Decline an assigned PENDING booking', access: 'staffOwner' },
  'POST /api/bookings/:bookingId/staff-cancel': { summary: 'Cancel an assigned PENDING booking', access: 'staffOwner' },
  'POST /api/bookings/:bookingId/generate-route': { summary: 'Generate a circular walking route', access: 'business' },
  'GET /api/bookings/:bookingId/download-gpx': { summary: 'The walking route as GPX (cookie auth works)', access: 'business' },
  'GET /api/jobs/pending': { summary: 'The approval queue', access: 'admin' },
  'GET /api/jobs/client/:clientId': { summary: "The client's own jobs", access: 'client' },
  'GET /api/jobs/:id': { summary: "One of the client's own jobs", access: 'client' },
  'POST /api/jobs/create': { summary: 'Request a job for oneself', access: 'client', body: t.Composite([BookingInput, t.Object({ businessId: id('Business') })]) },
  'POST /api/jobs/update': { summary: 'Edit an own PENDING job', access: 'client', body: t.Composite([JobId, t.Object({ start: optional(text()), dogIds: optional(t.Array(id('Dog'))), notes: optional(text()) })]) },
  'POST /api/jobs/cancel': { summary: 'Cancel an own PENDING job', access: 'client', body: JobId },
  'POST /api/jobs/approve': { summary: 'Approve a job (auto-assigns staff)', access: 'admin', body: JobId },
  'POST /api/jobs/decline': { summary: 'Decline a job', access: 'admin', body: JobId },
  'GET /api/clients/list': { summary: 'Clients of the business', access: 'business' },
  'POST /api/clients/create': { summary: 'Create a client', access: 'admin', body: ClientFields },
  'GET /api/clients/:clientId': { summary: 'One client (the client itself, or staff/admin of its business)', access: 'user' },
  'POST /api/clients/:clientId/update': { summary: 'Update a client', access: 'clientOrAdmin', body: ClientFields },
  'GET /api/clients/:clientId/dogs': { summary: "The client's own dogs", access: 'client' },
  'GET /api/dogs/by-client/:clientId': { summary: "A client's dogs", access: 'user' },
  'POST /api/dogs/create': { summary: 'Add a dog to a client', access: 'clientOrAdmin', body: t.Object({ clientId: id('Client'), name: optional(text()), breed: optional(text()), age: optional(t.Union([t.Number(), t.String()])), notes: optional(text()), behaviour: optional(t.Record(t.String(), t.Unknown())) }) },
  'GET /api/services/list': { summary: 'Services of the business (clients get 401)', access: 'business' },
  'POST /api/services/create': { summary: 'Create a service', access: 'admin', body: ServiceFields },
  'POST /api/services/:serviceId/update': { summary: 'Update a service', access: 'admin', body: t.Partial(ServiceFields) },
  'POST /api/services/:serviceId/delete': { summary: 'Deactivate a service', access: 'admin' },
  'POST /api/messages/send': { summary: 'Send a message', access: 'member', body: t.Object({ businessId: id('Business'), clientId: id('Client'), bookingId: optional(id('Booking')), senderRole: text('"client" for clients, anything else for the business'), message: t.String({ minLength: 1 }) }) },
  'GET /api/messages/booking': { summary: "A booking's thread", access: 'member', query: MessageThread('bookingId') },
  'GET /api/messages/inbox': { summary: "A client's inbox thread", access: 'member', query: MessageThread('clientId') },
  'POST /api/messages/mark-booking-read': { summary: 'Mark a booking thread read for a role', access: 'member', body: t.Composite([MessageThread('bookingId'), t.Object({ role: text() })]) },
  'POST /api/messages/mark-inbox-read': { summary: 'Mark an inbox thread read for a role', access: 'member', body: t.Composite([MessageThread('clientId'), t.Object({ role: text() })]) },
  'GET /api/stats/bookings/upcoming-count': { summary: 'Count of BOOKED jobs', access: 'admin' },
  'GET /api/stats/bookings/pending-count': { summary: 'Count of PENDING jobs', access: 'admin' },
  'GET /api/stats/clients/count': { summary: 'Count of clients', access: 'admin' },
  'GET /api/stats/invoices/revenue-week': { summary: 'Revenue paid this week (cents)', access: 'admin' },
  'GET /api/stats/bookings/upcoming': { summary: 'Next BOOKED jobs', access: 'admin', query: t.Object({ limit: optional(t.Integer()) }) },
  'POST /api/support/chat': { summary: 'Open a support chat', access: 'public' },
  'POST /api/support/chat/:chatId/message': { summary: 'Send a message to the support bot', access: 'public', body: t.Object({ text: t.String({ maxLength: 4000 }) }) },
  'POST /api/support/chat/:chatId/csat': { summary: 'Rate the support chat', access: 'public', body: t.Object({ vote: t.Unknown() }) },
  'GET /api/invoice-items/pending': { summary: 'Unbilled items grouped by client', access: 'admin' },
  'GET /api/invoices/list': { summary: 'Invoices of the business', access: 'admin' },
  'POST /api/invoices/generate': { summary: "Invoice PENDING items of one client", access: 'admin', body: t.Object({ clientId: id('Client'), itemIds: t.Array(id('Invoice item'), { minItems: 1 }) }) },
  'GET /api/invoices/:invoiceId': { summary: 'One invoice with its lines', access: 'admin' },
  'POST /api/invoices/:invoiceId/mark-sent': { summary: 'Mark sent', access: 'admin' },
  'POST /api/invoices/:invoiceId/mark-paid': { summary: 'Mark paid', access: 'admin', body: PaymentMethod },
  'POST /api/invoices/:invoiceId/pay': { summary: 'Mark paid (mobile alias of mark-paid)', access: 'admin', body: PaymentMethod },
  'POST /api/invoices/:invoiceId/resend': { summary: 'Email the invoice again', access: 'admin' },
  'GET /api/invoices/:invoiceId/pdf': { summary: 'The invoice PDF', access: 'admin' },
  'POST /api/invoices/:invoiceId/checkout': { summary: 'Open a Stripe Checkout session ({url, sessionId})', access: 'clientOrAdmin' },
  'GET /api/finance/overview': { summary: 'Revenue overview and 6-month trend', access: 'admin' },
  'GET /api/finance/forecasts': { summary: '30/60/90-day forecast', access: 'admin' },
  'GET /api/finance/breakdowns': { summary: 'Revenue by staff and client', access: 'admin' },
  'GET /pay/:token': { summary: 'Pay link: redirects (303) to Stripe Checkout', access: 'payLink' },
  'GET /pay/:token/success': { summary: 'Return page after payment', access: 'payLink' },
  'GET /pay/:token/cancelled': { summary: 'Return page after a cancelled payment', access: 'payLink' },
  'GET /pay/:token/status': { summary: '{status: "paid" | "unpaid"}', access: 'payLink' },
  'POST /api/webhooks/stripe': { summary: 'Stripe webhook (marks invoices paid)', access: 'stripe' },
};

const tagOf = (path: string) => {
  const [, first, second] = path.split('/');
  return first === 'api' ? second : first;
};

interface RouteLike {
  method: string;
  path: string;
  hooks: { detail?: Record<string, unknown> };
}

/** attach the documentation above to the registered routes (detail only: no validation) */
export function describeRoutes(routes: RouteLike[]): void {
  for (const route of routes) {
    const doc = DOCS[`${route.method} ${route.path}`];
    if (!doc || route.hooks.detail?.hide) continue;
    const detail: Record<string, unknown> = { tags: [tagOf(route.path)], summary: doc.summary, description: ACCESS[doc.access] };
    if (doc.access !== 'public' && doc.access !== 'payLink' && doc.access !== 'stripe') detail.security = [{ bearer: [] }, { cookie: [] }];
    if (doc.body) detail.requestBody = { required: false, content: { 'application/json': { schema: doc.body } } };
    if (doc.query) {
      const { properties, required = [] } = doc.query as unknown as { properties: Record<string, TSchema>; required?: string[] };
      detail.parameters = Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: required.includes(name), schema }));
    }
    route.hooks.detail = { ...route.hooks.detail, ...detail };
  }
}

/** GET /openapi (reader page) and GET /openapi/json (the document) */
export const openApiDocs = () =>
  openapi({
    path: '/openapi',
    documentation: {
      info: {
        title: 'Pawtimation API',
        version: '1.0.0',
        description:
          'The legacy Pawtimation contract on Postgres. Errors are {"error": "..."}; 401 means no valid token, 403 a role or business refusal. ' +
          'Authenticate with the httpOnly `token` cookie set by login, or `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'token' },
        },
      },
    },
    // the dropped legacy admin routes and the CORS preflight are not part of the contract
    exclude: { paths: [/^\/api\/admin\/(?!businesses$)/], methods: ['options'] },
  });
