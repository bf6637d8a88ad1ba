// Process entry: config -> migrate -> seed if empty -> listen and send queued email; SIGTERM/SIGINT
// drain and exit 0.
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { connect, type Db } from './db/client';
import { migrate } from './db/migrate';
import { seedIfEmpty } from './db/seed';
import { buildDeps, type AppDeps } from './deps';
import { rememberClientIp } from './http/client-ip';
import { MAX_BODY_BYTES } from './http/security';
import { createLogger, type Logger } from './log';
import { startRealtimeServer } from './services/realtime/socket-server';
import { createEmailWorker, storedDocumentAttachments } from './services/email';

export interface RunningServer {
  port: number;
  deps: AppDeps;
  stop(): Promise<void>;
}

export async function startServer(config: Readonly<Config>): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  await migrate(config.databaseUrl);
  const db = connect(config.databaseUrl);
  if (await seedIfEmpty(db)) log.info('demo data seeded into an empty database');
  return serve(config, db, log);
}

/** The HTTP app and socket.io on one Bun listener over a migrated database; stop() drains and closes db. */
export async function serve(config: Readonly<Config>, db: Db, log: Logger): Promise<RunningServer> {
  const realtime = await startRealtimeServer(config, db, log);
  const deps = buildDeps(config, db, log, realtime);
  const app = createApp(deps);
  const server = Bun.serve({
    port: config.port,
    hostname: '0.0.0.0',
    ...realtime.serveOptions,
    maxRequestBodySize: MAX_BODY_BYTES,
    // socket.io never reaches the Elysia app (nor its rate limits)
    fetch: (req, srv) => {
      if (realtime.owns(req)) return realtime.handle(req, srv);
      rememberClientIp(req, srv);
      return app.handle(req);
    },
  });
  log.info('listening', { port: server.port });
  const emailWorker = createEmailWorker(db, deps.email, storedDocumentAttachments(db.q), log);
  emailWorker.start();

  let stopping: Promise<void> | null = null;
  return {
    port: server.port!,
    deps,
    stop: () =>
      (stopping ??= (async () => {
        log.info('shutting down: draining in-flight requests');
        // open sockets would hold the drain; requests still draining may emit to other instances
        await Promise.all([server.stop(false), realtime.disconnectAll()]);
        await realtime.close();
        // mail still queued stays in the outbox for the next start
        await emailWorker.stop();
        await db.close();
        log.info('stopped');
      })()),
  };
}

if (import.meta.main) {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const running = await startServer(config).catch((e) => {
    console.error(`startup failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      running.stop().then(() => process.exit(0));
    });
  }
}
