// `bun bench/serve.ts [--dataset busy] [--from busy] [--port 18787] [--pg-port 54339] [--data-dir .data/bench]`:
// the API as a real process (src/server.ts) for benchmarking, on its own embedded PostgreSQL (data in .data/bench,
// kept between runs, one database per dataset), with rate limits out of the way and LOG_LEVEL=warn.
// --from copies a loaded dataset into --dataset first (dropping it), so write benchmarks can run on a
// throwaway copy; --fresh drops it instead (a new load). --profile writes the server's CPU profile
// (markdown) to bench/results/ when it stops. Ctrl-C / SIGTERM stops the server and PostgreSQL.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { startEmbeddedPostgres } from '../src/db/embedded';

const { values: args } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'busy' },
    from: { type: 'string' },
    port: { type: 'string', default: '18787' },
    'pg-port': { type: 'string', default: '54339' },
    // one PostgreSQL per data directory: a second dataset served at the same time needs its own
    'data-dir': { type: 'string', default: '.data/bench' },
    profile: { type: 'boolean', default: false },
    // drop --dataset first: an empty database, migrated and seeded, for a fresh generate.ts load
    fresh: { type: 'boolean', default: false },
  },
});
for (const name of [args.dataset!, args.from ?? 'x']) {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error('--dataset and --from must be simple lower-case names');
}

const ROOT = join(import.meta.dir, '..');
const pg = await startEmbeddedPostgres({ dataDir: join(ROOT, args['data-dir']!), port: Number(args['pg-port']), persistent: true });
if (args.from || args.fresh) {
  const admin = postgres(pg.url('postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${args.dataset}" WITH (FORCE)`);
  if (args.from) await admin.unsafe(`CREATE DATABASE "${args.dataset}" TEMPLATE "${args.from}"`);
  await admin.end();
  console.log(args.from ? `copied dataset ${args.from} into ${args.dataset}` : `dropped dataset ${args.dataset}`);
}
await pg.createDatabase(args.dataset!);

// the benchmark's own secret: tokens from here are worthless anywhere else
// --profile: a CPU profile of the server (markdown, bench/results/) written when it stops
const profile = args.profile ? ['--cpu-prof-md', `--cpu-prof-dir=${join(ROOT, 'bench', 'results')}`] : [];
const server = Bun.spawn(['bun', ...profile, join(ROOT, 'src', 'server.ts')], {
  env: {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    TZ: 'UTC',
    NODE_ENV: 'production',
    PORT: args.port!,
    DATABASE_URL: pg.url(args.dataset!),
    JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789abcdef',
    STRIPE_SECRET_KEY: 'sk_test_bench_placeholder',
    STRIPE_WEBHOOK_SECRET: 'whsec_bench_placeholder',
    FRONTEND_BASE_URL: 'http://localhost:5173',
    EMAIL_PROVIDER: 'log',
    GEOCODER: 'off',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_LOGIN_PER_MIN: '100000000',
    RATE_LIMIT_PUBLIC_PER_MIN: '100000000',
    // LIST_CACHE_MAX_BYTES=0 measures the lists as built on every request (no list cache)
    ...(process.env.LIST_CACHE_MAX_BYTES ? { LIST_CACHE_MAX_BYTES: process.env.LIST_CACHE_MAX_BYTES } : {}),
  },
  stdout: 'inherit',
  stderr: 'inherit',
});
console.log(`bench server pid ${server.pid} on http://127.0.0.1:${args.port} (dataset ${args.dataset}, PostgreSQL ${pg.url(args.dataset!)})`);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) server.kill('SIGTERM');
  await server.exited;
  await pg.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
void server.exited.then((code) => stop(code ?? 1));
