import { openrouter } from '../../core/providers/openrouter/descriptor';
import { describe, it, expect } from 'vitest';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { credentialView } from '../../renderer/view-model/credentials';
import { initialKeyForm, keyFormStep, type KeyFormState } from '../../renderer/view-model/key-form';
import { draftFromSettings, parseThresholds, refreshOptions, validatePrefs } from '../../renderer/view-model/prefs-form';

const GOOD_KEY = 'sk-or-v1-' + 'a'.repeat(64);

function typed(value: string): KeyFormState {
  return keyFormStep(initialKeyForm, { type: 'input', value });
}

describe('the OpenRouter key form', () => {
  it('refuses to send an empty or blank key and says why', () => {
    expect(keyFormStep(typed('   '), { type: 'submit', action: 'test', provider: openrouter })).toMatchObject({ message: { text: 'Paste an OpenRouter key first.' } });
    const s = keyFormStep(initialKeyForm, { type: 'submit', action: 'save', provider: openrouter });
    expect(s).toEqual({ phase: 'editing', draft: '', message: { tone: 'error', text: 'Paste an OpenRouter key first.' } });
  });

  it('refuses a key that is not an OpenRouter key before anything is sent', () => {
    const s = keyFormStep(typed('sk-ant-oat01-xyz-something-long'), { type: 'submit', action: 'test', provider: openrouter });
    expect(s.phase).toBe('editing');
    if (s.phase === 'editing') expect(s.message?.text).toBe('OpenRouter keys start with "sk-or-".');
  });

  it('ignores whitespace pasted around the key', () => {
    expect(keyFormStep(typed(`  ${GOOD_KEY}\n`), { type: 'submit', action: 'save', provider: openrouter }).phase).toBe('busy');
  });

  it('goes busy while a well-formed key is being checked and ignores typing meanwhile', () => {
    const busy = keyFormStep(typed(GOOD_KEY), { type: 'submit', action: 'test', provider: openrouter });
    expect(busy).toEqual({ phase: 'busy', action: 'test', draft: GOOD_KEY });
    expect(keyFormStep(busy, { type: 'input', value: 'x' })).toBe(busy);
    expect(keyFormStep(busy, { type: 'submit', action: 'save', provider: openrouter })).toBe(busy);
  });

  it('says plainly when OpenRouter rejects the key and keeps the draft to fix', () => {
    const busy = keyFormStep(typed(GOOD_KEY), { type: 'submit', action: 'save', provider: openrouter });
    const s = keyFormStep(busy, { type: 'result', action: 'save', check: { ok: false, error: { kind: 'unauthorized', status: 401, hint: null } }, provider: openrouter });
    expect(s).toEqual({
      phase: 'editing',
      draft: GOOD_KEY,
      message: { tone: 'error', text: 'OpenRouter rejected this key. Check that it is current and not disabled.' },
    });
  });

  it('clears the secret from the form once it is saved and shows only the masked label', () => {
    const busy = keyFormStep(typed(GOOD_KEY), { type: 'submit', action: 'save', provider: openrouter });
    const s = keyFormStep(busy, { type: 'result', action: 'save', check: { ok: true, label: 'sk-or-v1-aaa…aaa' }, provider: openrouter });
    expect(s.draft).toBe('');
    expect(JSON.stringify(s)).not.toContain(GOOD_KEY);
    if (s.phase === 'editing') expect(s.message).toEqual({ tone: 'success', text: 'Saved (sk-or-v1-aaa…aaa). OpenRouter now shows in the popover.' });
  });

  it('keeps the draft after a successful test so it can be saved', () => {
    const busy = keyFormStep(typed(GOOD_KEY), { type: 'submit', action: 'test', provider: openrouter });
    const s = keyFormStep(busy, { type: 'result', action: 'test', check: { ok: true, label: null }, provider: openrouter });
    expect(s.draft).toBe(GOOD_KEY);
    if (s.phase === 'editing') expect(s.message?.tone).toBe('success');
  });

  it('says which service could not be reached, in words, and does not promise a retry nobody makes', () => {
    const busy = keyFormStep(typed(GOOD_KEY), { type: 'submit', action: 'test', provider: openrouter });
    const next = keyFormStep(busy, { type: 'result', action: 'test', check: { ok: false, error: { kind: 'transport', code: 'ENOTFOUND' } }, provider: openrouter });
    expect(next).toMatchObject({
      phase: 'editing',
      message: {
        tone: 'error',
        text: 'Could not reach OpenRouter: its address could not be looked up (offline, or DNS is not answering). Check the network, then try again.',
      },
    });
  });

  it('reports a broken connection to the app as an error', () => {
    const busy = keyFormStep(typed(GOOD_KEY), { type: 'submit', action: 'save', provider: openrouter });
    expect(keyFormStep(busy, { type: 'failed', text: 'Lost the connection to Quotabar.' })).toMatchObject({
      phase: 'editing',
      message: { tone: 'error', text: 'Lost the connection to Quotabar.' },
    });
  });
});

