// Cross-cutting protection for every route: CORS allow-list, refusal of cross-origin state
// changes (the login cookie authenticates), security headers, body size, rate limits.
import { cors } from '@elysiajs/cors';
import { Elysia } from 'elysia';
import { rateLimit } from 'elysia-rate-limit';
import { readToken, type TokenService } from '../auth/tokens';
import type { Config } from '../config';
import { clientIp } from './client-ip';

export const MAX_BODY_BYTES = 1024 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// The unauthenticated budget covers the API and the pay links. Never throttled: the load
// balancer's probe (/health), the web app's files, Stripe's signed and retried webhook
// deliveries, and socket.io's long polling (which never reaches this app).
const PUBLIC_BUDGET = /^\/(api|pay)\//;
const UNTHROTTLED = /^\/api\/webhooks\/stripe$/;
const LOGIN_PATHS = new Set(['/api/auth/login', '/api/auth/register']);

export function allowedOrigins(config: Pick<Config, 'frontendBaseUrl' | 'corsOrigins' | 'publicBaseUrl'>): Set<string> {
  return new Set([config.frontendBaseUrl, config.publicBaseUrl, ...config.corsOrigins].map((u) => new URL(u).origin));
}

export function securityHeaders(production: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}


const tooManyRequests = () =>
  new Response(JSON.stringify({ error: 'Too many requests' }), {
    status: 429,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

export function securityPlugin(config: Readonly<Config>, tokens: TokenService) {
  const origins = allowedOrigins(config);
  const headers = securityHeaders(config.production);
  const pathOf = (request: Request) => new URL(request.url).pathname;
  const keyOf = (request: Request) => clientIp(request, config.trustProxy);
  const unthrottled = (request: Request) => {
    const path = pathOf(request);
    return !PUBLIC_BUDGET.test(path) || UNTHROTTLED.test(path);
  };
  // a made-up Authorization header must not buy a way around the public budget
  const authenticated = async (request: Request) => (await tokens.verify(readToken(request.headers))) !== null;

  return (
    new Elysia({ name: 'security' })
      .use(
        cors({
          origin: (request) => origins.has(request.headers.get('origin') ?? ''),
          credentials: true,
          methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
        }),
      )
      .onRequest(({ request, set }) => {
        Object.assign(set.headers, headers);
        const origin = request.headers.get('origin');
        if (!SAFE_METHODS.has(request.method) && origin && !origins.has(origin) && origin !== new URL(request.url).origin) {
          set.status = 403;
          return { error: 'forbidden: origin not allowed' };
        }
        const length = Number(request.headers.get('content-length') ?? 0);
        if (length > MAX_BODY_BYTES) {
          set.status = 413;
          return { error: 'Request body is too large' };
        }
      })
      // failed logins must count: that is what the limit is for
      .use(
        rateLimit({
          max: () => config.rateLimitLoginPerMin,
          duration: 60_000,
          generator: keyOf,
          skip: (request) => !LOGIN_PATHS.has(pathOf(request)),
          countFailedRequest: true,
          errorResponse: tooManyRequests(),
        }),
      )
      .use(
        rateLimit({
          max: () => config.rateLimitPublicPerMin,
          duration: 60_000,
          generator: keyOf,
          skip: async (request) => unthrottled(request) || (await authenticated(request)),
          countFailedRequest: true,
          errorResponse: tooManyRequests(),
        }),
      )
  );
}
