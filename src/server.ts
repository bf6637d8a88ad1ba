// Process entry: config -> migrate -> seed if empty -> listen and send queued email; SIGTERM/SIGINT
// drain and exit 0.
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { connect } from './db/client';
import { migrate } from './db/migrate';
import { seedIfEmpty } from './db/seed';
import { buildDeps } from './deps';
import { createLogger } from './log';
import { createEmailWorker } from './services/email';

export interface RunningServer {
  port: number;
  stop(): Promise<void>;
}

export async function startServer(config: Readonly<Config>): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  await migrate(config.databaseUrl);
  const db = connect(config.databaseUrl);
  if (await seedIfEmpty(db)) log.info('demo data seeded into an empty database');
  const deps = buildDeps(config, db, log);
  const app = createApp(deps);
  const server = Bun.serve({ port: config.port, hostname: '0.0.0.0', fetch: (req) => app.handle(req) });
  log.info('listening', { port: server.port });
  const emailWorker = createEmailWorker(db, deps.email, log);
  emailWorker.start();

  let stopping: Promise<void> | null = null;
  return {
    port: server.port!,
    stop: () =>
      (stopping ??= (async () => {
        log.info('shutting down: draining in-flight requests');
        await server.stop(false);
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
