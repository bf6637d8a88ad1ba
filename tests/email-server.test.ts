// The real server process runs the outbox worker: mail committed while no server was up is sent on
// start, a SIGTERM stops cleanly, and a restart never sends a delivered mail again.
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

const queue = (n: number) =>
  db.tx((q) =>
    enqueueEmail(q, {
      eventKey: `restart:${n}`,
      kind: 'test',
      refId: `restart-${n}`,
      to: ['client@example.test'],
      subject: `restart mail ${n}`,
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
