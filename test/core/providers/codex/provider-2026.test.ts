// Codex shapes seen in 2026: camelCase auth.json, workspace credit pools, and reset times no
// provider could mean.
import { describe, expect, it } from 'vitest';
import { parseCodexAuth } from '../../../../core/providers/codex/auth';
import { parseCodexHeaders } from '../../../../core/providers/codex/headers';
import { createCodexProvider, parseUsageResponse } from '../../../../core/providers/codex/provider';
import { FakeClock } from '../../../support/fake-clock';
import { ScriptedHttp } from '../../../support/scripted-http';
import { fixture, fixtureText } from '../load-fixture';
import { value } from '../../../support/results';

const NOW = Date.UTC(2026, 8, 20, 12);
const Y9999 = 253402300799;
/** Year 2200 in unix seconds: within the old 2286 cap, so only the shared 400-day rule drops it. */
const Y2200 = Date.UTC(2200, 0, 1) / 1000;

describe('Codex auth.json in camelCase', () => {
  it('reads tokens.accessToken, accountId and idToken', () => {
    expect(parseCodexAuth(fixtureText('codex', 'auth-camel-case'))).toEqual({
      ok: true,
      value: { accessToken: 'test-access-token-camel', accountId: '8f2a4c1e-0000-4000-8000-0000000camel', email: 'dev@example.com' },
    });
  });

  it('finds the account id in a camelCase idToken when accountId is absent', () => {
    const text = JSON.stringify({ tokens: { accessToken: 'tok', idToken: (fixture<{ tokens: { idToken: string } }>('codex', 'auth-camel-case')).tokens.idToken } });
    expect(parseCodexAuth(text)).toMatchObject({ ok: true, value: { accountId: 'acct-from-jwt' } });
  });

  it('sends the camelCase token and account id to the usage endpoint', async () => {
    const http = new ScriptedHttp().on('/wham/usage', { status: 200, body: fixtureText('codex', 'usage-plus-both-windows') });
    const p = createCodexProvider({ http, clock: new FakeClock(NOW), baseUrl: 'https://chatgpt.test/backend-api', readAuth: async () => ({ ok: true, value: fixtureText('codex', 'auth-camel-case') }) });
    expect(value(await p.sources[0]!.fetch()).windows).toHaveLength(2);
    expect(http.requests[0]!.headers).toMatchObject({ Authorization: 'Bearer test-access-token-camel', 'ChatGPT-Account-Id': '8f2a4c1e-0000-4000-8000-0000000camel' });
  });
});

describe('Codex workspace credit pool (spend_control)', () => {
  it('shows the workspace pool as its own credits window next to a full weekly window', () => {
    const r = parseUsageResponse(fixture('codex', 'usage-team-spend-control'), NOW)!;
    expect(r.windows.map((w) => [w.id, w.kind, w.usedPercent])).toEqual([
      ['session', 'session', 41],
      ['weekly', 'weekly', 100],
      ['credits:workspace_shared', 'credits', 32],
    ]);
    expect(r.windows[2]).toMatchObject({
      label: 'Workspace credit pool', unit: 'credits', used: 8000, limit: 25000, remaining: 17000, resetsAt: 1790899200_000, windowMinutes: null,
    });
  });

  it('unwraps a group limit and names the group', () => {
    const group = { group_id: 'g1', group_name: 'Research', details: { limit: '500', used: '125.5', reset_after_seconds: 3600 } };
    const r = parseUsageResponse({ spend_control: { group_shared_limit: group } }, NOW)!;
    expect(r.windows).toEqual([expect.objectContaining({
      id: 'credits:group_shared', label: 'Group credit pool (Research)', used: 125.5, limit: 500, remaining: 374.5, usedPercent: 25.1, resetsAt: NOW + 3_600_000,
    })]);
  });

  it('reads an individual limit at the root when spend_control has none', () => {
    const r = parseUsageResponse({ individual_limit: { limit: 100, used: 3, reset_at: 1790398480 } }, NOW)!;
    expect(r.windows).toEqual([expect.objectContaining({ id: 'credits:individual', label: 'Your credit limit', usedPercent: 3, remaining: 97 })]);
  });

  it('shows nothing for null or empty limits', () => {
    const r = parseUsageResponse({ spend_control: { reached: false, individual_limit: null, workspace_shared_limit: {} } }, NOW)!;
    expect(r.windows).toEqual([]);
  });
});

describe('Codex reset sanity', () => {
  it('keeps the window but drops a year-9999 or year-2200 reset in the usage body', () => {
    const body = {
      rate_limit: {
        primary_window: { used_percent: 5, limit_window_seconds: 18000, reset_at: Y9999 },
        secondary_window: { used_percent: 6, limit_window_seconds: 604800, reset_at: Y2200 },
      },
    };
    expect(parseUsageResponse(body, NOW)!.windows.map((w) => [w.id, w.usedPercent, w.resetsAt])).toEqual([
      ['session', 5, null],
      ['weekly', 6, null],
    ]);
  });

  it('applies the same rule to the x-codex headers', () => {
    const r = parseCodexHeaders({
      'x-codex-primary-used-percent': '5', 'x-codex-primary-window-minutes': '300', 'x-codex-primary-reset-at': String(Y2200),
      'x-codex-secondary-used-percent': '6', 'x-codex-secondary-window-minutes': '10080', 'x-codex-secondary-reset-at': String(NOW / 1000 + 86400),
    }, NOW)!;
    expect(r.windows.map((w) => [w.id, w.resetsAt])).toEqual([['session', null], ['weekly', NOW + 86_400_000]]);
  });
});
