import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../core/errors';
import { describeNote, windowAmounts, windowFigure } from '../../../../core/present';
import type { GitHubSignIn } from '../../../../core/providers/copilot/credentials';
import { createCopilotProvider, parseCopilotUsage } from '../../../../core/providers/copilot/provider';
import { FakeClock } from '../../../support/fake-clock';
import { error, value } from '../../../support/results';
import { ScriptedHttp } from '../../../support/scripted-http';
import { fixture, fixtureText } from '../load-fixture';

const NOW = '2026-09-20T12:00:00Z';
const now = Date.parse(NOW);
const TOKEN = 'ghu_GITHUBtoken0000000000000000000000000';

const parse = (name: string) => value(parseCopilotUsage(fixture('copilot', name), now));

function setup(signIn: Result<GitHubSignIn | null> = { ok: true, value: { token: TOKEN, user: 'alice' } }) {
  const http = new ScriptedHttp();
  const provider = createCopilotProvider({ http, clock: new FakeClock(NOW), baseUrl: 'https://api.github.test/', getSignIn: async () => signIn });
  return { http, fetch: () => provider.sources[0]!.fetch() };
}

describe('parseCopilotUsage', () => {
  it('shows premium requests as a monthly window with counts, resetting on quota_reset_date', () => {
    const { windows, notes, plan } = parse('user-pro-premium');
    expect(windows).toHaveLength(1);
    const w = windows[0]!;
    expect([w.id, w.kind, w.label, w.used, w.limit, w.remaining, w.unit]).toEqual(['premium', 'monthly', 'Premium requests', 88, 300, 212, 'requests']);
    expect(w.usedPercent).toBeCloseTo(29.33, 2);
    expect(w.resetsAt).toBe(Date.parse('2026-10-01T00:00:00Z'));
    // September has 30 days: the period is the month that ends at the reset.
    expect(w.windowMinutes).toBe(30 * 24 * 60);
    expect(plan).toBe('individual_pro');
    // Unlimited chat and completions are not worth a line of their own.
    expect(notes).toEqual([]);
    expect(windowFigure(w)).toBe('29 % used');
    expect(windowAmounts(w)).toBe('88 of 300 requests · 212 left');
  });

  it('says premium requests are unlimited instead of drawing a 0 % bar', () => {
    const { windows, notes } = parse('user-premium-unlimited');
    expect(windows).toEqual([]);
    expect(notes).toEqual([{ code: 'no_cap', label: 'Premium requests' }]);
    expect(describeNote(notes[0]!)).toBe('Premium requests: unlimited.');
  });

  it('marks a 0/0 seat as having no personal allowance, never as 0 % used', () => {
    const { windows, notes } = parse('user-org-managed-seat');
    expect(windows).toEqual([]);
    expect(notes).toEqual([{ code: 'no_personal_quota', label: 'Premium requests', creditsUsed: 41.5 }]);
    expect(describeNote(notes[0]!)).toBe('Premium requests: no personal allowance on this seat (billed by use or managed by an organization); 41.5 credits used.');
  });

  it('reads the legacy free tier: remaining chat and completions against their monthly totals', () => {
    const { windows } = parse('user-legacy-free');
    expect(windows.map((w) => [w.id, w.used, w.limit, w.remaining, w.usedPercent])).toEqual([
      ['chat', 12, 50, 38, 24],
      ['completions', 500, 2000, 1500, 25],
    ]);
    expect(windows[0]!.resetsAt).toBe(Date.parse('2026-10-05T00:00:00Z'));
  });

  it('keeps an overdrawn allowance raw: more than 100 % used, negative remaining', () => {
    const w = parse('user-over-allowance').windows[0]!;
    expect([w.used, w.limit, w.remaining]).toEqual([325, 300, -25]);
    expect(w.usedPercent).toBeCloseTo(108.33, 2);
  });

  it('falls back to percent_remaining (a remaining share) when the counts are missing', () => {
    const r = value(parseCopilotUsage({ quota_snapshots: { premium_interactions: { percent_remaining: 35 } } }, now));
    expect(r.windows.map((w) => [w.id, w.usedPercent, w.used, w.limit])).toEqual([['premium', 65, null, null]]);
  });

  it('shows metered chat and completions too (a free plan), and drops a garbled snapshot without losing the others', () => {
    const r = value(
      parseCopilotUsage(
        { quota_snapshots: { premium_interactions: 'n/a', chat: { entitlement: 50, remaining: 10 }, completions: { entitlement: null, remaining: 'x' } } },
        now,
      ),
    );
    expect(r.windows.map((w) => [w.id, w.usedPercent])).toEqual([['chat', 80]]);
  });

  it('calls a body without a usable snapshot malformed, unless the seat is token-billed', () => {
    expect(error(parseCopilotUsage(fixture('copilot', 'user-no-snapshot'), now)).kind).toBe('malformed');
    expect(error(parseCopilotUsage('<html>', now)).kind).toBe('malformed');
    const billed = value(parseCopilotUsage({ token_based_billing: true, quota_snapshots: {} }, now));
    expect(billed.notes).toEqual([{ code: 'no_personal_quota', label: 'Premium requests', creditsUsed: null }]);
  });

  it('leaves the reset unknown when quota_reset_date is garbled or implausible', () => {
    for (const d of ['soon', '1999-01-01', '9999-12-31', 12]) {
      const w = value(parseCopilotUsage({ quota_reset_date: d, quota_snapshots: { premium_interactions: { entitlement: 10, remaining: 5 } } }, now)).windows[0]!;
      expect([w.resetsAt, w.windowMinutes, w.usedPercent]).toEqual([null, null, 50]);
    }
  });

  it('never throws, whatever the body', () => {
    const snapshot = fc.record({
      entitlement: fc.oneof(fc.integer({ min: -2, max: 1000 }), fc.string(), fc.constant(null)),
      remaining: fc.oneof(fc.double(), fc.string(), fc.constant(null)),
      percent_remaining: fc.oneof(fc.double(), fc.constant(null)),
      unlimited: fc.oneof(fc.boolean(), fc.string()),
      credits_used: fc.anything(),
    });
    const body = fc.oneof(
      fc.anything(),
      fc.record({ quota_reset_date: fc.oneof(fc.string(), fc.anything()), quota_snapshots: fc.dictionary(fc.constantFrom('premium_interactions', 'chat', 'completions', 'x'), fc.oneof(snapshot, fc.anything())), limited_user_quotas: fc.anything(), monthly_quotas: fc.anything() }),
    );
    fc.assert(fc.property(body, (b) => void parseCopilotUsage(b, now)));
  });
});

