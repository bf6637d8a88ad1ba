// Two instances on one database: an event emitted on instance A reaches sockets connected to
// instance B (Postgres LISTEN/NOTIFY), still scoped by business; and SIGTERM with sockets
// connected still drains and exits 0.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import postgres from 'postgres';
import { FANOUT_CHANNEL } from '../src/services/realtime/fanout';
import { startListeningApp, type ListeningApp } from './support/listening';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { connectSocket, type RecordingSocket } from './support/socket-client';

let a: ListeningApp;
let b: ServerProcess;
const sockets: RecordingSocket[] = [];

beforeAll(async () => {
  a = await startListeningApp();
  b = await startServerProcess(a.url);
}, 30_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  if (b.proc.exitCode === null) await b.stop();
  await a.stop();
}, 30_000);

test('an event emitted on instance A reaches the sockets of that business on instance B, in order', async () => {
  const token = await a.deps.tokens.sign({ sub: 'u_demo_admin', email: '', isAdmin: false });
  const admin = await connectSocket(b.base, { extraHeaders: { cookie: `token=${token}` } });
  const anonymous = await connectSocket(b.base, { transports: ['polling'] });
  sockets.push(admin, anonymous);

  a.deps.realtime.emit('biz_demo', 'booking:updated', { booking: { id: 'job_x', status: 'BOOKED', notes: 'secret' } });
  a.deps.realtime.emit('biz_demo', 'stats:changed', { scope: 'bookings' });
  a.deps.realtime.emit('biz_demo', 'stats:changed', { scope: 'all' });

  expect(await admin.next()).toEqual(['booking:updated', { booking: { id: 'job_x', status: 'BOOKED' } }]);
  expect(await admin.next()).toEqual(['stats:changed', { scope: 'bookings' }]);
  expect(await admin.next()).toEqual(['stats:changed', { scope: 'all' }]);
  expect(await anonymous.next()).toEqual(['booking:updated', {}]);
  expect(await anonymous.next()).toEqual(['stats:changed', {}]);
  expect(await anonymous.next()).toEqual(['stats:changed', {}]);
}, 30_000);

test('a payload too large for NOTIFY still delivers the event name on the other instance', async () => {
  const token = await a.deps.tokens.sign({ sub: 'u_demo_staff1', email: '', isAdmin: false });
  const staff = await connectSocket(b.base, { auth: { token } });
  sockets.push(staff);
  const dogIds = Array.from({ length: 1000 }, (_, i) => `dog_${i}`);
  a.deps.realtime.emit('biz_demo', 'booking:created', { booking: { id: 'job_big', dogIds } });
  a.deps.realtime.emit('biz_demo', 'stats:changed', { scope: 'bookings' });
  expect(await staff.next()).toEqual(['booking:created', {}]);
  expect(await staff.next()).toEqual(['stats:changed', { scope: 'bookings' }]);
}, 30_000);

test('a burst of events travels in a few NOTIFYs and arrives complete and in order', async () => {
  const token = await a.deps.tokens.sign({ sub: 'u_demo_admin', email: '', isAdmin: false });
  const admin = await connectSocket(b.base, { extraHeaders: { cookie: `token=${token}` } });
  sockets.push(admin);
  const observer = postgres(a.url, { max: 1, onnotice: () => {} });
  let notifications = 0;
  await observer.listen(FANOUT_CHANNEL, () => void notifications++);
  try {
    const ids = Array.from({ length: 300 }, (_, i) => `job_burst_${i}`);
    for (const id of ids) a.deps.realtime.emit('biz_demo', 'booking:updated', { booking: { id, status: 'BOOKED' } });
    const received: unknown[] = [];
    for (const _ of ids) received.push((await admin.next())[1]);
    expect(received).toEqual(ids.map((id) => ({ booking: { id, status: 'BOOKED' } })));
    expect(notifications).toBeGreaterThan(0);
    expect(notifications).toBeLessThan(30);
  } finally {
    await observer.end();
  }
}, 30_000);

test('SIGTERM with websocket and polling sockets connected drains and exits 0', async () => {
  const ws = await connectSocket(b.base);
  const polling = await connectSocket(b.base, { transports: ['polling'] });
  sockets.push(ws, polling);
  const disconnected = Promise.all([ws, polling].map((s) => new Promise((r) => s.socket.once('disconnect', r))));
  expect(await b.stop('SIGTERM')).toBe(0);
  // a transport close or error (not "io server disconnect") makes the client reconnect on its own,
  // to whichever instance the load balancer picks next
  for (const reason of await disconnected) expect(['transport close', 'transport error']).toContain(reason as string);
}, 30_000);

test('the in-process instance also stops with a socket connected, which will reconnect elsewhere', async () => {
  const s = await connectSocket(a.base);
  sockets.push(s);
  const disconnected = new Promise((r) => s.socket.once('disconnect', r));
  await a.stop();
  expect(['transport close', 'transport error']).toContain((await disconnected) as string);
}, 30_000);
