// Poll-cycle wall time with three providers answering after 50, 200 and 800 ms on 127.0.0.1, as a
// ratio to the slowest one polled alone. Target ≤ 1.05: providers are polled in parallel, so the
// cycle takes as long as its slowest member (polled one after another it would be ~1.31).
// Run: npx tsx bench/parallel-poll.bench.ts [rounds, default 10]   (last line: `RESULT {json}`)
import { performance } from 'node:perf_hooks';
import { SystemClock } from '../adapters/system-clock';
import { createPoller } from '../core/poller';
import { atMost, info, median, report } from './figures';
import { startBenchServer, type BenchKind } from './loopback-providers';

const ROUNDS = Math.max(1, Number(process.argv[2] ?? 10));
const LATENCY: Partial<Record<BenchKind, number>> = { 'openrouter-capped': 50, codex: 200, claude: 800 };
const KINDS = Object.keys(LATENCY) as BenchKind[];
const SLOWEST: BenchKind = 'claude';

async function main(): Promise<void> {
  const bench = await startBenchServer(LATENCY);
  const clock = new SystemClock({ unref: true });
  const all = createPoller({ providers: KINDS.map((k) => bench.provider(k)), clock, scheduler: clock });
  const alone = createPoller({ providers: [bench.provider(SLOWEST)], clock, scheduler: clock });
  const timed = async (run: () => Promise<void>) => {
    const t0 = performance.now();
    await run();
    return performance.now() - t0;
  };
  const cycles: number[] = [];
  const slowest: number[] = [];
  const ratios: number[] = [];
  try {
    // One untimed round each opens the keep-alive connections, as a running app has them.
    await all.refreshNow();
    await alone.refreshNow();
    for (let i = 0; i < ROUNDS; i++) {
      const s = await timed(() => alone.refreshNow());
      const c = await timed(() => all.refreshNow());
      slowest.push(s);
      cycles.push(c);
      ratios.push(c / s);
      console.log(`round ${String(i + 1).padStart(2)}: cycle ${c.toFixed(1)} ms, slowest alone ${s.toFixed(1)} ms, ratio ${(c / s).toFixed(3)}`);
    }
    const failed = all.view().snapshots.filter((s) => s.status !== 'ok');
    if (failed.length) throw new Error(`polls failed: ${JSON.stringify(failed.map((s) => [s.providerId, s.error]))}`);
  } finally {
    all.stop();
    alone.stop();
    await bench.close();
  }
  report(
    [
      atMost('poll cycle / slowest provider alone (median)', median(ratios), '×', 1.05),
      info('poll cycle, three providers (median)', median(cycles), 'ms'),
      info('slowest provider polled alone (median)', median(slowest), 'ms'),
      info('sum of the three latencies (a sequential cycle)', KINDS.reduce((t, k) => t + (LATENCY[k] ?? 0), 0), 'ms'),
    ],
    { rounds: ROUNDS, latencyMs: LATENCY, cyclesMs: cycles.map(Math.round), ratios: ratios.map((r) => Math.round(r * 1000) / 1000) },
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
