// The History window's calls over a real SQLite file: what the charts get, their statistics, and the
// exports, which must be byte for byte what `quotabar history --csv|--json` prints for the same range.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyPath, SqliteHistoryStore } from '../../adapters/history/sqlite-history-store';
import type { HistorySample } from '../../core/ports';
import { HOUR, DAY } from '../../core/time';
import { createInvokeHandlers } from '../../app/handlers';
import { demoHistory, groupWindows, thin } from '../../app/history-view';
import { runHistory } from '../../cli/history';
import { parseArgs } from '../../cli/args';
import { FakeClock } from '../support/fake-clock';
import { makeHarness, type Harness } from '../support/app-harness';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
let dir: string;
let clock: FakeClock;
let store: SqliteHistoryStore;
let h: Harness;

const sample = (at: number, windowId: string, usedPercent: number | null, over: Partial<HistorySample> = {}): HistorySample => ({
  at,
  providerId: 'claude',
  accountLabel: null,
  windowId,
  usedPercent,
  used: null,
  limit: null,
  remaining: null,
  resetsAt: at + 5 * HOUR,
  source: 'claude:oauth/usage',
  ...over,
});

// Three hours of the 5-hour window, one reading 3 days ago, and a weekly window with a comma in its source.
const SEEDED = [
  sample(NOW - 3 * DAY, 'session', 90),
  sample(NOW - 3 * HOUR, 'session', 20),
  sample(NOW - 2 * HOUR, 'session', 35),
  sample(NOW - 1 * HOUR, 'session', 65),
  sample(NOW - 2 * HOUR, 'weekly', 12, { source: 'claude:oauth/usage,"cached"' }),
  sample(NOW - 2 * HOUR, 'key-limit', null, { providerId: 'openrouter', used: 7.5, limit: 20, remaining: 12.5 }),
];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quotabar-history-view-'));
  clock = new FakeClock(NOW);
  store = new SqliteHistoryStore({ path: historyPath(dir), clock, scheduler: clock });
  const r = await store.record(SEEDED);
  expect(r.ok).toBe(true);
  h = await makeHarness({ clock, history: store });
});

afterEach(async () => {
  await h.dispose();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const handlers = () =>
  createInvokeHandlers(h.services, { openSettings() {}, openHistory() {}, openCost() {}, hidePopover() {}, fitPopover() {}, openExternal() {}, quit() {} });
const EVERY = { providerId: null, accountLabel: null, windowId: null };

async function cliOutput(...args: string[]): Promise<string> {
  const parsed = parseArgs(['history', ...args]);
  if (!parsed.ok || parsed.command.cmd !== 'history') throw new Error('bad test arguments');
  let out = '';
  const io = { stdout: (s: string) => void (out += s), stderr: () => {}, readStdin: async () => null, env: { QUOTABAR_DATA_DIR: dir }, homedir: dir, platform: 'linux' };
  expect(await runHistory(parsed.command, io, clock)).toBe(0);
  return out;
}

describe('the History window over the stored samples', () => {
  it('shows one chart per window over the last 24 hours, with its minimum, maximum and average', async () => {
    const page = await handlers()['history:query']({ ...EVERY, range: '24h' });
    expect(page.problem).toBeNull();
    const session = page.windows.find((w) => w.windowId === 'session')!;
    expect(session.points).toEqual([
      { at: NOW - 3 * HOUR, usedPercent: 20 },
      { at: NOW - 2 * HOUR, usedPercent: 35 },
      { at: NOW - HOUR, usedPercent: 65 },
    ]);
    expect([session.min, session.max, session.average, session.samples]).toEqual([20, 65, 40, 3]);
    expect(page.windows.map((w) => `${w.providerId}/${w.windowId}`).sort()).toEqual(['claude/session', 'claude/weekly', 'openrouter/key-limit']);
    // A dollar window has no percentages to chart or average: it says so instead of inventing zeros.
    const dollars = page.windows.find((w) => w.windowId === 'key-limit')!;
    expect([dollars.points, dollars.min, dollars.max, dollars.average, dollars.samples]).toEqual([[], null, null, null, 1]);
  });

  it('takes in the older reading when the range grows to 7 days', async () => {
    const page = await handlers()['history:query']({ ...EVERY, range: '7d' });
    const session = page.windows.find((w) => w.windowId === 'session')!;
    expect([session.min, session.max, session.average, session.samples]).toEqual([20, 90, 52.5, 4]);
  });

  it('exports CSV exactly as `quotabar history --csv --since 24h` prints it', async () => {
    const r = await handlers()['history:export']({ ...EVERY, range: '24h', format: 'csv' });
    if (!r.ok) throw new Error(r.problem);
    expect(r.text).toBe(await cliOutput('--csv', '--since', '24h'));
    expect(r.text.split('\r\n')[0]).toBe('at,providerId,accountLabel,windowId,usedPercent,used,limit,remaining,resetsAt,source');
    expect(r.text).toContain('"claude:oauth/usage,""cached"""');
    expect([r.samples, r.fileName]).toEqual([5, 'quotabar-history-24h-2026-09-20.csv']);
  });

  it('exports JSON for all time exactly as `quotabar history --json` prints it', async () => {
    const r = await handlers()['history:export']({ ...EVERY, range: 'all', format: 'json' });
    if (!r.ok) throw new Error(r.problem);
    expect(r.text).toBe(await cliOutput('--json'));
    expect((JSON.parse(r.text) as { samples: unknown[] }).samples).toHaveLength(6);
  });

  it('refuses a range or format it does not know', async () => {
    await expect(handlers()['history:query']({ ...EVERY, range: '1y' as '24h' })).rejects.toThrow(/range must be 24h, 7d, 30d or all/);
    await expect(handlers()['history:export']({ ...EVERY, range: 'all', format: 'xml' as 'csv' })).rejects.toThrow(/format must be csv or json/);
  });
});

describe('without a history store', () => {
  it('says history is not kept rather than showing an empty chart', async () => {
    const bare = await makeHarness({ clock });
    const hs = createInvokeHandlers(bare.services, { openSettings() {}, openHistory() {}, openCost() {}, hidePopover() {}, fitPopover() {}, openExternal() {}, quit() {} });
    expect((await hs['history:query']({ ...EVERY, range: 'all' })).problem).toBe('History is not kept in this session.');
    expect(await hs['history:export']({ ...EVERY, range: 'all', format: 'csv' })).toEqual({ ok: false, problem: 'History is not kept in this session.' });
    await bare.dispose();
  });
});

describe('grouping and thinning', () => {
  it('keeps two accounts of one provider apart', () => {
    const g = groupWindows([sample(1, 'session', 10), sample(2, 'session', 50, { accountLabel: 'work' })]);
    expect(g.map((w) => [w.accountLabel, w.max])).toEqual([[null, 10], ['work', 50]]);
  });

  it('keeps each slice’s peak when a long series is thinned', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ at: i, usedPercent: i === 517 ? 99 : 1 }));
    const t = thin(points, 100);
    expect(t).toHaveLength(100);
    expect(t.some((p) => p.usedPercent === 99)).toBe(true);
  });
});

describe('demo history', () => {
  it('keeps the demo polls in a temporary folder of its own and removes it afterwards', async () => {
    const d = demoHistory(clock);
    expect(d.dir.startsWith(tmpdir())).toBe(true);
    expect((await d.store.record([sample(NOW, 'session', 83)])).ok).toBe(true);
    expect(await d.store.query({})).toMatchObject({ ok: true, value: [{ usedPercent: 83 }] });
    d.dispose();
    expect(existsSync(d.dir)).toBe(false);
  });
});
