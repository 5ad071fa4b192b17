// The sign-in opt-in boxes: one per descriptor that offers it, in its own words, off unless the
// setting or the environment turns it on (the environment's cannot be turned off here).
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../core/providers/registry';
import { OPT_IN_PROVIDERS, optInMessage, optInPatch, optInRows } from '../../renderer/view-model/opt-in';

describe('the sign-in opt-in boxes', () => {
  it('list every provider whose descriptor offers the opt-in, with its label and note, off by default', () => {
    const offered = PROVIDERS.filter((p) => 'optIn' in p.credentials);
    expect(OPT_IN_PROVIDERS.map((p) => p.id)).toEqual(offered.map((p) => p.id));
    const rows = optInRows({ credentialOptIn: [] }, []);
    expect(rows.map((r) => r.checked)).toEqual(offered.map(() => false));
    const claude = rows.find((r) => r.id === 'claude')!;
    expect(claude).toMatchObject({ label: 'Read Claude Code’s sign-in to ask Claude’s usage endpoint', env: 'QUOTABAR_CLAUDE_OAUTH', fromEnv: false });
    expect(claude.note).toContain('Anthropic’s terms');
    expect(claude.note).toContain('Per-model weekly meters and extra usage come only from this endpoint.');
  });

  it('are on from the setting, or from the environment (then fixed on)', () => {
    expect(optInRows({ credentialOptIn: ['claude'] }, [])[0]).toMatchObject({ checked: true, fromEnv: false });
    expect(optInRows({ credentialOptIn: [] }, ['claude'])[0]).toMatchObject({ checked: true, fromEnv: true });
  });

  it('change only their own provider in the setting, and say what the change does', () => {
    expect(optInPatch(['other'], 'claude', true)).toEqual(['other', 'claude']);
    expect(optInPatch(['claude', 'other'], 'claude', false)).toEqual(['other']);
    expect(optInPatch(['claude'], 'claude', true)).toEqual(['claude']);
    expect(optInMessage('claude', true)).toBe('On. Claude asks its usage endpoint with Claude Code’s sign-in from this refresh on.');
    expect(optInMessage('claude', false)).toBe('Off. Quotabar no longer reads Claude Code’s sign-in and makes no request with it.');
  });
});
