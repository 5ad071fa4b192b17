// Claude Code's status-line JSON as `quotabar statusline` reads it, and the reading as Claude's card
// shows it later: a reading from last night carries its time, a passed reset starts the window over,
// and a window Claude Code did not send stays unknown.
import { describe, expect, it } from 'vitest';
import { describeNote } from '../../../../core/present';
import {
  parseRecord,
  parseStatusLineInput,
  recordText,
  statusLineData,
  statusLineText,
  statusLineWindows,
} from '../../../../core/providers/claude/statusline';
import { claudeStatusLine } from '../../../../core/providers/claude/statusline-settings';
import { FakeClock } from '../../../support/fake-clock';
import { fixtureText } from '../load-fixture';

const HOUR = 3_600_000;
const NOW = '2026-09-21T13:00:00Z';
const stdin = fixtureText('claude', 'statusline-max');
const only = (limits: unknown) => JSON.stringify({ model: { id: 'claude-sonnet-4-5' }, rate_limits: limits });
const row = (ws: ReturnType<typeof statusLineWindows>) => ws.map((w) => [w.id, w.usedPercent, w.resetsAt === null ? null : new Date(w.resetsAt).toISOString()]);

describe('the status-line JSON', () => {
  it('gives the 5-hour and weekly windows with their resets (Unix seconds) and the model’s name', () => {
    const clock = new FakeClock(NOW);
    const r = parseStatusLineInput(stdin, clock.now())!;
    expect(r.model).toBe('Opus 4.5');
    expect(row(statusLineWindows(r, clock.now()))).toEqual([
      ['session', 42.5, '2026-09-21T15:00:00.000Z'],
      ['weekly', 18, '2026-09-26T20:00:00.000Z'],
    ]);
    expect(statusLineText(r, clock.now())).toBe('Opus 4.5 · 5h 43 % · week 18 %');
  });

  it('leaves out a window Claude Code did not send: unknown, not 0 %', () => {
    const clock = new FakeClock(NOW);
    const r = parseStatusLineInput(only({ five_hour: { used_percentage: 7, resets_at: 1790002800 } }), clock.now())!;
    expect(row(statusLineWindows(r, clock.now()))).toEqual([['session', 7, '2026-09-21T15:00:00.000Z']]);
    expect(statusLineText(r, clock.now())).toBe('claude-sonnet-4-5 · 5h 7 % · week –');
  });

  it('records nothing when rate_limits is missing, null or empty (API-key sessions, before the first reply)', () => {
    for (const limits of [undefined, null, {}, { five_hour: null, seven_day: { used_percentage: 'lots' } }]) {
      const out = claudeStatusLine.readout(only(limits), Date.parse(NOW));
      expect(out.record).toBeNull();
      expect(out.line).toBe('claude-sonnet-4-5 · 5h – · week –');
    }
  });

  it('prints a plain line for empty stdin, garbage, or JSON that is not an object', () => {
    for (const text of ['', 'not json', '[1,2]', '42', '{"model": ']) {
      expect(claudeStatusLine.readout(text, Date.parse(NOW))).toEqual({ line: 'Quotabar: no status data on stdin', record: null, understood: false });
    }
  });

  it('drops a negative or non-numeric percentage and an implausible reset, keeping the rest', () => {
    const clock = new FakeClock(NOW);
    const r = parseStatusLineInput(only({ five_hour: { used_percentage: -3, resets_at: 1790002800 }, seven_day: { used_percentage: '55.5', resets_at: 99999999999999 } }), clock.now())!;
    expect(row(statusLineWindows(r, clock.now()))).toEqual([['weekly', 55.5, null]]);
  });
});

