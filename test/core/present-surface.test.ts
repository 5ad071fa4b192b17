// The same error in the app and in the terminal: the app points at Settings, the CLI at its commands.
import { describe, expect, it } from 'vitest';
import { describeError, lowBalanceLine } from '../../core/present';
import { emptySnapshot, makeWindow } from '../../core/model';

describe('error words for the terminal', () => {
  it('tells a CLI user which command replaces a rejected OpenRouter key, never to open Settings', () => {
    const e = { kind: 'unauthorized' as const, status: 401, hint: null };
    expect(describeError(e, 'openrouter').action).toBe('Check the key in Settings, or replace it.');
    const cli = describeError(e, 'openrouter', { surface: 'cli' });
    expect(cli.action).toContain('`quotabar key set openrouter`');
    expect(cli.action).not.toContain('Settings');
  });

  it('names the command for an OpenRouter key that is not set up', () => {
    const e = { kind: 'unconfigured' as const, what: 'openrouter' };
    expect(describeError(e, 'openrouter', { surface: 'cli' }).action).toBe('Run `quotabar key set openrouter` or set OPENROUTER_API_KEY.');
    expect(describeError(e, 'openrouter').action).toContain('Settings');
  });

  it('keeps the Codex and Claude remedies, which are commands already', () => {
    const e = { kind: 'unauthorized' as const, status: 401, hint: 'codex_login' as const };
    expect(describeError(e, 'codex', { surface: 'cli' })).toEqual(describeError(e, 'codex'));
  });
});

describe('lowBalanceLine', () => {
  const snap = (remaining: number) => ({
    ...emptySnapshot('openrouter', 'ok'),
    windows: [makeWindow({ id: 'credits', kind: 'credits', label: 'Credits', unit: 'usd', remaining })],
  });

  it('says how much is left and the line, below the line only', () => {
    expect(lowBalanceLine(snap(0.8), 2)).toBe('OpenRouter credit is low: $0.80 left (alert below $2.00)');
    expect(lowBalanceLine(snap(2), 2)).toBeNull();
    expect(lowBalanceLine(snap(0.8), 0)).toBeNull();
  });
});
