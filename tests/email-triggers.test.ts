// Each email trigger, run inside a transaction as a route will run it, then delivered by the outbox
// worker through the real @sendgrid/mail to the local fake: right person, right content, once.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import { createEmailWorker, type EmailWorker } from '../src/services/email';
import { createLogger } from '../src/log';
import type { TestApp } from './support/app';
import {
  BIZ,
  DEMO_CLIENT,
  insertClient,
  insertDog,
  insertInvoice,
  insertJob,
  insertSupportChat,
  outboxRows,
  patchSettings,
  setJobStatus,
  startEmailTestApp,
  type EmailTestApp,
} from './support/email-fixtures';
import type { FakeSendGrid, RecordedMail } from './support/fake-sendgrid';

let app: EmailTestApp;
let t: TestApp;
let sendgrid: FakeSendGrid;
let worker: EmailWorker;

beforeAll(async () => {
  app = await startEmailTestApp({ SUPPORT_EMAIL: 'support@pawtimation.test', FRONTEND_BASE_URL: 'https://app.pawtimation.test' });
  ({ t, sendgrid } = app);
  worker = createEmailWorker(t.db, t.deps.email, createLogger('silent'), { backoffMs: () => 0 });
}, 30_000);
afterAll(() => app.close());
beforeEach(() => app.reset());

const email = () => t.deps.email;
const html = (m: RecordedMail) => m.body.content.find((c) => c.type === 'text/html')!.value;
const text = (m: RecordedMail) => m.body.content.find((c) => c.type === 'text/plain')!.value;
const recipients = (m: RecordedMail) => m.body.personalizations.flatMap((p) => p.to.map((x) => x.email));

/** sends everything queued and returns what SendGrid received */
async function deliver(): Promise<RecordedMail[]> {
  await worker.runUntilIdle();
  return sendgrid.delivered();
}

describe('booking requested', () => {
  test('goes to the business admins with the request details and a link to review it', async () => {
    const jobId = await insertJob(t.db, { status: 'PENDING', notes: 'Gate code 1234', start: '2026-11-23T10:00' });
    const result = await t.db.tx((q) => email().queueBookingRequested(q, { businessId: BIZ, jobId }));
    expect(result).toEqual({ queued: true, eventKey: `booking-requested:${jobId}` });

    const [mail, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(mail.authorization).toBe('Bearer SG.test-key');
    expect(mail.body.from.email).toBe('bookings@pawtimation.test');
    expect(recipients(mail)).toEqual(['admin@demo.com', 'demo-admin@pawtimation.com']);
    expect(mail.body.subject).toBe('New booking request from Demo Client');
    for (const body of [html(mail), text(mail)]) {
      expect(body).toContain('Demo Dog Walking');
      expect(body).toContain('30min Dog Walk');
      expect(body).toContain('Monday 23 November 2026 at 10:00');
      expect(body).toContain('Max');
      expect(body).toContain('Gate code 1234');
      expect(body).toContain('https://app.pawtimation.test/admin/requests');
    }
    const [row] = await outboxRows(t.db);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: mail.messageId });
  });

  test('goes to the business contact email instead when settings have one', async () => {
    await patchSettings(t.db, 'profile', { contactEmail: 'hello@demodogs.test' });
    try {
      const jobId = await insertJob(t.db);
      await t.db.tx((q) => email().queueBookingRequested(q, { businessId: BIZ, jobId }));
      const [mail] = await deliver();
      expect(recipients(mail)).toEqual(['hello@demodogs.test']);
      expect(text(mail)).toContain('hello@demodogs.test');
    } finally {
      await patchSettings(t.db, 'profile', { contactEmail: '' });
    }
  });

  test('queued twice for one request still sends one mail', async () => {
    const jobId = await insertJob(t.db);
    await t.db.tx((q) => email().queueBookingRequested(q, { businessId: BIZ, jobId }));
    const again = await t.db.tx((q) => email().queueBookingRequested(q, { businessId: BIZ, jobId }));
    expect(again).toEqual({ queued: false, reason: 'duplicate' });
    expect(await deliver()).toHaveLength(1);
  });

  test('a job of another business is not found and nothing is queued', async () => {
    const jobId = await insertJob(t.db);
    const result = await t.db.tx((q) => email().queueBookingRequested(q, { businessId: 'biz_other', jobId }));
    expect(result).toEqual({ queued: false, reason: 'not-found' });
    expect(await outboxRows(t.db)).toEqual([]);
  });
});