describe('the preferences form', () => {
  it('round-trips the defaults into a valid patch', () => {
    const r = validatePrefs(draftFromSettings(DEFAULT_SETTINGS));
    // Every setting the form shows comes back unchanged (bookkeeping such as the tray notice is not in the form).
    expect(r.ok).toBe(true);
    if (r.ok) for (const [k, v] of Object.entries(r.patch)) expect(DEFAULT_SETTINGS[k as keyof typeof DEFAULT_SETTINGS], k).toEqual(v);
  });

  it('accepts thresholds typed with spaces, percent signs and in any order', () => {
    expect(parseThresholds('95% 80,')).toEqual({ ok: true, value: [80, 95] });
  });

  it('explains a threshold out of range by quoting it', () => {
    expect(parseThresholds('80, 120')).toEqual({ ok: false, message: '“120” is not a whole percentage from 1 to 100.' });
    expect(parseThresholds('')).toMatchObject({ ok: false, message: 'Enter at least one percentage, such as 80, 95.' });
  });

  it('reports every invalid field at once', () => {
    const r = validatePrefs({ ...draftFromSettings(DEFAULT_SETTINGS), thresholds: 'lots', lowBalanceUsd: '-3', refreshIntervalSec: '5' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['lowBalanceUsd', 'refreshIntervalSec', 'thresholds']);
  });

  it('accepts a dollar sign in the low-balance amount', () => {
    const r = validatePrefs({ ...draftFromSettings(DEFAULT_SETTINGS), lowBalanceUsd: '$5.5' });
    expect(r.ok && r.patch.lowBalanceUsd).toBe(5.5);
  });

  it('accepts plain decimal numbers only: no hex, no exponents', () => {
    const base = draftFromSettings(DEFAULT_SETTINGS);
    for (const lowBalanceUsd of ['0x10', '1e3', '1e1', 'Infinity', '5,5', ' 0b1']) {
      const r = validatePrefs({ ...base, lowBalanceUsd });
      expect(r.ok, lowBalanceUsd).toBe(false);
    }
    for (const [text, value] of [['2', 2], ['2.50', 2.5], ['.5', 0.5], ['0', 0], ['$12', 12]] as const) {
      const r = validatePrefs({ ...base, lowBalanceUsd: text });
      expect(r.ok && r.patch.lowBalanceUsd, text).toBe(value);
    }
    expect(parseThresholds('0x10, 80')).toEqual({ ok: false, message: '“0x10” is not a whole percentage from 1 to 100.' });
    expect(parseThresholds('1e1')).toMatchObject({ ok: false });
    expect(validatePrefs({ ...base, refreshIntervalSec: '6e1' }).ok).toBe(false);
  });

  it('offers the current interval even when it is not a standard choice', () => {
    expect(refreshOptions(120).map((o) => o.label)).toContain('Every 2 min');
    expect(refreshOptions(45).map((o) => o.value)).toContain('45');
  });

  it('offers adaptive polling first, and saves a fixed choice as a fixed interval', () => {
    expect(refreshOptions(120)[0]).toEqual({ value: 'adaptive', label: 'Adaptive (1–30 minutes)' });
    const base = draftFromSettings(DEFAULT_SETTINGS);
    expect(base.refreshIntervalSec).toBe('adaptive');
    const adaptive = validatePrefs(base);
    expect(adaptive.ok && adaptive.patch).toMatchObject({ pollingMode: 'adaptive' });
    expect(adaptive.ok && 'refreshIntervalSec' in adaptive.patch).toBe(false);
    const fixed = validatePrefs({ ...base, refreshIntervalSec: '300' });
    expect(fixed.ok && fixed.patch).toMatchObject({ pollingMode: 'fixed', refreshIntervalSec: 300 });
    expect(draftFromSettings({ ...DEFAULT_SETTINGS, pollingMode: 'fixed', refreshIntervalSec: 600 }).refreshIntervalSec).toBe('600');
  });
});

describe('credential status', () => {
  it('says where Codex credentials were found', () => {
    const v = credentialView({ providerId: 'codex', configured: true, origin: 'file', label: '/home/me/.codex/auth.json', error: null });
    expect(v).toMatchObject({ name: 'Codex', state: 'found', text: 'Found in /home/me/.codex/auth.json' });
  });

  it('tells how to set up Claude’s status line when it has not reported', () => {
    const v = credentialView({ providerId: 'claude', configured: false, origin: null, label: null, error: null });
    expect(v.state).toBe('missing');
    expect(v.hint).toContain('quotabar statusline install');
  });

  it('explains a locked keychain', () => {
    const v = credentialView({
      providerId: 'openrouter', configured: false, origin: null, label: null, error: { kind: 'keychain_unavailable', detail: 'locked' },
    });
    expect(v.state).toBe('error');
    expect(v.text).toContain('keychain');
  });

  it('shows the masked label of a stored key', () => {
    const v = credentialView({ providerId: 'openrouter', configured: true, origin: 'keychain', label: 'sk-or-v1-…e41', error: null });
    expect(v.text).toBe('Saved in the system keychain (sk-or-v1-…e41)');
  });
});

describe('pace warning preferences', () => {
  it('save the providers ticked and a decimal margin, and refuse a margin out of range', async () => {
    const { DEFAULT_SETTINGS: D } = await import('../../core/settings');
    const base = draftFromSettings({ ...D, predictiveAlerts: ['claude'] });
    expect(base.predictiveAlerts).toEqual(['claude']);
    const r = validatePrefs({ ...base, predictiveAlerts: ['claude', 'codex'], predictiveMarginMin: '12.5' });
    expect(r.ok && r.patch).toMatchObject({ predictiveAlerts: ['claude', 'codex'], predictiveMarginMin: 12.5 });
    for (const bad of ['-1', '1441', '1e3', '']) {
      const e = validatePrefs({ ...base, predictiveMarginMin: bad });
      expect(e.ok ? null : e.errors.predictiveMarginMin).toBe('Enter minutes from 0 to 1440.');
    }
  });
});
