// A real server process (bun src/server.ts), for restart, signal and contract tests.
import { join } from 'node:path';
import { freePort } from '../../src/db/embedded';
import { testEnv } from './config';

export const SERVER_ENTRY = join(import.meta.dir, '..', '..', 'src', 'server.ts');

export interface ServerProcess {
  port: number;
  base: string;
  proc: ReturnType<typeof Bun.spawn>;
  output(): string;
  /** SIGTERM and wait for exit; resolves to the exit code */
  stop(signal?: NodeJS.Signals): Promise<number>;
}

export async function startServerProcess(databaseUrl: string, overrides: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  let out = '';
  const proc = Bun.spawn(['bun', SERVER_ENTRY], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...testEnv(databaseUrl, { PORT: String(port), ...overrides }) },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const collect = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream) out += new TextDecoder().decode(chunk);
  };
  void collect(proc.stdout as ReadableStream<Uint8Array>);
  void collect(proc.stderr as ReadableStream<Uint8Array>);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode} before listening:\n${out}`);
    const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server did not become healthy in 30 s:\n${out}`);
    }
    await Bun.sleep(50);
  }
  return {
    port,
    base,
    proc,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null) proc.kill(signal);
      return proc.exited;
    },
  };
}