describe('booking approved and cancelled', () => {
  test('approval goes to the client with the walker and the time', async () => {
    const jobId = await insertJob(t.db, { status: 'BOOKED', staffId: 'u_demo_staff1', start: '2026-11-24T09:05:00.000Z' });
    const result = await t.db.tx((q) => email().queueBookingApproved(q, { businessId: BIZ, jobId }));
    expect(result).toEqual({ queued: true, eventKey: `booking-approved:${jobId}:0` });
    const [mail, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(recipients(mail)).toEqual([DEMO_CLIENT.email]);
    expect(mail.body.subject).toBe('Booking confirmed: 30min Dog Walk on Tuesday 24 November 2026 at 09:05');
    expect(text(mail)).toContain('Hello Demo Client,');
    expect(text(mail)).toContain('Walker: Sarah Walker');
    expect(html(mail)).toContain('Sarah Walker');
  });

  test('cancellation goes to the client', async () => {
    const jobId = await insertJob(t.db, { status: 'CANCELLED', start: '2026-11-25' });
    await t.db.tx((q) => email().queueBookingCancelled(q, { businessId: BIZ, jobId }));
    const [mail] = await deliver();
    expect(recipients(mail)).toEqual([DEMO_CLIENT.email]);
    expect(mail.body.subject).toBe('Booking cancelled: 30min Dog Walk on Wednesday 25 November 2026');
    expect(text(mail)).toContain('has been cancelled');
  });

  test('approve, cancel, approve sends three mails; approving again without a change sends none', async () => {
    const jobId = await insertJob(t.db, { status: 'BOOKED' });
    const approve = () => t.db.tx((q) => email().queueBookingApproved(q, { businessId: BIZ, jobId }));
    const cancel = () => t.db.tx((q) => email().queueBookingCancelled(q, { businessId: BIZ, jobId }));

    expect((await approve()).queued).toBe(true);
    expect(await approve()).toEqual({ queued: false, reason: 'already-notified' });
    await setJobStatus(t.db, jobId, 'CANCELLED');
    expect((await cancel()).queued).toBe(true);
    expect(await cancel()).toEqual({ queued: false, reason: 'already-notified' });
    await setJobStatus(t.db, jobId, 'BOOKED');
    expect((await approve()).queued).toBe(true);

    const mails = await deliver();
    expect(mails.map((m) => m.body.subject.split(':')[0])).toEqual(['Booking confirmed', 'Booking cancelled', 'Booking confirmed']);
    expect((await outboxRows(t.db)).map((r) => r.kind)).toEqual(['booking-approved', 'booking-cancelled', 'booking-approved']);
  });

  test('a trigger that does not match the job status queues nothing', async () => {
    const jobId = await insertJob(t.db, { status: 'PENDING' });
    expect(await t.db.tx((q) => email().queueBookingApproved(q, { businessId: BIZ, jobId }))).toEqual({ queued: false, reason: 'wrong-status' });
    expect(await t.db.tx((q) => email().queueBookingCancelled(q, { businessId: BIZ, jobId }))).toEqual({ queued: false, reason: 'wrong-status' });
    expect(await outboxRows(t.db)).toEqual([]);
  });

  test('a client without an email address gets nothing and the trigger does not fail', async () => {
    const clientId = await insertClient(t.db, { name: 'No Mail', email: '' });
    const jobId = await insertJob(t.db, { clientId, status: 'BOOKED', dogIds: [] });
    expect(await t.db.tx((q) => email().queueBookingApproved(q, { businessId: BIZ, jobId }))).toEqual({ queued: false, reason: 'no-recipient' });
    expect(await outboxRows(t.db)).toEqual([]);
  });

  test('a rolled back change takes its mail with it', async () => {
    const jobId = await insertJob(t.db, { status: 'BOOKED' });
    const failed = t.db.tx(async (q) => {
      await email().queueBookingApproved(q, { businessId: BIZ, jobId });
      throw new Error('the route failed after queueing');
    });
    await expect(failed).rejects.toThrow('the route failed after queueing');
    expect(await outboxRows(t.db)).toEqual([]);
    expect(await deliver()).toEqual([]);
  });
});

describe('invoices', () => {
  const pdf = new TextEncoder().encode('%PDF-1.3 fake invoice');

  test('a generated invoice goes to the client with the pay link, the lines and the PDF attached', async () => {
    const invoiceId = await insertInvoice(t.db);
    const number = invoiceId.slice(4).toUpperCase();
    const result = await t.db.tx((q) => email().queueInvoiceGenerated(q, { businessId: BIZ, invoiceId, pdf }));
    expect(result).toEqual({ queued: true, eventKey: `invoice-generated:${invoiceId}` });

    const [mail, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(recipients(mail)).toEqual([DEMO_CLIENT.email]);
    expect(mail.body.subject).toBe(`Invoice ${number} from Demo Dog Walking: £30.00`);
    expect(html(mail)).toContain(`href="https://pay.stripe.com/link/${invoiceId}"`);
    expect(text(mail)).toContain(`Pay £30.00: https://pay.stripe.com/link/${invoiceId}`);
    expect(text(mail)).toContain('30min Dog Walk (25 Nov): £15.00');
    expect(text(mail)).toContain('Date: 21 November 2026');
    expect(mail.body.attachments).toEqual([
      { content: Buffer.from(pdf).toString('base64'), filename: `invoice-${number}.pdf`, type: 'application/pdf', disposition: 'attachment' },
    ]);
    // generating is one event: a second call sends nothing more
    expect(await t.db.tx((q) => email().queueInvoiceGenerated(q, { businessId: BIZ, invoiceId, pdf }))).toEqual({ queued: false, reason: 'duplicate' });
    expect(await deliver()).toHaveLength(1);
  });

  test('the PDF can come from a renderer, called once when the mail is queued', async () => {
    const invoiceId = await insertInvoice(t.db);
    let calls = 0;
    const render = async () => {
      calls++;
      return pdf;
    };
    await t.db.tx((q) => email().queueInvoiceGenerated(q, { businessId: BIZ, invoiceId, pdf: render }));
    const [mail] = await deliver();
    expect(calls).toBe(1);
    expect(mail.body.attachments?.[0].content).toBe(Buffer.from(pdf).toString('base64'));
  });

  test('a failing PDF renderer does not fail the invoice: the mail goes without the attachment', async () => {
    const invoiceId = await insertInvoice(t.db);
    const result = await t.db.tx((q) =>
      email().queueInvoiceGenerated(q, {
        businessId: BIZ,
        invoiceId,
        pdf: () => {
          throw new Error('renderer broke');
        },
      }),
    );
    expect(result.queued).toBe(true);
    const [mail] = await deliver();
    expect(mail.body.attachments).toBeUndefined();
    expect(text(mail)).toContain(`https://pay.stripe.com/link/${invoiceId}`);
  });

  test('each resend is one more mail, a copy with the same pay link and PDF', async () => {
    const invoiceId = await insertInvoice(t.db);
    await t.db.tx((q) => email().queueInvoiceGenerated(q, { businessId: BIZ, invoiceId, pdf }));
    await t.db.tx((q) => email().queueInvoiceResent(q, { businessId: BIZ, invoiceId, pdf }));
    await t.db.tx((q) => email().queueInvoiceResent(q, { businessId: BIZ, invoiceId, pdf }));
    const mails = await deliver();
    expect(mails).toHaveLength(3);
    const [, copy] = mails;
    expect(copy.body.subject.startsWith('Copy of invoice ')).toBe(true);
    expect(recipients(copy)).toEqual([DEMO_CLIENT.email]);
    expect(text(copy)).toContain(`https://pay.stripe.com/link/${invoiceId}`);
    expect(copy.body.attachments?.[0].filename).toBe(`invoice-${invoiceId.slice(4).toUpperCase()}.pdf`);
  });

  test('a paid invoice has no pay button', async () => {
    const invoiceId = await insertInvoice(t.db, { status: 'PAID' });
    await t.db.tx((q) => email().queueInvoiceResent(q, { businessId: BIZ, invoiceId }));
    const [mail] = await deliver();
    expect(text(mail)).toContain('This invoice has been paid.');
    expect(html(mail)).not.toContain('pay.stripe.com');
  });
});

describe('support escalation', () => {
  test('goes to the support address with the transcript', async () => {
    const chatId = await insertSupportChat(t.db, {
      transcript: [
        { role: 'user', text: 'My dog was bitten' },
        { role: 'system', text: 'Escalating to human support (keyword:bitten).' },
      ],
    });
    const result = await t.db.tx((q) => email().queueSupportEscalation(q, { chatId, reason: 'keyword:bitten' }));
    expect(result).toEqual({ queued: true, eventKey: `support-escalation:${chatId}:2` });
    const [mail] = await deliver();
    expect(recipients(mail)).toEqual(['support@pawtimation.test']);
    expect(mail.body.subject).toBe(`Support escalation (keyword:bitten): ${chatId}`);
    expect(text(mail)).toContain('[user] My dog was bitten');
    expect(text(mail)).toContain('Started: Saturday 21 November 2026 at 09:30');
    expect(html(mail)).toContain('Pawtimation');
  });
});

describe('templates', () => {
  test('user-supplied values stay text: a dog called <script> is escaped in HTML and plain in text', async () => {
    const clientId = await insertClient(t.db, { name: 'Bobby "Tables" <b>', email: 'bobby@example.test' });
    const dogId = await insertDog(t.db, clientId, '<script>alert(1)</script>');
    const jobId = await insertJob(t.db, { clientId, dogIds: [dogId], notes: '<img src=x onerror=alert(1)> & more' });
    await t.db.tx((q) => email().queueBookingRequested(q, { businessId: BIZ, jobId }));
    const [mail] = await deliver();
    const body = html(mail);
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<b>');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; more');
    expect(body).toContain('Bobby &quot;Tables&quot; &lt;b&gt;');
    expect(text(mail)).toContain('Dog: <script>alert(1)</script>');
    expect(mail.body.subject).toBe('New booking request from Bobby "Tables" <b>');
  });

  test('brand colour and an http(s) logo from settings; a hostile colour or a data: logo falls back', async () => {
    await patchSettings(t.db, 'branding', { primaryColor: '#123abc', logoUrl: 'https://cdn.example.test/logo.png' });
    const jobId = await insertJob(t.db, { status: 'BOOKED' });
    await t.db.tx((q) => email().queueBookingApproved(q, { businessId: BIZ, jobId }));
    await patchSettings(t.db, 'branding', { primaryColor: 'red;background:url(javascript:x)', logoUrl: 'data:image/png;base64,AAAA' });
    await setJobStatus(t.db, jobId, 'CANCELLED');
    await t.db.tx((q) => email().queueBookingCancelled(q, { businessId: BIZ, jobId }));
    await patchSettings(t.db, 'branding', { primaryColor: '#00a58a', logoUrl: '' });

    const [branded, fallback] = await deliver();
    expect(html(branded)).toContain('background:#123abc');
    expect(html(branded)).toContain('<img src="https://cdn.example.test/logo.png"');
    expect(html(fallback)).toContain('background:#00a58a');
    expect(html(fallback)).not.toContain('javascript');
    expect(html(fallback)).not.toContain('<img');
  });
});
