// The app's cost figures from real log files (the demo's, written to a temp folder): today's and the
// last 30 days' totals per source, the Cost window's page, exports equal to `quotabar cost --json`,
// and the worker thread giving the same ledger as an in-process read.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCostRunner } from '../../app/cost-runner';
import { createCostService } from '../../app/cost-service';
import { costJson } from '../../core/cost/format';
import { filterLedger, loadLedger } from '../../adapters/cost/ledger';
import { claudeDemoLog } from '../../core/providers/claude/demo';
import { codexDemoLogs } from '../../core/providers/codex/demo';
import { FakeClock } from '../support/fake-clock';

const clock = new FakeClock('2026-11-30T18:00:00Z');
let root = '';
let env: NodeJS.ProcessEnv = {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'quotabar-cost-app-'));
  const claude = join(root, 'claude');
  const codex = join(root, 'codex');
  for (const { dir, log } of [...codexDemoLogs(clock.now()).map((log) => ({ dir: codex, log })), { dir: claude, log: claudeDemoLog(clock.now()) }]) {
    await mkdir(dirname(join(dir, log.file)), { recursive: true });
    await writeFile(join(dir, log.file), log.text);
  }
  env = { CLAUDE_CONFIG_DIR: claude, CODEX_HOME: codex, TZ: 'UTC', QUOTABAR_CACHE_DIR: join(root, 'cache') };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const service = () => createCostService({ env, homedir: root, platform: 'linux', clock, worker: null, useCache: false });

describe('cost in the app', () => {
  it('sums today and the last 30 days per source, keeping the final copy of each streamed response', async () => {
    const s = await service().summary();
    expect(s.today).toBe('2026-11-30');
    const claude = s.sources.find((x) => x.source === 'claude')!;
    // Today: 24 responses, each logged twice (12, then 900 output tokens): the larger copy counts.
    expect(claude.today).toMatchObject({ inputTokens: 24 * 1800, outputTokens: 24 * 900, cacheCreationTokens: 24 * 4000, cacheReadTokens: 24 * 52_000 });
    expect(claude.today.costUsd).toBeGreaterThan(0);
    const codex = s.sources.find((x) => x.source === 'codex')!;
    // Today's session: 10 turns of cumulative totals, 9000 input (6000 of it cached) and 700 output per turn.
    expect(codex.today).toMatchObject({ inputTokens: 10 * 3000, cacheReadTokens: 10 * 6000, outputTokens: 10 * 700 });
    expect(claude.last30Days.totalTokens).toBeGreaterThan(claude.today.totalTokens);
  });

  it('gives the Cost window every one of the 30 days, the models and the projects', async () => {
    const p = await service().page();
    expect(p.from).toBe('2026-11-01');
    expect(p.days.map((d) => d.date)).toHaveLength(30);
    expect(p.days[29]!.bySource['claude']?.outputTokens).toBe(24 * 900);
    expect(p.models.map((m) => m.name).sort()).toEqual(['claude-sonnet-4-5-20250929', 'gpt-5-codex']);
    // Named by the folder Claude Code ran in (its lines' cwd), not the folder name it encodes it to.
    expect(p.projects.map((r) => [r.name, r.source])).toEqual([['/home/demo/quotabar', 'claude']]);
    expect(p.problem).toBeNull();
  });

  it('exports exactly what `quotabar cost --json` prints for those days', async () => {
    const r = await service().export('json');
    const { ledger } = await loadLedger({ env, homedir: root, platform: 'linux', useCache: false });
    expect(r).toEqual({ ok: true, fileName: 'quotabar-cost-2026-11-01-to-2026-11-30.json', text: costJson(filterLedger(ledger, { since: '2026-11-01', until: '2026-11-30', sources: null })) });
    const csv = await service().export('csv');
    expect(csv.ok && csv.text.split('\r\n')[0]).toBe('date,source,model,inputTokens,outputTokens,cacheCreationTokens,cacheReadTokens,totalTokens,costUsd');
  });

  it('reads the same ledger in a worker thread as in-process', async () => {
    const file = fileURLToPath(new URL('../../app/cost-worker.ts', import.meta.url));
    const load = { env, homedir: root, platform: 'linux', useCache: false };
    const inWorker = await createCostRunner({ load, worker: { file, tsx: true }, clock }).ledger(0);
    const inProcess = await createCostRunner({ load, worker: null, clock }).ledger(0);
    expect(inWorker.ok).toBe(true);
    expect(inWorker).toEqual(inProcess);
  });

  it('says so when the worker cannot run, and keeps the last good ledger', async () => {
    const load = { env, homedir: root, platform: 'linux', useCache: false };
    const broken = await createCostRunner({ load, worker: { file: join(root, 'missing-worker.cjs') }, clock }).ledger(0);
    expect(broken).toMatchObject({ ok: false, problem: expect.stringMatching(/^The agents' logs could not be read: /) });
  });
});
