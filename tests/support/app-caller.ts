// t.call's counterpart for another app instance (a second instance on the same database, or the
// same deps with another list cache): JSON in, status, parsed body and raw text out.
import type { createApp } from '../../src/app';

export type Call = (method: string, path: string, opts: { token: string; body?: unknown }) => Promise<{ status: number; body: any; text: string }>;

export const callerOf = (app: ReturnType<typeof createApp>): Call => async (method, path, { token, body }) => {
  const res = await app.handle(new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }));
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), text };
};
