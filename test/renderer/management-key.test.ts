// The words of Settings' management key row: its status, and what a check came to. "OpenRouter refused it"
// only when OpenRouter answered 401/403; in demo mode the demo server is named instead.
import { describe, expect, it } from 'vitest';
import type { KeyCheck, ManagementKeyStatus } from '../../app/contract';
import type { ProviderError } from '../../core/errors';
import { emptySnapshot } from '../../core/model';
import { openrouter } from '../../core/providers/openrouter/descriptor';
import { initialKeyForm, keyFormStep } from '../../renderer/view-model/key-form';
import { managementCheckMessage, managementKeyView } from '../../renderer/view-model/management-key';

const REFUSAL: ProviderError = { kind: 'forbidden', status: 403, reason: 'management_key_required', url: null };
const REFUSED: KeyCheck = { ok: false, error: REFUSAL };
const status = (s: Partial<ManagementKeyStatus>): ManagementKeyStatus => ({ providerId: 'openrouter', origin: null, label: null, error: null, ...s });

describe('a management key check, in words', () => {
  it('says OpenRouter refused it only when OpenRouter answered so', () => {
    expect(managementCheckMessage(REFUSED, 'save', false, openrouter)).toEqual({
      tone: 'error',
      text: 'OpenRouter refused it: it is not a management key, or it is invalid or disabled. A management key is created in your OpenRouter account settings.',
    });
    // The demo server is not OpenRouter.
    const demo = managementCheckMessage(REFUSED, 'test', true, openrouter);
    expect(demo.text).toBe('The demo server refused this key: in demo mode management keys are checked by a local demo server, not by OpenRouter.');
    expect(demo.text).not.toContain('OpenRouter refused');
    // No answer at all is not a refusal.
    const down = managementCheckMessage({ ok: false, error: { kind: 'transport', code: 'ECONNREFUSED' } }, 'save', false, openrouter);
    expect(down.tone).toBe('error');
    expect(down.text).not.toMatch(/refused it|not a management key/);
    expect(down.text).not.toContain('will retry');
  });

  it('counts the keys it lists when it works, and says where they show once saved', () => {
    expect(managementCheckMessage({ ok: true, label: 'sk-or-v1-…e41', keys: 4 }, 'save', false, openrouter).text).toBe(
      'Saved (sk-or-v1-…e41): it lists 4 keys. The team keys show under OpenRouter in the popover.',
    );
    expect(managementCheckMessage({ ok: true, label: 'sk-or-v1-…e41', keys: 1 }, 'test', true, openrouter).text).toBe(
      'The management key works (sk-or-v1-…e41): it lists 1 key. Save it to show them in the popover.',
    );
    expect(managementCheckMessage({ ok: false, error: { kind: 'invalid_format', detail: 'OpenRouter keys start with "sk-or-".' } }, 'save', false, openrouter).text).toBe(
      'OpenRouter keys start with "sk-or-".',
    );
  });

  it('asks for a key before sending, and leaves its shape to the main process', () => {
    const empty = keyFormStep(initialKeyForm, { type: 'submit', action: 'save', provider: openrouter, slot: 'management' });
    expect(empty).toEqual({ phase: 'editing', draft: '', message: { tone: 'error', text: 'Paste an OpenRouter management key first.' } });
    const typed = keyFormStep(initialKeyForm, { type: 'input', value: ' sk-or-v1-x ' });
    expect(keyFormStep(typed, { type: 'submit', action: 'test', provider: openrouter, slot: 'management' }).phase).toBe('busy');
    const done = keyFormStep({ phase: 'busy', action: 'save', draft: 'sk-or-v1-x' }, { type: 'result', action: 'save', check: { ok: true, label: 'l', keys: 2 }, provider: openrouter, slot: 'management' });
    // The saved key does not stay in the form.
    expect(done).toMatchObject({ phase: 'editing', draft: '', message: { tone: 'success' } });
  });
});

describe('the management key row’s status', () => {
  it('says not set, stored (the keychain, or this session in demo mode), or set by the variable', () => {
    expect(managementKeyView(openrouter, status({}), null, { demo: false })).toMatchObject({ state: 'missing', text: 'Not set.', stored: false, fromEnv: false });
    expect(managementKeyView(openrouter, status({ origin: 'keychain', label: 'sk-or-v1-…e41' }), null, { demo: false })).toMatchObject({
      state: 'found',
      text: 'Saved in the system keychain (sk-or-v1-…e41)',
      stored: true,
    });
    expect(managementKeyView(openrouter, status({ origin: 'keychain', label: 'sk-or-v1-…e41' }), null, { demo: true }).text).toBe('Kept for this session only (sk-or-v1-…e41)');
    expect(managementKeyView(openrouter, status({ origin: 'env', label: 'sk-or-v1-…abc' }), null, { demo: false })).toMatchObject({
      state: 'found',
      text: 'Set by OPENROUTER_MANAGEMENT_KEY (sk-or-v1-…abc)',
      fromEnv: true,
      stored: false,
    });
  });

  it('says refused when the last poll’s team view was refused, naming who refused it', () => {
    const snap = { ...emptySnapshot('openrouter', 'ok'), notes: [{ code: 'team_keys_error' as const, error: REFUSAL }] };
    const stored = status({ origin: 'keychain', label: 'sk-or-v1-…e41' });
    expect(managementKeyView(openrouter, stored, snap, { demo: false })).toMatchObject({
      state: 'invalid',
      text: 'Refused by OpenRouter (sk-or-v1-…e41): not a management key, or invalid or disabled.',
    });
    expect(managementKeyView(openrouter, stored, snap, { demo: true }).text).toMatch(/^Refused by the demo server/);
    // A team view that failed for another reason says nothing against the key.
    const down = { ...snap, notes: [{ code: 'team_keys_error' as const, error: { kind: 'timeout' as const, afterMs: 20_000 } }] };
    expect(managementKeyView(openrouter, stored, down, { demo: false }).state).toBe('found');
  });

  it('says why the keychain could not be read', () => {
    const v = managementKeyView(openrouter, status({ error: { kind: 'keychain_unavailable', detail: 'locked' } }), null, { demo: false });
    expect(v.state).toBe('error');
    expect(v.text.length).toBeGreaterThan(0);
  });
});
