// `bun run contract`: the server as a real process on a fresh, empty database (it migrates and
// seeds itself), then the legacy transcripts replayed against it by ../shared/tools/contract-check.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { emptyDatabase, stopCluster } from '../tests/support/postgres';
import { startServerProcess } from '../tests/support/server-process';

const SHARED = join(import.meta.dir, '..', '..', 'shared');
const CHECKER = join(SHARED, 'tools', 'contract-check.ts');
const TRANSCRIPTS = join(SHARED, 'legacy-api', 'transcripts');

export interface ContractResult {
  passed: number;
  failed: number;
  output: string;
}

export async function runContract(extraArgs: string[] = []): Promise<ContractResult> {
  if (!existsSync(CHECKER)) throw new Error(`contract checker not found at ${CHECKER} (is ../shared beside the repo?)`);
  const server = await startServerProcess(await emptyDatabase());
  try {
    const proc = Bun.spawn(['bun', CHECKER, '--base', server.base, '--dir', TRANSCRIPTS, ...extraArgs], {
      stdout: 'pipe',
      stderr: 'pipe',
      env: { ...process.env, TZ: 'UTC' },
    });
    const [out, err] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
    const output = out + err;
    const m = /^(\d+) passed, (\d+) failed$/m.exec(output);
    if (!m) throw new Error(`contract check printed no summary:\n${output}\nserver output:\n${server.output()}`);
    return { passed: Number(m[1]), failed: Number(m[2]), output };
  } finally {
    await server.stop();
  }
}

if (import.meta.main) {
  try {
    const result = await runContract(process.argv.slice(2));
    process.stdout.write(result.output);
    process.exitCode = result.failed === 0 ? 0 : 1;
  } finally {
    await stopCluster();
  }
}
