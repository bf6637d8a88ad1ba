// createApp(deps): the whole HTTP surface as an Elysia app, without listening (tests use handle()).
import { Elysia } from 'elysia';
import type { AppDeps } from './deps';
import { mapError } from './http/error-mapper';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { paymentRoutes } from './routes/payments';

export function createApp(deps: AppDeps) {
  return new Elysia()
    .onError(({ code, error, request, path }) => mapError(deps.log, { code, error, request, path }))
    .use(healthRoutes(deps))
    .use(authRoutes(deps))
    .use(paymentRoutes(deps));
}

export type App = ReturnType<typeof createApp>;
