import { describe, it, expect } from 'vitest';
import {
  createOpenRouterProvider,
  maskKey,
  parseCreditsResponse,
  parseKeyResponse,
  toOpenRouterWindows,
  validateOpenRouterKey,
  type OpenRouterKeyInfo,
} from '../../../../core/providers/openrouter/provider';
import { FakeClock } from '../../../support/fake-clock';
import { ScriptedHttp, type Reply } from '../../../support/scripted-http';
import { fixture } from '../load-fixture';
import { error, value } from '../../../support/results';

const BASE = 'https://openrouter.test/api/v1';
const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789e41';
const OTHER_KEY = 'sk-or-v1-fedcba9876543210fedcba9876543210fedcba9876543210fedcba98765ab';
// A Wednesday, so the next midnight, Monday and month start are three different instants.
const WEDNESDAY = '2026-09-16T15:30:00Z';
const NEXT_MIDNIGHT = Date.parse('2026-09-17T00:00:00Z');
const NEXT_MONDAY = Date.parse('2026-09-21T00:00:00Z');
const NEXT_MONTH = Date.parse('2026-10-01T00:00:00Z');

const ok = (name: string): Reply => ({ status: 200, body: fixture('openrouter', name) });
const key = (name: string): OpenRouterKeyInfo => parseKeyResponse(fixture('openrouter', name))!;

function setup(opts: { key?: () => string | null } = {}) {
  const http = new ScriptedHttp();
  const clock = new FakeClock(WEDNESDAY);
  const getKey = opts.key ?? (() => KEY);
  const provider = createOpenRouterProvider({
    http,
    clock,
    baseUrl: BASE,
    getKey: async () => ({ ok: true, value: getKey() }),
  });
  const fetch = () => provider.sources[0]!.fetch();
  return { http, clock, provider, fetch };
}



describe('OpenRouter /key with a spending cap', () => {
  it('shows one USD credits window: used is the cap minus what remains, reset next Monday for a weekly cap', () => {
    const { windows, notes } = toOpenRouterWindows(key('key-capped-weekly'), null, Date.parse(WEDNESDAY));
    expect(windows).toHaveLength(1);
    const w = windows[0]!;
    expect(w).toMatchObject({ kind: 'credits', unit: 'usd', label: 'Weekly limit', limit: 20, remaining: 12.37, resetsAt: NEXT_MONDAY });
    expect(w.used).toBeCloseTo(7.63, 10);
    expect(w.usedPercent).toBeCloseTo(38.15, 10);
    // This week's spend (from Monday 00:00 UTC) rides along for the runway.
    expect(notes).toEqual([{ code: 'week_spend', amount: 7.63, unit: 'usd', since: Date.parse('2026-09-14T00:00:00Z') }]);
  });

  it('reports no week spend for an uncapped key that shows spend windows', () => {
    const { notes } = toOpenRouterWindows(key('key-uncapped'), { kind: 'no_spending_limit' }, Date.parse(WEDNESDAY));
    expect(notes.map((n) => n.code)).not.toContain('week_spend');
  });

  it('falls back to the usage field matching the reset period when limit_remaining is missing', () => {
    const [w] = toOpenRouterWindows(key('key-capped-daily-no-remaining'), null, Date.parse(WEDNESDAY)).windows;
    expect(w).toMatchObject({ used: 1.25, limit: 5, usedPercent: 25, remaining: 3.75, resetsAt: NEXT_MIDNIGHT, label: 'Daily limit' });
  });

  it('counts an overspent monthly cap as fully used but keeps the raw negative remainder', () => {
    const [w] = toOpenRouterWindows(key('key-capped-monthly-overspent'), null, Date.parse(WEDNESDAY)).windows;
    expect(w).toMatchObject({ used: 10, usedPercent: 100, remaining: -3.5, resetsAt: NEXT_MONTH });
  });

  it('has no reset time when limit_reset is null', () => {
    const [w] = toOpenRouterWindows(key('key-capped-never-resets'), null, Date.parse(WEDNESDAY)).windows;
    expect(w).toMatchObject({ used: 5, usedPercent: 10, resetsAt: null, label: 'Key limit' });
  });

  it('reads numbers sent as strings and a capitalised reset period', () => {
    const [w] = toOpenRouterWindows(key('key-capped-numbers-as-strings'), null, Date.parse(WEDNESDAY)).windows;
    expect(w).toMatchObject({ used: 14.5, limit: 20, resetsAt: NEXT_MONDAY });
  });

  it('uses all-time usage for an older-shape key that has a cap but no limit_remaining', () => {
    const [w] = toOpenRouterWindows(key('key-old-shape-capped'), null, Date.parse(WEDNESDAY)).windows;
    expect(w).toMatchObject({ used: 7.5, limit: 10, usedPercent: 75, resetsAt: null });
  });

  it('makes exactly one request per poll: GET /key, never /credits', async () => {
    const { http, fetch } = setup();
    http.on('/key', ok('key-capped-weekly')).on('/credits', ok('credits-balance'));
    const data = value(await fetch());
    await fetch();
    expect(http.requests.map((r) => r.url)).toEqual([`${BASE}/key`, `${BASE}/key`]);
    expect(http.count('/credits')).toBe(0);
    expect(data.source).toBe('openrouter:/key');
    expect(http.requests[0]).toMatchObject({
      method: 'GET',
      headers: { Authorization: `Bearer ${KEY}`, Accept: 'application/json', 'X-Title': 'Quotabar' },
    });
  });

  it("labels the account with OpenRouter's masked label, never the key", async () => {
    const { http, fetch } = setup();
    http.on('/key', ok('key-capped-weekly'));
    const data = value(await fetch());
    expect(data.account).toEqual({ label: 'sk-or-v1-7c2…e41', plan: null });
    expect(JSON.stringify(data)).not.toContain(KEY);
  });

  it('masks the label itself if a proxy echoes the raw key in it', async () => {
    const { http, fetch } = setup();
    http.on('/key', { status: 200, body: { data: { label: KEY, limit: 5, limit_remaining: 5 } } });
    const data = value(await fetch());
    expect(data.account?.label).toBe('sk-or-v1-…e41');
    expect(JSON.stringify(data)).not.toContain(KEY);
  });

  it('tolerates a trailing slash on the base URL', async () => {
    const http = new ScriptedHttp().on('/key', ok('key-capped-weekly'));
    const p = createOpenRouterProvider({ http, clock: new FakeClock(), baseUrl: `${BASE}/`, getKey: async () => ({ ok: true, value: KEY }) });
    expect(p).toMatchObject({ id: 'openrouter', displayName: 'OpenRouter', sources: [{ id: 'openrouter:/key' }] });
    await p.sources[0]!.fetch();
    expect(http.requests[0]!.url).toBe(`${BASE}/key`);
  });
});

