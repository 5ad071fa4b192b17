// `quotabar cost` as outside tests use it: the exact JSON shape, the 80-column table, the flags.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../cli/main';
import { claudeLine, codexContext, codexTokens } from '../core/cost/fixtures';

let home: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'quotabar-cost-cli-'));
  const put = (rel: string, lines: string[]) => {
    mkdirSync(join(home, rel, '..'), { recursive: true });
    writeFileSync(join(home, rel), `${lines.join('\n')}\n`);
  };
  put('.claude/projects/p/a.jsonl', [
    // 03:30 UTC on the 30th is still the 29th in New York.
    claudeLine({ id: 'm1', output: 10, at: '2026-11-30T03:30:00Z' }),
    claudeLine({ id: 'm2', output: 20, at: '2026-11-30T15:00:00Z', model: 'claude-opus-4-5-20251101-with-a-very-long-name' }),
    claudeLine({ id: 'm3', output: 30, at: '2026-11-30T16:00:00Z', model: 'mystery-model' }),
  ]);
  put('.codex/sessions/2026/11/30/rollout-a.jsonl', [codexContext('gpt-5-codex'), codexTokens('2026-11-30T15:00:00Z', 1000, 400, 100)]);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function cost(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readStdin: async () => null,
    env: { HOME: home, TZ: 'America/New_York', QUOTABAR_CACHE_DIR: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'xdg') },
    homedir: home,
    platform: 'linux',
  };
  const code = await main(['cost', ...args], io);
  return { code, out, err };
}

const FIELDS = ['inputTokens', 'outputTokens', 'cacheCreationTokens', 'cacheReadTokens', 'totalTokens', 'costUsd'];

describe('quotabar cost', () => {
  it('prints {days, totals} with one entry per (date, source), local dates in TZ, and exactly the documented fields', async () => {
    const r = await cost('--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['days', 'totals']);
    expect(j.days.map((d: { date: string; source: string }) => [d.date, d.source])).toEqual([
      ['2026-11-29', 'claude'],
      ['2026-11-30', 'claude'],
      ['2026-11-30', 'codex'],
    ]);
    for (const d of j.days) {
      expect(Object.keys(d)).toEqual(['date', 'source', ...FIELDS, 'models']);
      for (const m of d.models) expect(Object.keys(m)).toEqual(['model', ...FIELDS]);
    }
    expect(Object.keys(j.totals)).toEqual(FIELDS);
    expect(j.days[2]).toMatchObject({ inputTokens: 600, cacheReadTokens: 400, outputTokens: 100, totalTokens: 1100 });
    expect(j.days[1].models.find((m: { model: string }) => m.model === 'mystery-model').costUsd).toBeNull();
    expect(j.days[0].costUsd).toBeGreaterThan(0);
    expect(r.err).toContain('mystery-model');
    expect(r.err.match(/mystery-model/g)).toHaveLength(1);
  });

  it('filters by --since/--until (inclusive local dates) and --source', async () => {
    const days = async (...a: string[]) => JSON.parse((await cost('--json', ...a)).out).days.map((d: { date: string; source: string }) => `${d.date} ${d.source}`);
    expect(await days('--since', '2026-11-30')).toEqual(['2026-11-30 claude', '2026-11-30 codex']);
    expect(await days('--until', '2026-11-29')).toEqual(['2026-11-29 claude']);
    expect(await days('--source', 'codex')).toEqual(['2026-11-30 codex']);
    expect(await days('--source=all', '--since=2026-11-30', '--until=2026-11-30')).toHaveLength(2);
  });

  it('prints a table no wider than 80 columns, naming the unknown model on stderr', async () => {
    const r = await cost();
    expect(r.code).toBe(0);
    for (const line of r.out.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(r.out).toContain('2026-11-29  Claude');
    expect(r.out).toContain('gpt-5-codex');
    expect(r.out).toMatch(/TOTAL .*\+\?/);
    expect(r.err).toContain('cost unknown for mystery-model');
  });

  it('rejects a bad date, an unknown source and an unknown option with a usage error', async () => {
    expect((await cost('--since', '2026-02-30')).code).toBe(2);
    expect((await cost('--source', 'gemini')).err).toContain('--source takes claude, codex or all');
    expect((await cost('--verbose')).code).toBe(2);
  });

  it('prints the same through the real bin, which runs the cost command\'s own bundle, usage errors included', async () => {
    const bin = join(__dirname, '..', '..', 'bin', 'quotabar.mjs');
    const env = { PATH: process.env.PATH, HOME: home, TZ: 'America/New_York', QUOTABAR_CACHE_DIR: join(home, 'bin-cache'), XDG_CONFIG_HOME: join(home, 'xdg') };
    const viaBin = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'cost', ...args], { env });
        return { code: 0, out: stdout, err: stderr };
      } catch (e) {
        const x = e as { code: number; stdout: string; stderr: string };
        return { code: x.code, out: x.stdout, err: x.stderr };
      }
    };
    const json = await viaBin('--json');
    expect(existsSync(join(__dirname, '..', '..', 'dist-cli', 'cost.cjs'))).toBe(true);
    expect(json).toEqual(await cost('--json'));
    expect(JSON.parse(json.out).days).toHaveLength(3);
    expect(await viaBin('--source', 'gemini')).toEqual(await cost('--source', 'gemini'));
    expect((await viaBin('--since', '2026-02-30')).code).toBe(2);
  }, 60_000);
});
