// The ledger over real files in a temp folder: roots, appends, truncation, replacement, bad lines,
// and the cache (a warm run must print exactly what a cold run prints).
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLedger, type Ledger } from '../../../adapters/cost/ledger';
import { claudeLine, codexContext, codexTokens } from '../../core/cost/fixtures';

let home: string;
let env: Record<string, string | undefined>;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'quotabar-cost-'));
  env = { CLAUDE_CONFIG_DIR: join(home, 'claude'), CODEX_HOME: join(home, 'codex'), QUOTABAR_CACHE_DIR: join(home, 'cache'), TZ: 'UTC' };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const write = (rel: string, lines: string[], end = '\n'): string => {
  const path = join(home, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, lines.join('\n') + end);
  return path;
};
const run = (o: { useCache?: boolean; sources?: string[] } = {}) => loadLedger({ env, homedir: home, platform: 'linux', ...o });
const load = async (o: { useCache?: boolean; sources?: string[] } = {}): Promise<Ledger> => (await run(o)).ledger;
const outputs = (l: Ledger) => l.days.map((d) => [d.date, d.source, d.outputTokens]);
/**
 * A cold run (no cache) must equal the cached run, and a second cached run (nothing changed: the
 * summary's fast path, no file read) the first: checked on every load in these tests.
 */
async function both(): Promise<Ledger> {
  const warm = await load();
  const again = await run();
  expect(again.stats.filesRead).toBe(0);
  expect(again.ledger).toEqual(warm);
  const cold = await load({ useCache: false });
  expect(warm).toEqual(cold);
  return warm;
}

describe('Claude Code roots', () => {
  it('reads every comma-separated CLAUDE_CONFIG_DIR entry (a config folder or a projects folder), deduplicating across them', async () => {
    write('a/projects/p1/s1.jsonl', [claudeLine({ id: 'm1', req: 'r1', output: 5 })]);
    write('b/projects/p1/s1.jsonl', [claudeLine({ id: 'm1', req: 'r1', output: 5 }), claudeLine({ id: 'm2', req: 'r2', output: 7 })]);
    env.CLAUDE_CONFIG_DIR = `${join(home, 'a')}, ${join(home, 'b', 'projects')},${join(home, 'missing')}`;
    const l = await both();
    expect(outputs(l)).toEqual([['2026-11-30', 'claude', 12]]);
    expect(l.days[0]!.projects.map((p) => p.project)).toEqual(['p1']);
  });

  it('without CLAUDE_CONFIG_DIR reads both ~/.config/claude and ~/.claude', async () => {
    delete env.CLAUDE_CONFIG_DIR;
    write('.config/claude/projects/p/s.jsonl', [claudeLine({ id: 'm1', output: 1 })]);
    write('.claude/projects/p/deep/er/s.jsonl', [claudeLine({ id: 'm2', output: 2 })]);
    write('.claude/projects/p/notes.JSONL', [claudeLine({ id: 'm3', output: 4 })]);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 3]]);
  });
});

describe('reading files incrementally', () => {
  it('keeps the larger copy that appears in a later run, replacing the smaller one already cached', async () => {
    write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1 })]);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 1]]);
    write('claude/projects/p/b.jsonl', [claudeLine({ id: 'm1', output: 300 })]);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 300]]);
    appendFileSync(join(home, 'claude/projects/p/a.jsonl'), `${claudeLine({ id: 'm1', output: 400 })}\n`);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 400]]);
  });

  it('counts a last line without its newline now, and once only after it is completed and more is appended', async () => {
    const path = write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1 }), claudeLine({ id: 'm2', output: 2 })], '');
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 3]]);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 3]]);
    appendFileSync(path, `\n${claudeLine({ id: 'm3', output: 4 })}\n`);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 7]]);
  });

  it('does not lose a line written in two halves between runs', async () => {
    const line = claudeLine({ id: 'm9', output: 9 });
    const path = write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1 }), line.slice(0, 40)], '');
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 1]]);
    appendFileSync(path, `${line.slice(40)}\n`);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 10]]);
  });

  it('re-reads a truncated file from the start', async () => {
    const path = write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1 }), claudeLine({ id: 'm2', output: 2 })]);
    await both();
    truncateSync(path, 0);
    appendFileSync(path, `${claudeLine({ id: 'm3', output: 4 })}\n`);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 4]]);
  });

  it('re-reads a file replaced by another (new inode, or a different head at a larger size)', async () => {
    write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1 })]);
    await both();
    rmSync(join(home, 'claude/projects/p/a.jsonl'));
    write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm5', output: 5, at: '2026-11-29T12:00:00.000Z' }), claudeLine({ id: 'm6', output: 6 })]);
    expect(outputs(await both())).toEqual([
      ['2026-11-29', 'claude', 5],
      ['2026-11-30', 'claude', 6],
    ]);
    // Same inode, rewritten in place with different first bytes and more of them.
    writeFileSync(join(home, 'claude/projects/p/a.jsonl'), `${claudeLine({ id: 'x1', output: 8, model: 'claude-opus-4-5-20251101' })}\n${claudeLine({ id: 'x2', output: 9 })}\n`);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 17]]);
  });

  it('skips a malformed line in the middle of a file and reads the rest', async () => {
    write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1 }), '{"message":{"usage":{"input_tokens":', 'garbage "usage" here', claudeLine({ id: 'm2', output: 2 })]);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 3]]);
  });

  it('forgets a file that was deleted', async () => {
    write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1 })]);
    write('claude/projects/p/b.jsonl', [claudeLine({ id: 'm2', output: 2 })]);
    await both();
    rmSync(join(home, 'claude/projects/p/b.jsonl'));
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 1]]);
  });
});

