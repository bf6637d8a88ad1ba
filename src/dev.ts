// `bun run dev`: the service on a local embedded PostgreSQL (data under .data/, kept between runs)
// with the demo seed. Uses DATABASE_URL instead when one is set.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded';
import { startServer } from './server';

const ROOT = join(import.meta.dir, '..');
const ENV_FILE = join(ROOT, '.env.dev');
const DEV_PG_PORT = Number(process.env.DEV_PG_PORT ?? 54329);

function ensureDevEnvFile(): Record<string, string> {
  if (!existsSync(ENV_FILE)) {
    writeFileSync(
      ENV_FILE,
      [
        '# Written by `bun run dev` on first run, for local development only (git-ignored).',
        '# JWT_SECRET signs login tokens: random per machine, so tokens from elsewhere do not verify.',
        `JWT_SECRET=${randomBytes(32).toString('hex')}`,
        '# Stripe test-mode placeholders: replace with your sk_test_ key and the whsec_ secret',
        '# printed by `stripe listen` to take real test payments (see README).',
        'STRIPE_SECRET_KEY=sk_test_placeholder_replace_me',
        'STRIPE_WEBHOOK_SECRET=whsec_placeholder_replace_me',
        '',
      ].join('\n'),
    );
    console.log(`created ${ENV_FILE} with a random JWT_SECRET and Stripe test placeholders`);
  }
  const env: Record<string, string> = {};
  for (const line of readFileSync(ENV_FILE, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

let embedded: EmbeddedServer | null = null;
const env: Record<string, string | undefined> = { ...ensureDevEnvFile(), ...process.env };
if (!env.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data', 'pg'), port: DEV_PG_PORT, persistent: true });
  await embedded.createDatabase('pawtimation');
  env.DATABASE_URL = embedded.url('pawtimation');
  console.log(`embedded PostgreSQL on 127.0.0.1:${DEV_PG_PORT}, data in .data/pg`);
}
env.GEOCODER ??= 'off';

try {
  const running = await startServer(loadConfig(env));
  const shutdown = async () => {
    await running.stop();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : `startup failed: ${e instanceof Error ? e.message : e}`);
  await embedded?.stop();
  process.exit(1);
}