describe('OpenRouter key without a usable cap', () => {
  it('treats a zero limit as no cap and asks /credits', async () => {
    const { http, fetch } = setup();
    http.on('/key', ok('key-zero-limit')).on('/credits', ok('credits-balance'));
    value(await fetch());
    expect(http.count('/credits')).toBe(1);
  });

  it('shows the account balance from /credits and reports /credits as the source', async () => {
    const { http, fetch } = setup();
    http.on('/key', ok('key-uncapped')).on('/credits', ok('credits-balance'));
    const data = value(await fetch());
    expect(data.source).toBe('openrouter:/credits');
    expect(data.windows).toEqual([
      expect.objectContaining({ kind: 'credits', unit: 'usd', used: 7.5, limit: 25, remaining: 17.5, usedPercent: 30, resetsAt: null }),
    ]);
    expect(http.requests[1]).toMatchObject({ url: `${BASE}/credits`, headers: { Authorization: `Bearer ${KEY}` } });
  });

  it('lets the balance go negative', () => {
    const credits = parseCreditsResponse(fixture('openrouter', 'credits-negative'))!;
    const [w] = toOpenRouterWindows(key('key-uncapped'), { kind: 'balance', credits }, Date.parse(WEDNESDAY)).windows;
    expect(w).toMatchObject({ used: 12.25, limit: 10, remaining: -2.25, usedPercent: 122.5 });
  });

  it.each([401, 403])('on /credits %i says "no spending limit" and shows daily/weekly/monthly spend instead of an error', async (status) => {
    const { http, fetch } = setup();
    http.on('/key', ok('key-uncapped')).on('/credits', { status, body: fixture('openrouter', 'error-403-management-key') });
    const data = value(await fetch());
    expect(data.source).toBe('openrouter:/key');
    expect(data.notes).toContainEqual({ code: 'no_spending_limit' });
    expect(data.windows.map((w) => [w.kind, w.used, w.usedPercent, w.unit, w.resetsAt])).toEqual([
      ['daily', 2.5, null, 'usd', NEXT_MIDNIGHT],
      ['weekly', 14.75, null, 'usd', NEXT_MONDAY],
      ['monthly', 61.2, null, 'usd', NEXT_MONTH],
    ]);
  });

  it('does not ask /credits again for a key that got 403, but does once the key changes', async () => {
    let current = KEY;
    const { http, fetch } = setup({ key: () => current });
    http.on('/key', ok('key-uncapped')).on('/credits', { status: 403, body: fixture('openrouter', 'error-403-management-key') });
    await fetch();
    await fetch();
    const third = value(await fetch());
    expect(http.count('/credits')).toBe(1);
    expect(http.count('/key')).toBe(3);
    expect(third.notes).toContainEqual({ code: 'no_spending_limit' });
    current = OTHER_KEY;
    await fetch();
    expect(http.count('/credits')).toBe(2);
    expect(http.requests.at(-1)!.headers!['Authorization']).toBe(`Bearer ${OTHER_KEY}`);
  });

  it('shows all-time spend and the free-tier note for an older-shape key without a cap', async () => {
    const { http, fetch } = setup();
    http.on('/key', ok('key-old-shape')).on('/credits', { status: 403 });
    const data = value(await fetch());
    expect(data.windows).toEqual([expect.objectContaining({ id: 'usage', kind: 'credits', used: 3.5, usedPercent: null, resetsAt: null })]);
    expect(data.notes).toEqual([{ code: 'no_spending_limit' }, { code: 'free_tier' }]);
  });

  it('notes when the key expires', () => {
    const { notes } = toOpenRouterWindows(key('key-uncapped'), { kind: 'no_spending_limit' }, Date.parse(WEDNESDAY));
    expect(notes).toContainEqual({ code: 'key_expires', at: Date.parse('2026-12-31T23:59:59Z') });
  });

  it('reports /credits 429 as rate limited with its Retry-After', async () => {
    const { http, fetch } = setup();
    http.on('/key', ok('key-uncapped')).on('/credits', { status: 429, headers: { 'Retry-After': '30' }, body: fixture('openrouter', 'error-429') });
    expect(error(await fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 30_000 });
  });

  it('reads a Retry-After given as an HTTP date against the clock', async () => {
    const { http, fetch } = setup();
    http.on('/key', ok('key-uncapped')).on('/credits', { status: 429, headers: { 'Retry-After': 'Wed, 16 Sep 2026 15:32:00 GMT' } });
    expect(error(await fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 120_000 });
  });

  it('reports other /credits failures as errors, never as "no spending limit", and asks again next time', async () => {
    const { http, fetch } = setup();
    http
      .on('/key', ok('key-uncapped'))
      .on('/credits', { status: 500, body: fixture('openrouter', 'error-500') }, { error: { kind: 'transport', code: 'ECONNRESET' } }, { status: 200, body: '<html>' });
    expect(error(await fetch())).toEqual({ kind: 'upstream', status: 500 });
    expect(error(await fetch())).toEqual({ kind: 'transport', code: 'ECONNRESET' });
    expect(error(await fetch())).toMatchObject({ kind: 'malformed' });
    expect(http.count('/credits')).toBe(3);
  });
});