describe('warm runs', () => {
  it('adds lines appended to a session, and a new session file, without the full run; equal to a cold run', async () => {
    const a = write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1 }), claudeLine({ id: 'm2', output: 2 })]);
    write('claude/projects/q/b.jsonl', [claudeLine({ id: 'm3', output: 4 })]);
    await both();
    appendFileSync(a, `${claudeLine({ id: 'm4', output: 8 })}\n${claudeLine({ id: 'm4', output: 16, at: '2026-11-29T12:00:00.000Z' })}\n`);
    write('claude/projects/q/c.jsonl', [claudeLine({ id: 'm5', output: 32, model: 'claude-opus-4-5-20251101' })]);
    const r = await run();
    expect([r.stats.run, r.stats.filesRead]).toEqual(['appended', 2]);
    expect(r.ledger).toEqual(await load({ useCache: false }));
    expect(outputs(r.ledger)).toEqual([
      ['2026-11-29', 'claude', 16],
      ['2026-11-30', 'claude', 39],
    ]);
    expect((await run()).stats.run).toBe('summary');
  });

  it('prices only the dates that got new lines, carrying the other days over unchanged; with or without the last summary', async () => {
    const a = write('claude/projects/p/a.jsonl', [
      claudeLine({ id: 'm1', output: 1, at: '2026-11-27T10:00:00.000Z' }),
      claudeLine({ id: 'm2', output: 2, at: '2026-11-28T10:00:00.000Z' }),
      claudeLine({ id: 'm3', output: 4, at: '2026-11-30T10:00:00.000Z', model: 'claude-opus-4-5-20251101' }),
    ]);
    await both();
    appendFileSync(a, `${claudeLine({ id: 'm4', output: 8, at: '2026-11-28T11:00:00.000Z', model: 'claude-opus-4-5-20251101' })}\n`);
    const r = await run();
    expect(r.stats.run).toBe('appended');
    expect(r.ledger).toEqual(await load({ useCache: false }));
    expect(outputs(r.ledger)).toEqual([
      ['2026-11-27', 'claude', 1],
      ['2026-11-28', 'claude', 10],
      ['2026-11-30', 'claude', 4],
    ]);
    // Without the summary the stored groups alone give every day again.
    rmSync(join(home, 'cache', 'cost-summary-v1.bin'));
    appendFileSync(a, `${claudeLine({ id: 'm5', output: 16, at: '2026-11-27T12:00:00.000Z' })}\n`);
    const again = await run();
    expect(again.stats.run).toBe('appended');
    expect(again.ledger).toEqual(await load({ useCache: false }));
    expect(outputs(again.ledger)).toEqual([
      ['2026-11-27', 'claude', 17],
      ['2026-11-28', 'claude', 10],
      ['2026-11-30', 'claude', 4],
    ]);
  });

  it('takes the full run when an appended line is another copy of a counted response', async () => {
    const a = write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1 })]);
    await both();
    appendFileSync(a, `${claudeLine({ id: 'm1', output: 5 })}\n`);
    const r = await run();
    expect(r.stats.run).toBe('full');
    expect(outputs(r.ledger)).toEqual([['2026-11-30', 'claude', 5]]);
  });

  it('continues a Codex session’s totals from where the last run stopped', async () => {
    const path = write('codex/sessions/2026/11/30/rollout-a.jsonl', [codexContext('gpt-5-codex'), codexTokens('2026-11-30T10:00:00Z', 1000, 200, 50)]);
    await both();
    appendFileSync(path, `${codexTokens('2026-11-30T11:00:00Z', 1500, 600, 80)}\n`);
    const r = await run();
    expect(r.stats.run).toBe('appended');
    expect(r.ledger).toEqual(await load({ useCache: false }));
    expect(r.ledger.days[0]).toMatchObject({ inputTokens: 900, cacheReadTokens: 600, outputTokens: 80 });
  });

  it('dates the same entries again when the zone changes', async () => {
    write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1, at: '2026-11-30T20:00:00.000Z' })]);
    expect(outputs(await both())).toEqual([['2026-11-30', 'claude', 1]]);
    env.TZ = 'Asia/Tokyo';
    const r = await run();
    expect(r.stats.run).toBe('full');
    expect(outputs(r.ledger)).toEqual([['2026-12-01', 'claude', 1]]);
  });
});

