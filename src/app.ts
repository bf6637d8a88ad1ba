// createApp(deps): the whole HTTP surface as an Elysia app, without listening (tests use handle()).
import { Elysia } from 'elysia';
import type { AppDeps } from './deps';
import { mapError } from './http/error-mapper';
import { authRoutes } from './routes/auth';
import { bookingRoutes } from './routes/bookings';
import { clientBookingRoutes } from './routes/client-bookings';
import { healthRoutes } from './routes/health';
import { jobRoutes } from './routes/jobs';

export function createApp(deps: AppDeps) {
  return new Elysia()
    .onError(({ code, error, request, path }) => mapError(deps.log, { code, error, request, path }))
    .use(healthRoutes(deps))
    .use(authRoutes(deps))
    .use(clientBookingRoutes(deps))
    .use(bookingRoutes(deps))
    .use(jobRoutes(deps));
}

export type App = ReturnType<typeof createApp>;
