// The legacy transcripts must keep passing at least as many steps as tests/contract-baseline.json
// records. Raise the baseline as areas land; never lower it.
import { expect, test } from 'bun:test';
import baseline from './contract-baseline.json';
import { runContract } from '../scripts/contract';

test('legacy contract: no fewer passing steps than the baseline', async () => {
  const result = await runContract();
  console.log(`contract: ${result.passed} passed, ${result.failed} failed (baseline ${baseline.passed})`);
  expect(result.passed).toBeGreaterThanOrEqual(baseline.passed);
}, 180_000);
