// createApp(deps): the whole HTTP surface as an Elysia app, without listening (tests use handle()).
import { Elysia } from 'elysia';
import type { AppDeps } from './deps';
import { mapError } from './http/error-mapper';
import { authRoutes } from './routes/auth';
import { financeRoutes } from './routes/finance';
import { healthRoutes } from './routes/health';
import { invoiceRoutes } from './routes/invoices';

export function createApp(deps: AppDeps) {
  return new Elysia()
    .onError(({ code, error, request, path }) => mapError(deps.log, { code, error, request, path }))
    .use(healthRoutes(deps))
    .use(authRoutes(deps))
    .use(invoiceRoutes(deps))
    .use(financeRoutes(deps));
}

export type App = ReturnType<typeof createApp>;
