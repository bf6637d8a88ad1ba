// The bookings issue's "done when": a socket.io-client connected like the legacy frontend sees
// booking:created after an admin creates a booking through the real route, with ids and
// statuses only (room isolation per business is proven in realtime.test.ts).
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { startListeningApp, type ListeningApp } from './support/listening';
import { connectSocket, type RecordingSocket } from './support/socket-client';

let server: ListeningApp;
let adminToken: string;
let adminSocket: RecordingSocket;

beforeAll(async () => {
  server = await startListeningApp();
  const login = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.com', password: 'admin123' }),
  });
  adminToken = ((await login.json()) as { token: string }).token;
  adminSocket = await connectSocket(server.base, { auth: { token: adminToken } });
});
afterAll(async () => {
  adminSocket.close();
  await server.stop();
});

test('an admin-created booking reaches the business socket as booking:created, then stats:changed', async () => {
  const [{ id: serviceId }] = await server.db.sql`SELECT id FROM services WHERE name = '30min Dog Walk'`;
  const res = await fetch(`${server.base}/api/bookings/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      clientId: 'c_demo_client',
      serviceId,
      dogIds: ['dog_demo'],
      start: '2030-03-04T10:00:00.000Z',
      status: 'BOOKED',
      notes: 'Key under the mat',
    }),
  });
  expect(res.status).toBe(200);
  const { job } = (await res.json()) as { job: { id: string } };

  const [event, payload] = await adminSocket.next();
  expect(event).toBe('booking:created');
  expect(payload).toEqual({ booking: { id: job.id, status: 'BOOKED', staffId: null, businessId: 'biz_demo' } });
  expect(JSON.stringify(payload)).not.toContain('Key under the mat');
  expect((await adminSocket.next())[0]).toBe('stats:changed');
});
