// Edges of the Codex session-log source a user would see as a wrong or missing figure: a log it
// may not read, folders it may not list, a runaway line, and when the shown windows were observed.
import { describe, expect, it } from 'vitest';
import { createCodexLogsSource } from '../../../../core/providers/codex/logs';
import { FakeClock } from '../../../support/fake-clock';
import { MemoryFiles } from '../../../support/memory-files';

const HOME = '/home/dev/.codex';
const DAY = `${HOME}/sessions/2026/09/20`;
const A = `${DAY}/rollout-2026-09-20T10-00-00-a.jsonl`;
const B = `${DAY}/rollout-2026-09-20T11-00-00-b.jsonl`;
const SESSION_RESET = 1789917600; // s
const WEEKLY_RESET = 1790337600; // s

function line(ts: string, limits: Record<string, unknown>, pad = ''): string {
  return `${JSON.stringify({ timestamp: ts, type: 'event_msg', payload: { type: 'token_count', pad, rate_limits: { limit_id: 'codex', ...limits } } })}\n`;
}
const session = (used: number) => ({ primary: { used_percent: used, window_minutes: 300, resets_at: SESSION_RESET } });
const weekly = (used: number) => ({ secondary: { used_percent: used, window_minutes: 10080, resets_at: WEEKLY_RESET } });

function setup() {
  const files = new MemoryFiles();
  const clock = new FakeClock(Date.UTC(2026, 8, 20, 12));
  return { files, source: createCodexLogsSource({ files, clock, codexHome: HOME }) };
}

describe('the codex session-log source', () => {
  it('reads the logs it can and skips one it may not read', async () => {
    const { files, source } = setup();
    files.write(A, line('2026-09-20T10:00:00Z', session(20))).write(B, line('2026-09-20T11:00:00Z', session(70))).deny(B);
    const r = await source.fetch();
    expect(r.ok && r.value.windows.map((w) => [w.id, w.usedPercent])).toEqual([['session', 20]]);
  });

  it('names the first folder it could not list when it found no logs at all', async () => {
    const { files, source } = setup();
    files.deny(`${HOME}/sessions`, 'EACCES').deny(`${HOME}/archived_sessions`, 'EPERM');
    expect(await source.fetch()).toEqual({ ok: false, error: { kind: 'transport', code: 'EACCES' } });
  });

  it('dates the windows by the newest line any of them came from', async () => {
    const { files, source } = setup();
    files.write(A, line('2026-09-20T09:00:00Z', { ...session(20), ...weekly(5) }) + line('2026-09-20T10:30:00Z', session(25)));
    const r = await source.fetch();
    expect(r.ok && r.value.notes).toContainEqual({ code: 'observed_at', at: Date.UTC(2026, 8, 20, 10, 30) });
  });

  it('drops a line longer than 8 MiB and reads on from the next one', async () => {
    const { files, source } = setup();
    files.write(
      A,
      line('2026-09-20T10:00:00Z', session(20)) +
        line('2026-09-20T10:05:00Z', session(99), 'x'.repeat(9 * 1024 * 1024)) +
        line('2026-09-20T10:03:00Z', session(30)),
    );
    const r = await source.fetch();
    expect(r.ok && r.value.windows.map((w) => [w.id, w.usedPercent])).toEqual([['session', 30]]);
  });
});
