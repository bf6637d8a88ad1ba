// createApp(deps): the whole HTTP surface as an Elysia app, without listening (tests use handle()).
import { Elysia } from 'elysia';
import type { AppDeps } from './deps';
import { mapError } from './http/error-mapper';
import { createFrontend } from './http/frontend';
import { describeRoutes, openApiDocs } from './http/openapi';
import { securityPlugin } from './http/security';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { automationRoutes } from './routes/automation';
import { bookingRoutes } from './routes/bookings';
import { businessServiceRoutes } from './routes/business-services';
import { clientBookingRoutes } from './routes/client-bookings';
import { clientRoutes } from './routes/clients';
import { financeRoutes } from './routes/finance';
import { healthRoutes } from './routes/health';
import { invoiceRoutes } from './routes/invoices';
import { jobRoutes } from './routes/jobs';
import { messageRoutes } from './routes/messages';
import { paymentRoutes } from './routes/payments';
import { serviceRoutes } from './routes/services';
import { settingsRoutes } from './routes/settings';
import { staffRoutes } from './routes/staff';
import { statsRoutes } from './routes/stats';
import { supportRoutes } from './routes/support';

export function createApp(deps: AppDeps) {
  const frontend = createFrontend(deps.config.webDistDir);
  const app = new Elysia()
    .onError(({ code, error, request, path, set }) => mapError(deps.log, { code, error, request, path, set, frontend }))
    .use(securityPlugin(deps.config, deps.tokens))
    .use(healthRoutes(deps))
    .use(authRoutes(deps))
    .use(adminRoutes(deps))
    .use(settingsRoutes(deps))
    .use(staffRoutes(deps))
    .use(clientBookingRoutes(deps))
    .use(bookingRoutes(deps))
    .use(jobRoutes(deps))
    .use(clientRoutes(deps))
    .use(serviceRoutes(deps))
    .use(businessServiceRoutes(deps))
    .use(automationRoutes(deps))
    .use(messageRoutes(deps))
    .use(statsRoutes(deps))
    .use(supportRoutes(deps))
    .use(invoiceRoutes(deps))
    .use(financeRoutes(deps))
    .use(paymentRoutes(deps))
    .use(openApiDocs());
  describeRoutes(app.routes);
  return app;
}

export type App = ReturnType<typeof createApp>;
