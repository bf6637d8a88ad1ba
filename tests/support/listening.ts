// The server in-process on a real listener (HTTP and socket.io on one free port), with its deps,
// so a test can emit through deps.realtime and watch what real socket.io clients receive.
import { connect, type Db } from '../../src/db/client';
import { freePort } from '../../src/db/embedded';
import type { AppDeps } from '../../src/deps';
import { createLogger } from '../../src/log';
import { serve } from '../../src/server';
import { testConfig } from './config';
import { seededDatabaseUrl } from './postgres';

export interface ListeningApp {
  base: string;
  /** the database URL (share it with a second instance) */
  url: string;
  db: Db;
  deps: AppDeps;
  stop(): Promise<void>;
}

/** a listening server on the given migrated database, or on a fresh seeded one */
export async function startListeningApp(databaseUrl?: string): Promise<ListeningApp> {
  const url = databaseUrl ?? (await seededDatabaseUrl());
  const config = testConfig(url, { PORT: String(await freePort()) });
  const db = connect(url);
  const running = await serve(config, db, createLogger(config.logLevel));
  return { base: `http://127.0.0.1:${running.port}`, url, db, deps: running.deps, stop: running.stop };
}
