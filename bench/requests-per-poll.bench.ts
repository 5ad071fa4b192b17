// Requests per poll, counted at a fake provider server on 127.0.0.1, for each provider and kind of
// OpenRouter key. Targets: capped OpenRouter key 1, uncapped 2, Codex 1, Claude 1.
// Run: npx tsx bench/requests-per-poll.bench.ts   (last line: `RESULT {json}` for bench/run-all.ts)
import { SystemClock } from '../adapters/system-clock';
import { createPoller } from '../core/poller';
import { exactly, report, type Figure } from './figures';
import { startBenchServer, type BenchKind } from './loopback-providers';

const POLLS = 20;
const CASES: Array<{ kind: BenchKind; name: string; target: number }> = [
  { kind: 'openrouter-capped', name: 'OpenRouter, capped key', target: 1 },
  { kind: 'openrouter-uncapped', name: 'OpenRouter, uncapped key', target: 2 },
  { kind: 'codex', name: 'Codex', target: 1 },
  { kind: 'claude', name: 'Claude', target: 1 },
];

async function main(): Promise<void> {
  const bench = await startBenchServer();
  const figures: Figure[] = [];
  const paths: Record<string, Record<string, number>> = {};
  try {
    for (const c of CASES) {
      const clock = new SystemClock({ unref: true });
      const poller = createPoller({ providers: [bench.provider(c.kind)], clock, scheduler: clock });
      // Each refresh is one poll of the one provider, through the same pipeline as the tray app.
      for (let i = 0; i < POLLS; i++) await poller.refreshNow();
      poller.stop();
      const snap = poller.view().snapshots[0]!;
      if (snap.status !== 'ok') throw new Error(`${c.name}: the poll failed: ${JSON.stringify(snap.error)}`);
      const sent = bench.requests(c.kind);
      paths[c.name] = {};
      for (const p of sent) {
        const route = p.slice(c.kind.length + 1);
        paths[c.name]![route] = (paths[c.name]![route] ?? 0) + 1;
      }
      figures.push(exactly(`requests per poll: ${c.name}`, sent.length / POLLS, 'requests', c.target));
    }
  } finally {
    await bench.close();
  }
  console.log(`${POLLS} polls per provider; requests by path:`);
  for (const [name, byPath] of Object.entries(paths)) console.log(`  ${name.padEnd(26)} ${JSON.stringify(byPath)}`);
  report(figures, { polls: POLLS, paths });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