describe('OpenRouter /key failures', () => {
  it('reports 401 as unauthorized with a hint to check the key, and skips /credits', async () => {
    const { http, fetch } = setup();
    http.on('/key', { status: 401, body: fixture('openrouter', 'error-401') });
    expect(error(await fetch())).toEqual({ kind: 'unauthorized', status: 401, hint: 'check_key' });
    expect(http.count('/credits')).toBe(0);
  });

  it('classifies a 403 on /key by its body, so a verification request carries its link', async () => {
    const { http, fetch } = setup();
    const body = { error: { code: 403, message: 'Please verify your account: https://openrouter.ai/verify?x=1\u0026y=2' } };
    http.on('/key', { status: 403, body });
    expect(error(await fetch())).toEqual({ kind: 'forbidden', status: 403, reason: 'validation', url: 'https://openrouter.ai/verify?x=1&y=2' });

    const plain = setup();
    plain.http.on('/key', { status: 403, body: { error: { code: 403, message: 'Key disabled' } } });
    expect(error(await plain.fetch())).toEqual({ kind: 'forbidden', status: 403, reason: 'forbidden', url: null });
  });

  it('reports 429 as rate limited with its Retry-After', async () => {
    const { http, fetch } = setup();
    http.on('/key', { status: 429, headers: { 'retry-after': '12' }, body: fixture('openrouter', 'error-429') });
    expect(error(await fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 12_000 });
  });

  it.each([500, 502, 503])('reports %i as an upstream error', async (status) => {
    const { http, fetch } = setup();
    http.on('/key', { status, body: fixture('openrouter', 'error-500') });
    expect(error(await fetch())).toEqual({ kind: 'upstream', status });
  });

  it('reports a body that is not JSON, or has no data, as malformed', async () => {
    const { http, fetch } = setup();
    http.on('/key', { status: 200, body: 'not json {' }, { status: 200, body: { error: 'x' } });
    expect(error(await fetch())).toMatchObject({ kind: 'malformed' });
    expect(error(await fetch())).toMatchObject({ kind: 'malformed' });
  });

  it('passes a transport failure through', async () => {
    const { http, fetch } = setup();
    http.on('/key', { error: { kind: 'transport', code: 'ECONNREFUSED' } });
    expect(error(await fetch())).toEqual({ kind: 'transport', code: 'ECONNREFUSED' });
  });

  it.each([null, '', '   '])('is unconfigured without a key (%j) and sends nothing', async (k) => {
    const { http, fetch } = setup({ key: () => k });
    expect(error(await fetch())).toEqual({ kind: 'unconfigured', what: 'openrouter key' });
    expect(http.requests).toHaveLength(0);
  });

  it('passes a keychain failure through', async () => {
    const http = new ScriptedHttp();
    const p = createOpenRouterProvider({
      http,
      clock: new FakeClock(),
      baseUrl: BASE,
      getKey: async () => ({ ok: false, error: { kind: 'keychain_unavailable', detail: 'no secret service' } }),
    });
    expect(error(await p.sources[0]!.fetch())).toEqual({ kind: 'keychain_unavailable', detail: 'no secret service' });
    expect(http.requests).toHaveLength(0);
  });

  it('never puts the key in an error', async () => {
    for (const reply of [{ status: 401 }, { status: 429 }, { status: 500 }, { status: 200, body: KEY }] as Reply[]) {
      const { http, fetch } = setup();
      http.on('/key', reply);
      expect(JSON.stringify(await fetch())).not.toContain(KEY.slice(12));
    }
  });
});

