import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../../../adapters/node-file-source';
import { createCodexLogsSource, type CodexLogsDeps } from '../../../../core/providers/codex/logs';
import { FakeClock } from '../../../support/fake-clock';
import { MemoryFiles } from '../../../support/memory-files';

const HOME = '/home/dev/.codex';
const DAY_DIR = `${HOME}/sessions/2026/09/20`;
const ROLLOUT = `${DAY_DIR}/rollout-2026-09-20T10-00-00-0199a1b2.jsonl`;
const SESSION_RESET = 1789917600_000;

function fixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/codex-logs/${name}.jsonl`, import.meta.url), 'utf8');
}

function setup(opts: Partial<CodexLogsDeps> = {}) {
  const files = new MemoryFiles();
  const clock = new FakeClock();
  const source = createCodexLogsSource({ files, clock, codexHome: HOME, ...opts });
  return { files, clock, source };
}

/** A token_count line at `ts` with the 5-hour window at `used` % (and a fixed weekly window). */
function tokenLine(ts: string, used: number, plan = 'plus'): string {
  return `${JSON.stringify({
    timestamp: ts,
    type: 'event_msg',
    payload: {
      type: 'token_count',
      info: null,
      rate_limits: {
        limit_id: 'codex',
        plan_type: plan,
        primary: { used_percent: used, window_minutes: 300, resets_at: SESSION_RESET / 1000 },
        secondary: { used_percent: 9, window_minutes: 10080, resets_at: 1790337600 },
      },
    },
  })}\n`;
}

async function sessionUsed(source: ReturnType<typeof setup>['source']): Promise<number | null | undefined> {
  const r = await source.fetch();
  if (!r.ok) throw new Error(`fetch failed: ${JSON.stringify(r.error)}`);
  return r.value.windows.find((w) => w.id === 'session')?.usedPercent;
}

describe('codex session-log source', () => {
  it('is unconfigured when there are no session logs at all', async () => {
    const { source } = setup();
    expect(await source.fetch()).toEqual({ ok: false, error: { kind: 'unconfigured', what: 'codex session logs' } });
  });

  it('is unconfigured when the logs hold no rate limits (an API-key user)', async () => {
    const { files, source } = setup();
    files.write(ROLLOUT, fixture('session-and-weekly').split('\n')[0] + '\n');
    const r = await source.fetch();
    expect(r.ok ? null : r.error).toEqual({ kind: 'unconfigured', what: 'codex rate limits in session logs' });
  });

  it('says it could not look when the sessions directory is unreadable', async () => {
    const { files, source } = setup();
    files.write(ROLLOUT, fixture('session-and-weekly')).deny(`${HOME}/sessions`);
    const r = await source.fetch();
    expect(r.ok ? null : r.error).toEqual({ kind: 'transport', code: 'EACCES' });
  });

  it('shows the newest windows, marked as coming from the logs, with the plan', async () => {
    const { files, source } = setup();
    files.write(ROLLOUT, fixture('session-and-weekly'));
    const r = await source.fetch();
    expect(source.id).toBe('codex-logs');
    expect(r.ok && r.value.source).toBe('codex-logs');
    expect(r.ok && r.value.windows.map((w) => [w.id, w.label, w.usedPercent, w.resetsAt])).toEqual([
      ['session', '5-hour', 47, SESSION_RESET],
      ['weekly', 'Weekly', 9, 1790337600_000],
    ]);
    expect(r.ok && r.value.notes).toEqual([
      { code: 'plan', plan: 'plus' },
      // The age of the numbers is the newest log line's, not the poll's.
      { code: 'observed_at', at: Date.parse('2026-09-20T10:05:00Z') },
    ]);
    expect(r.ok && r.value.account).toEqual({ label: null, plan: 'plus' });
  });

  it('picks the newest line across daily folders and archived sessions, whatever their order', async () => {
    const { files, source } = setup();
    files.write(`${HOME}/archived_sessions/rollout-2026-09-19T08-00-00-aaaa.jsonl`, tokenLine('2026-09-20T11:30:00Z', 80));
    files.write(`${HOME}/sessions/2026/09/21/rollout-2026-09-21T00-00-00-bbbb.jsonl`, tokenLine('2026-09-20T09:00:00Z', 10));
    files.write(ROLLOUT, tokenLine('2026-09-20T10:00:00Z', 40));
    expect(await sessionUsed(source)).toBe(80);
    expect(source.stats().filesTracked).toBe(3);
  });

  it('skips files that are not rollout logs', async () => {
    const { files, source } = setup();
    files.write(ROLLOUT, tokenLine('2026-09-20T10:00:00Z', 40));
    files.write(`${DAY_DIR}/notes.jsonl`, tokenLine('2026-09-20T11:00:00Z', 99));
    files.write(`${HOME}/sessions/rollout-misplaced.jsonl`, tokenLine('2026-09-20T11:00:00Z', 98));
    expect(await sessionUsed(source)).toBe(40);
  });

  it('keeps named windows through null-window and credits-only records', async () => {
    const { files, source } = setup();
    files.write(ROLLOUT, fixture('null-windows') + fixture('credits-only'));
    const r = await source.fetch();
    expect(r.ok && r.value.windows.map((w) => w.usedPercent)).toEqual([47, 9]);
    expect(r.ok && r.value.notes).toContainEqual({ code: 'credits_balance', balance: 12.5, unit: 'credits' });
  });

  it('reads past a malformed line in the middle of a log', async () => {
    const { files, source } = setup();
    files.write(ROLLOUT, fixture('malformed-middle'));
    expect(await sessionUsed(source)).toBe(33);
  });

  it('reads only the bytes appended between two polls', async () => {
    const { files, source } = setup();
    files.write(ROLLOUT, fixture('session-and-weekly'));
    expect(await sessionUsed(source)).toBe(47);
    const before = files.bytesRead;
    const oldSize = new TextEncoder().encode(fixture('session-and-weekly')).length;

    files.resetCounters();
    expect(await sessionUsed(source)).toBe(47);
    expect(files.bytesRead).toBe(0);

    const appended = tokenLine('2026-09-20T11:00:00Z', 52);
    files.append(ROLLOUT, appended);
    expect(await sessionUsed(source)).toBe(52);
    expect(files.bytesRead).toBe(new TextEncoder().encode(appended).length);
    expect(files.ranges.every(([, start]) => start >= oldSize)).toBe(true);
    expect(source.stats().bytesRead).toBe(before + files.bytesRead);
  });

  it('waits for a partial last line to be completed on the next poll', async () => {
    const { files, source } = setup();
    const line = tokenLine('2026-09-20T11:00:00Z', 52);
    files.write(ROLLOUT, tokenLine('2026-09-20T10:00:00Z', 40) + line.slice(0, 150));
    expect(await sessionUsed(source)).toBe(40);
    files.append(ROLLOUT, line.slice(150));
    expect(await sessionUsed(source)).toBe(52);
  });

  it('reads a last line that was written without a newline', async () => {
    const { files, source } = setup();
    files.write(ROLLOUT, tokenLine('2026-09-20T10:00:00Z', 40) + tokenLine('2026-09-20T11:00:00Z', 52).trimEnd());
    expect(await sessionUsed(source)).toBe(52);
  });

  it('decodes multi-byte characters split across read chunks', async () => {
    for (const chunkBytes of [1, 2, 3, 5, 64]) {
      const { files, source } = setup({ chunkBytes });
      const prose = JSON.stringify({ timestamp: '2026-09-20T10:00:00Z', type: 'event_msg', payload: { type: 'agent_message', message: 'naïve café — 日本語 🎉' } });
      files.write(ROLLOUT, `${prose}\n${tokenLine('2026-09-20T11:00:00Z', 52, 'plüs—日本 🎉')}`);
      const r = await source.fetch();
      expect(r.ok && r.value.notes.filter((n) => n.code === 'plan'), `chunk ${chunkBytes}`).toEqual([{ code: 'plan', plan: 'plüs—日本 🎉' }]);
    }
  });

  it('re-reads a file from the start when it was truncated or rotated', async () => {
    const { files, source } = setup();
    files.write(ROLLOUT, fixture('session-and-weekly'));
    expect(await sessionUsed(source)).toBe(47);
    const rotated = tokenLine('2026-09-20T11:40:00Z', 61);
    files.write(ROLLOUT, rotated);
    files.resetCounters();
    expect(await sessionUsed(source)).toBe(61);
    expect(files.ranges[0]?.[1]).toBe(0);
    expect(files.bytesRead).toBe(new TextEncoder().encode(rotated).length);
  });

  it('forgets files that vanished and re-reads one that comes back', async () => {
    const { files, source } = setup();
    const other = `${DAY_DIR}/rollout-2026-09-20T11-00-00-cccc.jsonl`;
    files.write(ROLLOUT, tokenLine('2026-09-20T10:00:00Z', 40)).write(other, tokenLine('2026-09-20T09:00:00Z', 20));
    await source.fetch();
    expect(source.stats().filesTracked).toBe(2);
    files.remove(other);
    await source.fetch();
    expect(source.stats().filesTracked).toBe(1);
    files.write(other, tokenLine('2026-09-20T11:00:00Z', 70));
    expect(await sessionUsed(source)).toBe(70);
  });

  it('shows the 5-hour window as rolled over once its reset time has passed', async () => {
    const { files, clock, source } = setup();
    files.write(ROLLOUT, fixture('session-and-weekly'));
    expect(await sessionUsed(source)).toBe(47);
    clock.jump(SESSION_RESET - clock.now() + 1);
    const r = await source.fetch();
    expect(r.ok && r.value.windows.map((w) => [w.id, w.usedPercent, w.resetsAt])).toEqual([
      ['session', 0, null],
      ['weekly', 9, 1790337600_000],
    ]);
  });

  it('reads each byte once when two polls overlap', async () => {
    const { files, source } = setup();
    files.write(ROLLOUT, fixture('session-and-weekly'));
    const [a, b] = await Promise.all([source.fetch(), source.fetch()]);
    expect(a).toEqual(b);
    expect(files.bytesRead).toBe(new TextEncoder().encode(fixture('session-and-weekly')).length);
  });
});

describe('codex session-log source on real files', () => {
  let home: string | null = null;
  afterEach(() => {
    if (home) rmSync(home, { recursive: true, force: true });
    home = null;
  });

  it('reads a real log tree, then only what was appended to it', async () => {
    home = mkdtempSync(join(tmpdir(), 'quotabar-codex-logs-'));
    const dayDir = join(home, 'sessions', '2026', '09', '20');
    mkdirSync(dayDir, { recursive: true });
    mkdirSync(join(home, 'archived_sessions'));
    const rollout = join(dayDir, 'rollout-2026-09-20T10-00-00-0199a1b2.jsonl');
    writeFileSync(rollout, fixture('session-and-weekly'));
    writeFileSync(join(home, 'archived_sessions', 'rollout-old.jsonl'), tokenLine('2026-09-19T10:00:00Z', 5));
    const source = createCodexLogsSource({ files: new NodeFileSource(), clock: new FakeClock(), codexHome: home });

    expect(await sessionUsed(source)).toBe(47);
    const firstScan = source.stats();
    expect(firstScan.filesTracked).toBe(2);

    const appended = tokenLine('2026-09-20T11:00:00Z', 52);
    appendFileSync(rollout, appended);
    expect(await sessionUsed(source)).toBe(52);
    expect(source.stats().bytesRead - firstScan.bytesRead).toBe(Buffer.byteLength(appended));
  });
});