describe('the Copilot provider', () => {
  it('sends the token as `token <oauth>` with the editor headers, and labels the account with its login', async () => {
    const s = setup();
    s.http.on('/copilot_internal/user', { status: 200, body: fixtureText('copilot', 'user-pro-premium') });
    const data = value(await s.fetch());
    const req = s.http.requests[0]!;
    expect(req.url).toBe('https://api.github.test/copilot_internal/user');
    expect(req.headers?.['Authorization']).toBe(`token ${TOKEN}`);
    expect(req.headers?.['Editor-Version']).toMatch(/^vscode\//);
    expect(req.headers?.['X-Github-Api-Version']).toBe('2025-04-01');
    expect(data.account).toEqual({ label: 'alice', plan: 'individual_pro' });
    expect(data.source).toBe('copilot:copilot_internal/user');
  });

  it('makes no request without a sign-in, and passes a sign-in problem on', async () => {
    const none = setup({ ok: true, value: null });
    expect(error(await none.fetch()).kind).toBe('unconfigured');
    const bad = setup({ ok: false, error: { kind: 'credentials_invalid', detail: 'x' } });
    expect(error(await bad.fetch()).kind).toBe('credentials_invalid');
    expect(none.http.requests.length + bad.http.requests.length).toBe(0);
  });

  it('asks to sign in again on 401 and on a plain 403', async () => {
    for (const status of [401, 403]) {
      const s = setup();
      s.http.on('/copilot_internal/user', { status, body: fixtureText('copilot', 'user-401') });
      expect(error(await s.fetch())).toEqual({ kind: 'unauthorized', status, hint: 'copilot_login' });
    }
  });

  it('reads a 403 with an exhausted rate limit, and a 429, as throttling with its wait', async () => {
    const s = setup();
    const reset = String(now / 1000 + 600);
    s.http.on('/copilot_internal/user', { status: 403, body: fixtureText('copilot', 'user-403-rate-limited'), headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } });
    expect(error(await s.fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 600_000 });
    const t = setup();
    t.http.on('/copilot_internal/user', { status: 429, body: '', headers: { 'retry-after': '90' } });
    expect(error(await t.fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 90_000 });
  });

  it('backs off on a 5xx', async () => {
    const s = setup();
    s.http.on('/copilot_internal/user', { status: 502, body: 'bad gateway' });
    expect(error(await s.fetch())).toEqual({ kind: 'upstream', status: 502 });
  });
});