describe('OpenRouter parsers', () => {
  it('drop a garbled field, not the key', () => {
    const k = parseKeyResponse({ data: { label: 7, limit: 'lots', limit_remaining: null, usage: 3, expires_at: 'soon' } });
    expect(k).toMatchObject({ label: null, limit: null, limitRemaining: null, usage: 3, expiresAt: null });
  });

  it('return null when there is no data object', () => {
    expect(parseKeyResponse({ error: { code: 401 } })).toBeNull();
    expect(parseKeyResponse([1, 2])).toBeNull();
    expect(parseCreditsResponse('x')).toBeNull();
  });
});

describe('validateOpenRouterKey', () => {
  it('checks a key with one GET /key and returns its masked label', async () => {
    const http = new ScriptedHttp().on('/key', ok('key-uncapped'));
    expect(await validateOpenRouterKey(http, BASE, ` ${KEY}\n`)).toEqual({ ok: true, value: { label: 'sk-or-v1-0fe…9d1' } });
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0]!.headers!['Authorization']).toBe(`Bearer ${KEY}`);
  });

  it('reports a rejected key as unauthorized', async () => {
    const http = new ScriptedHttp().on('/key', { status: 401, body: fixture('openrouter', 'error-401') });
    expect(await validateOpenRouterKey(http, BASE, KEY)).toEqual({ ok: false, error: { kind: 'unauthorized', status: 401, hint: 'check_key' } });
  });

  it('refuses an empty key without a request', async () => {
    const http = new ScriptedHttp();
    expect((await validateOpenRouterKey(http, BASE, '  ')).ok).toBe(false);
    expect(http.requests).toHaveLength(0);
  });
});

describe('maskKey', () => {
  it('shows only the prefix and the last three characters', () => {
    expect(maskKey(KEY)).toBe('sk-or-v1-…e41');
    expect(maskKey('abcdefghijklmnopqrstuvwxyz')).toBe('…xyz');
  });

  it('hides every character of a short key', () => {
    expect(maskKey('sk-or-v1-abc123')).toBe('sk-or-v1-…');
    expect(maskKey('hunter2')).toBe('…');
  });
});
