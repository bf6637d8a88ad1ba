// Each email trigger, run inside a transaction as a route will run it, then delivered by the outbox
// worker through the real @sendgrid/mail to the local fake: right person, right content, once.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import { createEmailWorker, storedDocumentAttachments, type EmailWorker } from '../src/services/email';
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
import { readPdf } from './support/pdf-text';

let app: EmailTestApp;
let t: TestApp;
let sendgrid: FakeSendGrid;
let worker: EmailWorker;

beforeAll(async () => {
  app = await startEmailTestApp({ SUPPORT_EMAIL: 'support@pawtimation.test', FRONTEND_BASE_URL: 'https://app.pawtimation.test' });
  ({ t, sendgrid } = app);
  worker = createEmailWorker(t.db, t.deps.email, storedDocumentAttachments(t.db.q), createLogger('silent'), { backoffMs: () => 0 });
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
  const number = (invoiceId: string) => invoiceId.slice(4).toUpperCase();
  const reference = (invoiceId: string) => ({ kind: 'invoice-pdf', invoiceId, filename: `invoice-${number(invoiceId)}.pdf` });
  const attachedPdf = (mail: RecordedMail) => readPdf(Buffer.from(mail.body.attachments![0].content, 'base64'));

  test('a generated invoice goes to the client with the pay link, the lines and the PDF attached', async () => {
    const invoiceId = await insertInvoice(t.db);
    const result = await t.db.tx((q) => email().queueInvoiceGenerated(q, { businessId: BIZ, invoiceId }));
    expect(result).toEqual({ queued: true, eventKey: `invoice-generated:${invoiceId}` });
    // queueing renders no PDF: the outbox holds a reference the worker resolves when it sends
    expect((await outboxRows(t.db)).map((r) => r.attachments)).toEqual([[reference(invoiceId)]]);

    const [mail, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(recipients(mail)).toEqual([DEMO_CLIENT.email]);
    expect(mail.body.subject).toBe(`Invoice ${number(invoiceId)} from Demo Dog Walking: £30.00`);
    expect(html(mail)).toContain(`href="https://pay.stripe.com/link/${invoiceId}"`);
    expect(text(mail)).toContain(`Pay £30.00: https://pay.stripe.com/link/${invoiceId}`);
    expect(text(mail)).toContain('30min Dog Walk (25 Nov): £15.00');
    expect(text(mail)).toContain('Date: 21 November 2026');
    expect(mail.body.attachments).toHaveLength(1);
    expect(mail.body.attachments![0]).toMatchObject({ filename: `invoice-${number(invoiceId)}.pdf`, type: 'application/pdf', disposition: 'attachment' });
    const [page] = await attachedPdf(mail);
    expect(page.texts).toContain(`#${number(invoiceId)}`);
    expect(page.texts).toContain(DEMO_CLIENT.name);
    expect(page.texts).toContain('30min Dog Walk (25 Nov)');
    expect(page.texts).toContain('£30.00');
    // generating is one event: a second call sends nothing more
    expect(await t.db.tx((q) => email().queueInvoiceGenerated(q, { businessId: BIZ, invoiceId }))).toEqual({ queued: false, reason: 'duplicate' });
    expect(await deliver()).toHaveLength(1);
  });

  test('the PDF is rendered when the mail is sent, from the invoice as stored then', async () => {
    const clientId = await insertClient(t.db, { name: 'Queued Name', email: 'renamed@example.test' });
    const invoiceId = await insertInvoice(t.db, { clientId });
    await t.db.tx((q) => email().queueInvoiceGenerated(q, { businessId: BIZ, invoiceId }));
    await t.db.sql`UPDATE clients SET name = 'Name At Send Time' WHERE id = ${clientId}`;
    await t.db.sql`UPDATE invoices SET status = 'PAID', paid_at = now() WHERE id = ${invoiceId}`;

    const [mail] = await deliver();
    // Intended: the body is the news of the event (queued with the invoice as generated: unpaid, with
    // the pay button), the attachment is the invoice document as it stands when the mail goes out,
    // the same document the download route gives at that moment. What was billed (number, lines,
    // amount, pay link) is fixed at generation, so only names and branding can differ.
    expect(text(mail)).toContain('Hello Queued Name,');
    expect(text(mail)).toContain(`https://pay.stripe.com/link/${invoiceId}`);
    const texts = (await attachedPdf(mail)).flatMap((p) => p.texts);
    expect(texts).toContain('Name At Send Time');
    expect(texts).not.toContain('Queued Name');
    expect(texts).toContain(`#${number(invoiceId)}`);
  });

  test('a PDF that cannot be rendered does not hold the mail back: it goes without it, and the row says so', async () => {
    const invoiceId = await insertInvoice(t.db);
    await t.db.tx((q) => email().queueInvoiceGenerated(q, { businessId: BIZ, invoiceId }));
    await t.db.sql`DELETE FROM invoices WHERE id = ${invoiceId}`; // nothing left to render at send time

    const [mail, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(mail.body.attachments).toBeUndefined();
    expect(text(mail)).toContain(`https://pay.stripe.com/link/${invoiceId}`);
    const [row] = await outboxRows(t.db);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: mail.messageId });
    expect(row.lastError).toBe(`sent without invoice-${number(invoiceId)}.pdf: invoice ${invoiceId} not found`);
  });

  test('each resend is one more mail, a copy with the same pay link and PDF', async () => {
    const invoiceId = await insertInvoice(t.db);
    await t.db.tx((q) => email().queueInvoiceGenerated(q, { businessId: BIZ, invoiceId }));
    await t.db.tx((q) => email().queueInvoiceResent(q, { businessId: BIZ, invoiceId }));
    await t.db.tx((q) => email().queueInvoiceResent(q, { businessId: BIZ, invoiceId }));
    expect((await outboxRows(t.db)).map((r) => r.attachments)).toEqual([1, 2, 3].map(() => [reference(invoiceId)]));
    const mails = await deliver();
    expect(mails).toHaveLength(3);
    const [, copy] = mails;
    expect(copy.body.subject.startsWith('Copy of invoice ')).toBe(true);
    expect(recipients(copy)).toEqual([DEMO_CLIENT.email]);
    expect(text(copy)).toContain(`https://pay.stripe.com/link/${invoiceId}`);
    expect(copy.body.attachments?.[0].filename).toBe(`invoice-${number(invoiceId)}.pdf`);
    expect((await attachedPdf(copy)).flatMap((p) => p.texts)).toContain(`#${number(invoiceId)}`);
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
