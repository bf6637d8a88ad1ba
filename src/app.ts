// createApp(deps): the whole HTTP surface as an Elysia app, without listening (tests use handle()).
import { Elysia } from 'elysia';
import type { AppDeps } from './deps';
import { mapError } from './http/error-mapper';
import { securityPlugin } from './http/security';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';

export function createApp(deps: AppDeps) {
  return new Elysia()
    .onError(({ code, error, request, path, set }) => mapError(deps.log, { code, error, request, path, set }))
    .use(securityPlugin(deps.config, deps.tokens))
    .use(healthRoutes(deps))
    .use(authRoutes(deps));
}

export type App = ReturnType<typeof createApp>;
