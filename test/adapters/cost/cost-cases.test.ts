// The real `quotabar cost --json` (bin/quotabar.mjs, a fresh process) on a tree holding every case in
// shared/COST.md (test/support/cost-cases.ts). The expected numbers are worked out here by hand from
// COST.md's rules, case by case, not by calling the engine; the bench compares the same tree with ccusage.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCostCases, HAIKU, OPUS, SONNET } from '../../support/cost-cases';

interface Row {
  model?: string;
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  totalTokens: number;
}
interface Out {
  days: (Row & { date: string; source: string; models: Row[] })[];
  totals: Row;
}

let dir: string;
let out: Out;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quotabar-cost-cases-'));
  const { claudeConfigDir } = await generateCostCases(join(dir, 'tree'));
  const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'quotabar.mjs');
  const env = { ...process.env, CLAUDE_CONFIG_DIR: claudeConfigDir, CODEX_HOME: join(dir, 'codex'), QUOTABAR_CACHE_DIR: join(dir, 'cache'), TZ: 'UTC' };
  out = JSON.parse(execFileSync(process.execPath, [bin, 'cost', '--json', '--source', 'claude'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as Out;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const t = (input: number, output: number, cacheCreation = 0, cacheRead = 0) => ({
  inputTokens: input,
  outputTokens: output,
  cacheCreationTokens: cacheCreation,
  cacheReadTokens: cacheRead,
  totalTokens: input + output + cacheCreation + cacheRead,
});
const row = (model: string, ...n: Parameters<typeof t>) => ({ model, ...t(...n) });
const strip = (r: Row) => t(r.inputTokens, r.outputTokens, r.cacheCreationTokens, r.cacheReadTokens);
const day = (date: string) => out.days.find((d) => d.date === date)!;
const models = (date: string) => day(date).models.map((m) => ({ model: m.model!, ...strip(m) }));

describe('quotabar cost on every case of COST.md', () => {
  it('prints one Claude day per local date that has kept usage', () => {
    expect(out.days.map((d) => [d.date, d.source])).toEqual([
      ['2026-03-01', 'claude'],
      ['2026-03-02', 'claude'],
      ['2026-03-03', 'claude'],
    ]);
  });

  it('2026-03-01: the non-sidechain copy, one resumed copy, ids missing counted twice, fast as its own row, <synthetic> in the total only', () => {
    expect(models('2026-03-01')).toEqual([
      // resumed-session copy counted once: 5 in, 50 out, 200 cache read
      row(HAIKU, 5, 50, 0, 200),
      // sidechain copy (900 out) loses to the non-sidechain copy (300 out)
      row(OPUS, 20, 300),
      row(`${OPUS}-fast`, 4, 40),
      // no message.id: 2×(2, 20); no requestId: 2×(3, 30); unparseable and bad-timestamp lines dropped
      row(SONNET, 2 + 2 + 3 + 3, 20 + 20 + 30 + 30),
    ]);
    // + <synthetic> 1 in, 2 out
    expect(strip(day('2026-03-01'))).toEqual(t(5 + 20 + 4 + 10 + 1, 50 + 300 + 40 + 100 + 2, 0, 200));
  });

  it('2026-03-02: the largest streaming copy dated by its own timestamp, once across two roots; progress mirror; the lines ccusage drops', () => {
    expect(models('2026-03-02')).toEqual([
      row(HAIKU, 3, 30, 10, 0), // progress line's nested data.message
      row(OPUS, 7, 70), // "model": null inside a tool input (ccusage drops it)
      // streaming copy with 500 out (not the first, with 1), + `"usage": {` with a space, 8 in 80 out (ccusage skips it)
      row(SONNET, 10 + 8, 500 + 80, 100, 1000),
    ]);
    expect(strip(day('2026-03-02'))).toEqual(t(3 + 7 + 18, 30 + 70 + 580, 110, 1000));
  });

  it('2026-03-03: long context over 200k input, a session file present under both roots counted once, root b’s own file', () => {
    expect(models('2026-03-03')).toEqual([row(HAIKU, 6, 60), row(OPUS, 9, 90, 0, 900), row(SONNET, 250_000, 1000)]);
  });

  it('totals are the sum of the days', () => {
    expect(strip(out.totals)).toEqual(t(40 + 28 + 250_015, 492 + 680 + 1150, 110, 200 + 1000 + 900));
  });
});