describe('a recorded reading, shown later', () => {
  const recorded = (at: string) => claudeStatusLine.readout(stdin, Date.parse(at)).record!;

  it('round-trips through the file unchanged', () => {
    const clock = new FakeClock(NOW);
    const r = parseStatusLineInput(stdin, clock.now())!;
    expect(parseRecord(recordText(r))).toEqual(r);
    expect(claudeStatusLine.fromRecord(recordText(r), clock.now())).toEqual(statusLineData(r, clock.now()));
  });

  it('carries the time it was observed, so a reading from last night does not look fresh', async () => {
    const clock = new FakeClock('2026-09-20T23:00:00Z');
    const text = recorded('2026-09-20T23:00:00Z');
    await clock.advance(10 * HOUR);
    const data = claudeStatusLine.fromRecord(text, clock.now())!;
    expect(data.notes).toEqual([{ code: 'observed_at', at: Date.parse('2026-09-20T23:00:00Z') }]);
    expect(describeNote(data.notes[0]!, clock.now())).toBe('Last observed 10 h ago.');
  });

  it('shows a window whose reset has passed as 0 % with the next reset unknown', async () => {
    const clock = new FakeClock(NOW);
    const text = recorded(NOW);
    await clock.advance(3 * HOUR); // 16:00, past the 15:00 session reset; the week has not reset
    expect(row(claudeStatusLine.fromRecord(text, clock.now())!.windows)).toEqual([
      ['session', 0, null],
      ['weekly', 18, '2026-09-26T20:00:00.000Z'],
    ]);
  });

  it('is not a reading without its observation time', () => {
    expect(claudeStatusLine.fromRecord('{"rate_limits":{"five_hour":{"used_percentage":5}}}', Date.parse(NOW))).toBeNull();
    expect(claudeStatusLine.fromRecord('garbage', Date.parse(NOW))).toBeNull();
  });
});

describe('the statusLine setting', () => {
  const OURS = "/usr/bin/node '/opt/quota bar/bin/quotabar.mjs' statusline";

  it('puts our command in place, keeping every other setting and the previous padding', () => {
    const prev = { type: 'command', command: '~/bin/my-line.sh', padding: 2 };
    const r = claudeStatusLine.install({ theme: 'dark', statusLine: prev, hooks: { Stop: [] } }, OURS);
    expect(r).toEqual({
      kind: 'installed',
      settings: { theme: 'dark', statusLine: { type: 'command', command: OURS, padding: 2 }, hooks: { Stop: [] } },
      previous: prev,
    });
    expect(claudeStatusLine.chainedCommand(prev)).toBe('~/bin/my-line.sh');
  });

  it('does nothing the second time (our command is never chained to itself)', () => {
    const once = claudeStatusLine.install({}, OURS);
    if (once.kind !== 'installed') throw new Error('expected an install');
    expect(claudeStatusLine.install(once.settings, 'quotabar statusline')).toEqual({ kind: 'already' });
    expect(claudeStatusLine.chainedCommand({ type: 'command', command: 'quotabar statusline' })).toBeNull();
  });

  it('puts the previous status line back exactly, or removes ours when there was none', () => {
    const prev = { type: 'command', command: 'ccstatusline', padding: 0, refreshInterval: 5 };
    const installed = claudeStatusLine.install({ a: 1, statusLine: prev, z: 2 }, OURS);
    if (installed.kind !== 'installed') throw new Error('expected an install');
    expect(claudeStatusLine.uninstall(installed.settings, installed.previous)).toEqual({ kind: 'removed', settings: { a: 1, statusLine: prev, z: 2 } });
    const fresh = claudeStatusLine.install({ a: 1 }, OURS);
    if (fresh.kind !== 'installed') throw new Error('expected an install');
    expect(claudeStatusLine.uninstall(fresh.settings, fresh.previous)).toEqual({ kind: 'removed', settings: { a: 1 } });
  });

  it('leaves a status line someone else set since alone', () => {
    expect(claudeStatusLine.uninstall({ statusLine: { type: 'command', command: 'other.sh' } }, undefined)).toEqual({ kind: 'not_ours', command: 'other.sh' });
    expect(claudeStatusLine.uninstall({}, undefined)).toEqual({ kind: 'not_installed' });
  });
});
