import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// Runs in child processes: a V8 flag set here would change the heap of the test worker itself.
const compiled = join(__dirname, '../../../dist/libs/runtime/src/heap-growth.js');

/** Largest heap a churn of objects that outlive young collections reaches over ~40 MiB of live data, in MiB. */
function peakHeapMiB(percent: number): number {
  const script = `
    require(${JSON.stringify(compiled)}).limitHeapGrowth(${percent});
    const live = Array.from({ length: 40 }, () => Array.from({ length: 16384 }, (_, i) => ({ i })));
    let peak = 0, ring = new Array(300000);
    for (let n = 0; n < 6000000; n++) {
      ring[n % ring.length] = { n, text: 'x'.repeat(n % 64) };
      if (n % 10000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
    }
    process.stdout.write(String(Math.round(peak / 1048576) + live.length * 0));`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe('limitHeapGrowth', () => {
  it('keeps the heap closer to its live data than V8 left alone', () => {
    const bounded = peakHeapMiB(10);
    const adaptive = peakHeapMiB(0);
    // Measured: about 175 MiB bounded at 10%, 415 MiB adaptive.
    expect(bounded).toBeLessThan(adaptive * 0.75);
  });
});
