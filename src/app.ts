// createApp(deps): the whole HTTP surface as an Elysia app, without listening (tests use handle()).
import type { AppDeps } from './deps';
import { mapError } from './http/error-mapper';
import { securityPlugin } from './http/security';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { bookingRoutes } from './routes/bookings';
import { clientBookingRoutes } from './routes/client-bookings';
import { healthRoutes } from './routes/health';
import { jobRoutes } from './routes/jobs';
import { settingsRoutes } from './routes/settings';
import { staffRoutes } from './routes/staff';
import { Elysia } from 'elysia';

export function createApp(deps: AppDeps) {
  return new Elysia()
    .onError(({ code, error, request, path, set }) => mapError(deps.log, { code, error, request, path, set }))
    .use(securityPlugin(deps.config, deps.tokens))
    .use(healthRoutes(deps))
    .use(authRoutes(deps))
    .use(adminRoutes(deps))
    .use(settingsRoutes(deps))
    .use(staffRoutes(deps))
    .use(clientBookingRoutes(deps))
    .use(bookingRoutes(deps))
    .use(jobRoutes(deps));
}

export type App = ReturnType<typeof createApp>;