describe('Codex logs', () => {
  it('reads sessions and archived_sessions, continuing a session’s totals across runs', async () => {
    const path = write('codex/sessions/2026/11/30/rollout-a.jsonl', [codexContext('gpt-5-codex'), codexTokens('2026-11-30T10:00:00Z', 1000, 200, 50)]);
    write('codex/archived_sessions/rollout-old.jsonl', [codexContext('gpt-5'), codexTokens('2026-11-28T10:00:00Z', 10, 0, 1)]);
    let l = await both();
    expect(l.days.map((d) => [d.date, d.source, d.inputTokens, d.cacheReadTokens, d.outputTokens])).toEqual([
      ['2026-11-28', 'codex', 10, 0, 1],
      ['2026-11-30', 'codex', 800, 200, 50],
    ]);
    appendFileSync(path, `${codexTokens('2026-11-30T11:00:00Z', 1500, 600, 80)}\n`);
    l = await both();
    expect(l.days[1]).toMatchObject({ inputTokens: 900, cacheReadTokens: 600, outputTokens: 80 });
  });
});

describe('prices', () => {
  it('prices known models, leaves an unknown one null and names it once', async () => {
    write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 1000 }), claudeLine({ id: 'm2', model: 'claude-mystery-9', output: 5 }), claudeLine({ id: 'm3', model: 'claude-mystery-9', output: 5, at: '2026-11-29T00:00:00Z' })]);
    const l = await both();
    expect(l.unknownModels).toEqual(['claude-mystery-9']);
    const day = l.days.find((d) => d.date === '2026-11-30')!;
    const known = day.models.find((m) => m.model === 'claude-sonnet-4-5-20250929')!;
    // 10 in + 1000 out + 100 cache writes + 1000 cache reads at Sonnet 4.5's $3/$15/$3.75/$0.30 per million.
    expect(known.costUsd).toBeCloseTo((10 * 3 + 1000 * 15 + 100 * 3.75 + 1000 * 0.3) / 1e6, 12);
    expect(day.costUsd).toBeNull();
  });

  it('applies the long-context tier per request, by that request’s whole input', async () => {
    write('claude/projects/p/a.jsonl', [
      claudeLine({ id: 'm1', input: 0, output: 0, cc: 0, cr: 150_000 }),
      claudeLine({ id: 'm2', input: 0, output: 0, cc: 0, cr: 150_000 }),
      claudeLine({ id: 'm3', input: 0, output: 0, cc: 0, cr: 250_000, at: '2026-11-29T00:00:00Z' }),
    ]);
    const l = await both();
    // Two requests of 150k stay at the base $0.30/M even though they sum past 200k; the 250k one is at $0.60/M.
    expect(l.days.find((d) => d.date === '2026-11-30')!.costUsd).toBeCloseTo(0.09, 10);
    expect(l.days.find((d) => d.date === '2026-11-29')!.costUsd).toBeCloseTo(0.15, 10);
  });
});

describe('local dates in the zone of TZ', () => {
  it('reads the runtime’s own zone through Date, right across the fall-back day', async () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      env.TZ = 'America/New_York';
      write('claude/projects/p/a.jsonl', [
        claudeLine({ id: 'm1', output: 1, at: '2026-11-01T03:59:59Z' }),
        claudeLine({ id: 'm2', output: 2, at: '2026-11-02T04:59:59Z' }),
        claudeLine({ id: 'm3', output: 4, at: '2026-11-02T05:00:00Z' }),
      ]);
      expect(outputs(await both())).toEqual([
        ['2026-10-31', 'claude', 1],
        ['2026-11-01', 'claude', 2],
        ['2026-11-02', 'claude', 4],
      ]);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('the status line’s summary (cost-today.json)', () => {
  const summaryFile = () => join(home, 'cache', 'cost-today.json');
  const read = () => JSON.parse(readFileSync(summaryFile(), 'utf8')) as { date: string; computedAt: number; sources: Record<string, { totalTokens: number; costUsd: number | null }> };

  it('is written with today’s figures of every source each time the whole ledger is read with the cache', async () => {
    write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 5, at: '2026-11-30T23:30:00Z' }), claudeLine({ id: 'm2', req: 'r2', output: 5, at: '2026-11-30T10:00:00Z' })]);
    const now = Date.parse('2026-11-30T23:45:00Z');
    await loadLedger({ env, homedir: home, platform: 'linux', now });
    expect(read()).toMatchObject({ date: '2026-11-30', computedAt: now, sources: { claude: { totalTokens: 2230 }, codex: { totalTokens: 0, costUsd: 0 } } });
    // The local date is TZ's: in Tokyo that instant is already the 1st, which has only the 23:30 UTC message.
    await loadLedger({ env: { ...env, TZ: 'Asia/Tokyo' }, homedir: home, platform: 'linux', now });
    expect(read()).toMatchObject({ date: '2026-12-01', sources: { claude: { totalTokens: 1115 } } });
  });

  it('is not written for one source only, nor without the cache (the demo’s logs)', async () => {
    write('claude/projects/p/a.jsonl', [claudeLine({ id: 'm1', output: 5 })]);
    await load({ sources: ['claude'] });
    await load({ useCache: false });
    expect(existsSync(summaryFile())).toBe(false);
  });
});
