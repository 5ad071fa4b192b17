// Memory of the poller process before and after 10,000 simulated polls of the three real providers
// (in-memory HTTP, a fake clock advanced two minutes per step). Target: RSS and heap grow ≤ 5 %.
// Run: node --expose-gc --import tsx bench/poller-memory.bench.ts [polls, default 10000]
import { buildAllProviders, resolveConfig } from '../adapters/compose';
import { MemorySecretStore } from '../adapters/memory-secret-store';
import type { Result } from '../core/errors';
import type { PollerView } from '../core/model';
import { createPoller } from '../core/poller';
import type { HttpClient, HttpRequest, HttpResponse } from '../core/ports';
import { fixture } from '../test/core/providers/load-fixture';
import { FakeClock } from '../test/support/fake-clock';
import { signedInFiles } from '../test/support/loopback-providers';
import { atMost, info, report } from './figures';

const POLLS = Math.max(1, Number(process.argv[2] ?? 10_000));
const WARMUP = 3_000;
const INTERVAL = 120_000;
const MB = 1024 * 1024;

type Obj = Record<string, unknown>;
const capped = fixture<{ data: Obj }>('openrouter', 'key-capped-weekly').data;
const codex = fixture<{ rate_limit: { primary_window: Obj; secondary_window: Obj } }>('codex', 'usage-plus-both-windows');
const claude = fixture<Obj>('claude', 'usage-max-plan');

/** Fresh bodies with changing values on every request, a 500 now and then and a rare 429, and no request log. */
class ChangingHttp implements HttpClient {
  polls = 0;
  async request(req: HttpRequest): Promise<Result<HttpResponse>> {
    const n = this.polls++;
    const json = (body: unknown): Result<HttpResponse> => ({ ok: true, value: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } });
    if (n % 97 === 0) return { ok: true, value: { status: 500, headers: {}, body: '{"error":"boom"}' } };
    if (n % 211 === 0) return { ok: true, value: { status: 429, headers: { 'retry-after': '30' }, body: '{}' } };
    const pct = n % 100;
    if (req.url.endsWith('/key')) return json({ data: { ...capped, limit_remaining: 20 - pct / 5 } });
    if (req.url.endsWith('/wham/usage')) {
      const rl = codex.rate_limit;
      return json({ ...codex, rate_limit: { ...rl, primary_window: { ...rl.primary_window, used_percent: pct }, secondary_window: { ...rl.secondary_window, used_percent: pct / 2 } } });
    }
    return json({ ...claude, five_hour: { utilization: pct, resets_at: new Date(Date.UTC(2026, 8, 20, 15) + n * 1000).toISOString() } });
  }
}

function collect(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage();
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) console.warn('warning: run with node --expose-gc for stable figures');
  const clock = new FakeClock();
  const http = new ChangingHttp();
  const home = '/home/bench';
  const files = signedInFiles(home, { accessToken: 'sk-ant-oat01-bench', scopes: ['user:profile'] });
  const deps = { secrets: new MemorySecretStore({ initial: { openrouter: 'sk-or-v1-bench-0000000000000000' } }), files, clock, httpFor: () => http };
  const providers = buildAllProviders(resolveConfig({}, 'linux', home), deps);
  const poller = createPoller({ providers, clock, scheduler: clock, intervalMs: INTERVAL });
  // As the tray app does: every view is pushed somewhere that keeps only the latest.
  let latest: PollerView | null = null;
  poller.subscribe((v) => (latest = v));

  const runUntil = async (polls: number) => {
    while (http.polls < polls) await clock.advance(INTERVAL);
  };
  poller.start();
  await runUntil(WARMUP);
  const before = collect();
  const t0 = performance.now();
  await runUntil(WARMUP + POLLS);
  const seconds = (performance.now() - t0) / 1000;
  const after = collect();
  poller.stop();
  if (!latest) throw new Error('the poller published nothing');
  const statuses = (latest as PollerView).snapshots.map((s) => `${s.providerId}:${s.status}`).join(' ');

  const growth = (a: number, b: number) => ((b - a) / a) * 100;
  const polled = http.polls - WARMUP;
  console.log(`${polled} polls in ${seconds.toFixed(1)} s of real time (${(polled / seconds).toFixed(0)} polls/s); last view: ${statuses}`);
  console.log(`heap used ${(before.heapUsed / MB).toFixed(1)} → ${(after.heapUsed / MB).toFixed(1)} MB, rss ${(before.rss / MB).toFixed(1)} → ${(after.rss / MB).toFixed(1)} MB`);
  report(
    [
      atMost(`heap growth over ${POLLS.toLocaleString('en-US')} polls`, growth(before.heapUsed, after.heapUsed), '%', 5),
      atMost(`RSS growth over ${POLLS.toLocaleString('en-US')} polls`, growth(before.rss, after.rss), '%', 5),
      info('heap used after', after.heapUsed / MB, 'MB'),
      info('RSS after', after.rss / MB, 'MB'),
    ],
    { polls: polled, gc: Boolean((globalThis as { gc?: unknown }).gc), before, after },
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
