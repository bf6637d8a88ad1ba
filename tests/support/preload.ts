// bun test preload: UTC like production, quiet logs, and one database server for the whole run.
import { afterAll } from 'bun:test';
import { stopCluster } from './postgres';

process.env.TZ = 'UTC';
afterAll(stopCluster);
