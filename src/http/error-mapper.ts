// The one error mapper: every failure leaves as {"error": "..."} with the right status.
import type { Logger } from '../log';
import { HttpError } from './errors';
import type { Frontend } from './frontend';

interface ErrorContext {
  code: string | number;
  error: unknown;
  request: Request;
  path: string;
  /** headers already decided for this response (security headers, CORS) */
  set: { headers: Record<string, unknown> };
  frontend: Frontend;
}

export function mapError(log: Logger, ctx: ErrorContext): Response {
  const { code, error, request, path } = ctx;
  const json = (status: number, body: unknown, extra: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { ...stringHeaders(ctx.set.headers), 'content-type': 'application/json; charset=utf-8', ...extra },
    });
  if (error instanceof HttpError) return json(error.status, error.body, error.headers);
  switch (code) {
    case 'NOT_FOUND': {
      const page = path.startsWith('/api') ? null : ctx.frontend.respond(request);
      if (!page) return json(404, { error: 'Not found' });
      for (const [name, value] of Object.entries(stringHeaders(ctx.set.headers))) page.headers.set(name, value);
      return page;
    }
    case 'VALIDATION':
      return json(400, { error: validationMessage(error) });
    case 'PARSE':
      return json(400, { error: 'Request body is not valid JSON' });
    case 'INVALID_COOKIE_SIGNATURE':
      return json(400, { error: 'Invalid cookie' });
  }
  const status = (error as { status?: number })?.status;
  if (status === 413) return json(413, { error: 'Request body is too large' });
  if (isDatabaseUnavailable(error)) {
    log.warn('database unavailable', { method: request.method, path, error: String((error as Error)?.message) });
    return json(503, { error: 'Service unavailable' });
  }
  log.error('unhandled error', { method: request.method, path, code, error });
  return json(500, { error: 'Internal server error' });
}

const stringHeaders = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** A readable sentence naming the field that failed TypeBox validation. */
function validationMessage(error: unknown): string {
  const first = (error as { all?: { path?: string; summary?: string; message?: string }[] })?.all?.[0];
  if (!first) return 'Invalid request';
  const field = (first.path ?? '').replace(/^\//, '').replace(/\//g, '.');
  const what = first.summary ?? first.message ?? 'is invalid';
  return field ? `Invalid ${field}: ${what}` : `Invalid request: ${what}`;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P03']);

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return typeof code === 'string' && UNAVAILABLE_CODES.has(code);
}
