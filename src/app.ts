// createApp(deps): the whole HTTP surface as an Elysia app, without listening (tests use handle()).
import { Elysia } from 'elysia';
import type { AppDeps } from './deps';
import { mapError } from './http/error-mapper';
import { authRoutes } from './routes/auth';
import { automationRoutes } from './routes/automation';
import { businessServiceRoutes } from './routes/business-services';
import { clientRoutes } from './routes/clients';
import { healthRoutes } from './routes/health';
import { messageRoutes } from './routes/messages';
import { serviceRoutes } from './routes/services';
import { statsRoutes } from './routes/stats';
import { supportRoutes } from './routes/support';

export function createApp(deps: AppDeps) {
  return new Elysia()
    .onError(({ code, error, request, path }) => mapError(deps.log, { code, error, request, path }))
    .use(healthRoutes(deps))
    .use(authRoutes(deps))
    .use(clientRoutes(deps))
    .use(serviceRoutes(deps))
    .use(businessServiceRoutes(deps))
    .use(automationRoutes(deps))
    .use(messageRoutes(deps))
    .use(statsRoutes(deps))
    .use(supportRoutes(deps));
}

export type App = ReturnType<typeof createApp>;
