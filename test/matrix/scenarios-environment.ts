// Rows of the hostile-provider matrix where the trouble is not the provider: the clock, the
// keychain, the credential files and the settings file.
import { fixtureText } from '../core/providers/load-fixture';
import { AFTER_SLEEP, AT_INTERVAL, HOUR, NONE, type Scenario } from './scenario-kit';

const DAY = 24 * HOUR;
const CODEX_WINDOWS = [{ id: 'session', usedPercent: 37 }, { id: 'weekly', usedPercent: 12 }];
const OPENROUTER_WINDOW = [{ id: 'key-limit', limit: 20, remaining: 12.37 }];

export const ENVIRONMENT_SCENARIOS: Scenario[] = [
  // Keychain
  { name: 'keeps the last values and sends nothing while the keychain is locked', provider: 'openrouter', trouble: { kind: 'keychain-locked' },
    expect: { fails: { kind: 'keychain_unavailable' } }, maxRequests: NONE },
  { name: 'says the keychain is unavailable, and sends nothing, when there is none at all', provider: 'openrouter',
    trouble: { kind: 'keychain-absent' }, expect: { fails: { kind: 'keychain_unavailable' } }, maxRequests: NONE },
  { name: 'clears the card and sends nothing once the key is removed', provider: 'openrouter', trouble: { kind: 'key-removed' },
    expect: { clears: 'unconfigured' }, maxRequests: NONE },
  // Credential files
  { name: 'reports a half-written auth.json and sends nothing', provider: 'codex',
    trouble: { kind: 'auth-file', text: '{"auth_mode":"chatgpt","tokens":{"access_token":"eyJhbGciOi' },
    expect: { fails: { kind: 'credentials_invalid' } }, maxRequests: NONE },
  { name: 'reports an auth.json emptied by a crash and sends nothing', provider: 'codex', trouble: { kind: 'auth-file', text: '' },
    expect: { fails: { kind: 'credentials_invalid' } }, maxRequests: NONE },
  { name: 'keeps reading usage when auth.json is rewritten with camelCase token keys', provider: 'codex',
    trouble: { kind: 'auth-file', text: fixtureText('codex', 'auth-camel-case') },
    expect: { reads: CODEX_WINDOWS }, maxRequests: AT_INTERVAL },
  // Clock
  { name: 'polls once on waking from an 8-hour sleep, not once per missed interval', provider: 'codex',
    trouble: { kind: 'sleep', ms: 8 * HOUR }, expect: { reads: CODEX_WINDOWS }, maxRequests: AFTER_SLEEP },
  { name: 'polls once on waking from a 3-day sleep and recomputes the weekly reset', provider: 'openrouter',
    trouble: { kind: 'sleep', ms: 3 * DAY }, expect: { reads: [{ id: 'key-limit', resetsAt: Date.UTC(2026, 8, 28) }] }, maxRequests: AFTER_SLEEP },
  { name: 'keeps its pace when the wall clock jumps back 3 hours', provider: 'openrouter', trouble: { kind: 'wall-jump', ms: -3 * HOUR },
    expect: { reads: OPENROUTER_WINDOW }, maxRequests: AT_INTERVAL },
  { name: 'keeps its pace when the wall clock jumps forward 2 days', provider: 'codex', trouble: { kind: 'wall-jump', ms: 2 * DAY },
    expect: { reads: CODEX_WINDOWS }, maxRequests: AT_INTERVAL },
  { name: 'asks to sign in again, without a request, when a clock jump expires the token', provider: 'claude',
    claudeTokenTtlMs: HOUR, trouble: { kind: 'wall-jump', ms: 2 * HOUR },
    expect: { fails: { kind: 'unauthorized', status: null, hint: 'token_expired' } }, maxRequests: NONE },
  // Settings file
  { name: 'starts with default settings from a corrupt settings file', provider: 'codex',
    trouble: { kind: 'settings-file', text: '\u0000\u0001\u00ff garbage \u0000', intervalSec: 120, problem: 'corrupt' },
    expect: { reads: CODEX_WINDOWS }, maxRequests: AT_INTERVAL },
  { name: 'starts with default settings from a half-written settings file', provider: 'codex',
    trouble: { kind: 'settings-file', text: '{"refreshIntervalSec": 600, "thresholds": [80,', intervalSec: 120, problem: 'corrupt' },
    expect: { reads: CODEX_WINDOWS }, maxRequests: AT_INTERVAL },
  { name: 'starts with default settings from an empty settings file', provider: 'codex',
    trouble: { kind: 'settings-file', text: '', intervalSec: 120, problem: 'corrupt' },
    expect: { reads: CODEX_WINDOWS }, maxRequests: AT_INTERVAL },
  { name: 'polls no faster than every 30 s when the settings ask for 0 s', provider: 'codex',
    trouble: { kind: 'settings-file', text: '{"refreshIntervalSec": 0}', intervalSec: 30, problem: null },
    expect: { reads: CODEX_WINDOWS }, maxRequests: 120 },
  { name: 'polls every 5 minutes when the settings say so, whatever else is garbled', provider: 'codex',
    trouble: { kind: 'settings-file', text: '{"refreshIntervalSec": "300", "thresholds": "lots", "lowBalanceUsd": -7}', intervalSec: 300, problem: null },
    expect: { reads: CODEX_WINDOWS }, maxRequests: 12 },
];
