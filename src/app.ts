// createApp(deps): the whole HTTP surface as an Elysia app, without listening (tests use handle()).
import { Elysia } from 'elysia';
import type { AppDeps } from './deps';
import { mapError } from './http/error-mapper';
import { securityPlugin } from './http/security';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { settingsRoutes } from './routes/settings';
import { staffRoutes } from './routes/staff';

export function createApp(deps: AppDeps) {
  return new Elysia()
    .onError(({ code, error, request, path, set }) => mapError(deps.log, { code, error, request, path, set }))
    .use(securityPlugin(deps.config, deps.tokens))
    .use(healthRoutes(deps))
    .use(authRoutes(deps))
    .use(adminRoutes(deps))
    .use(settingsRoutes(deps))
    .use(staffRoutes(deps));
}

export type App = ReturnType<typeof createApp>;
