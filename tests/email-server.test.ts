// The real server process runs the outbox worker: mail committed while no server was up is sent on
// start, a SIGTERM stops cleanly (finishing the send in progress), and a restart never sends a
// delivered mail again.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { connect, type Db } from '../src/db/client';
import { enqueueEmail } from '../src/services/email';
import { sendgridEnv } from './support/email-fixtures';
import { seededDatabaseUrl } from './support/postgres';
import { startFakeSendGrid, type FakeSendGrid } from './support/fake-sendgrid';
import { startServerProcess } from './support/server-process';

let sendgrid: FakeSendGrid;
let url: string;
let db: Db;

beforeAll(async () => {
  sendgrid = startFakeSendGrid();
  url = await seededDatabaseUrl();
  db = connect(url, { max: 2 });
}, 30_000);
afterAll(async () => {
  await db.close();
  await sendgrid.stop();
});

const queue = (n: number, name = 'restart') =>
  db.tx((q) =>
    enqueueEmail(q, {
      eventKey: `${name}:${n}`,
      kind: 'test',
      refId: `${name}-${n}`,
      to: ['client@example.test'],
      subject: `${name} mail ${n}`,
      html: `<p>${n}</p>`,
      text: String(n),
    }),
  );

test('queued mail survives a restart and is delivered exactly once', async () => {
  const env = sendgridEnv(sendgrid.url);
  await queue(1);
  await queue(2);

  const first = await startServerProcess(url, env);
  await sendgrid.waitForDelivered(2, 20_000);
  expect(await first.stop('SIGTERM')).toBe(0);

  await queue(3);
  const second = await startServerProcess(url, env);
  // the worker takes due mail oldest first, so a resent 1 or 2 would arrive before 3
  await sendgrid.waitForDelivered(3, 20_000);
  expect(await second.stop('SIGTERM')).toBe(0);

  expect(sendgrid.calls.map((c) => c.body.subject)).toEqual(['restart mail 1', 'restart mail 2', 'restart mail 3']);
  const rows = await db.sql`SELECT status, count(*)::int AS n FROM email_outbox GROUP BY status`;
  expect([...rows]).toEqual([{ status: 'sent', n: 3 }]);
}, 90_000);

test('SIGTERM mid-send: the send finishes and is recorded, nothing else is claimed, exit 0', async () => {
  sendgrid.reset();
  await queue(1, 'shutdown');
  await queue(2, 'shutdown');
  // SendGrid takes 1.5 s to answer: long enough for the signal to land mid-send
  sendgrid.delayAnswers(1_500);
  const server = await startServerProcess(url, sendgridEnv(sendgrid.url));
  while (sendgrid.calls.length === 0) await Bun.sleep(10);

  expect(await server.stop('SIGTERM')).toBe(0);
  expect(sendgrid.calls.map((c) => c.body.subject)).toEqual(['shutdown mail 1']);
  const rows = await db.sql`
    SELECT event_key, status, attempts, provider_message_id FROM email_outbox WHERE event_key LIKE 'shutdown:%' ORDER BY event_key`;
  expect(rows.map((r) => ({ ...r }))).toEqual([
    { event_key: 'shutdown:1', status: 'sent', attempts: 1, provider_message_id: sendgrid.calls[0].messageId },
    { event_key: 'shutdown:2', status: 'pending', attempts: 0, provider_message_id: null },
  ]);
}, 60_000);
