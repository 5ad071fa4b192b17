import { describe, expect, it } from 'vitest';
import { minimax } from '../../../../core/providers/minimax/descriptor';
import { keyFormatProblem, maskKey } from '../../../../core/providers/minimax/key';
import { createMiniMaxProvider, remainsUrl, validateMiniMaxKey } from '../../../../core/providers/minimax/provider';
import { parseRemains, toMiniMaxWindows } from '../../../../core/providers/minimax/windows';
import { FakeClock } from '../../../support/fake-clock';
import { error, value } from '../../../support/results';
import { ScriptedHttp, type Reply } from '../../../support/scripted-http';
import { fixture } from '../load-fixture';

const BASE = 'https://minimax.test';
const KEY = 'sk-cp-0123456789abcdefGhIjKlMnOpQrStUvWxe41';
const NOW = '2026-09-23T10:00:00Z';
const PATH = '/v1/api/openplatform/coding_plan/remains';
const ok = (name: string): Reply => ({ status: 200, body: fixture('minimax', name) });

function setup(reply: Reply, key: string | null = KEY) {
  const http = new ScriptedHttp().on(PATH, reply);
  const provider = createMiniMaxProvider({ http, clock: new FakeClock(NOW), baseUrl: BASE, getKey: async () => ({ ok: true, value: key }) });
  return { http, fetch: () => provider.sources[0]!.fetch() };
}

describe('MiniMax Coding Plan remains', () => {
  it('shows the 5-hour and weekly windows as used % (100 − the remaining % MiniMax reports), resets in ms', async () => {
    const data = value(await setup(ok('remains-general')).fetch());
    expect(data.source).toBe('minimax:/coding_plan/remains');
    expect(data.windows).toEqual([
      expect.objectContaining({ id: 'session', kind: 'session', label: '5-hour', usedPercent: 27, resetsAt: Date.parse('2026-09-23T13:00:00Z'), windowMinutes: 300 }),
      expect.objectContaining({ id: 'weekly', kind: 'weekly', label: 'Weekly', usedPercent: 64, resetsAt: Date.parse('2026-09-28T00:00:00Z'), windowMinutes: 10080 }),
    ]);
    expect(data.account).toEqual({ label: 'sk-cp-…e41', plan: null });
  });

  it('sends the key as a Bearer token to the remains path of its own base only, given as origin or with /v1', async () => {
    const { http, fetch } = setup(ok('remains-general'));
    await fetch();
    expect(http.requests.map((r) => [r.url, r.headers?.Authorization])).toEqual([[`${BASE}${PATH}`, `Bearer ${KEY}`]]);
    expect(remainsUrl('http://127.0.0.1:9/')).toBe(`http://127.0.0.1:9${PATH}`);
    expect(remainsUrl('https://api.minimaxi.com/v1')).toBe(`https://api.minimaxi.com${PATH}`);
  });

  it('shows no weekly window for a plan without a weekly cap (status 3), rather than a full one', async () => {
    const data = value(await setup(ok('remains-no-weekly-cap')).fetch());
    expect(data.windows).toEqual([expect.objectContaining({ id: 'session', usedPercent: 0 })]);
  });

  it('reads numeric strings and seconds, keeps over-limit raw, drops implausible resets, and keeps siblings of a bad entry', () => {
    const windows = toMiniMaxWindows(parseRemains(fixture('minimax', 'remains-strings-and-unknowns'))!.remains, Date.parse(NOW));
    expect(windows.map((w) => [w.id, w.label, w.usedPercent, w.resetsAt, w.windowMinutes])).toEqual([
      ['session', '5-hour', 42.5, Date.parse('2026-09-23T13:00:00Z'), 300],
      ['weekly', 'Weekly', 104, Date.parse('2026-09-28T00:00:00Z'), 10080],
      ['session:speech-2.6', '5-hour · speech-2.6', null, null, 300],
    ]);
  });

  it('calls status_code 1004 inside HTTP 200 a refused key with MiniMax\'s sign-in words, never "ok", even with data', async () => {
    expect(error(await setup(ok('error-200-key-expired')).fetch())).toEqual({ kind: 'unauthorized', status: null, hint: 'minimax_login' });
    expect(error(await setup(ok('error-200-key-expired-with-data')).fetch())).toEqual({ kind: 'unauthorized', status: null, hint: 'minimax_login' });
  });

  it('calls 1002/1039 a rate limit, 1008 an exhausted balance, and an unknown business code an upstream error', async () => {
    expect(error(await setup(ok('error-200-rate-limited')).fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: null });
    expect(error(await setup(ok('error-200-rpm-limited')).fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: null });
    expect(error(await setup(ok('error-200-insufficient-balance')).fetch())).toEqual({ kind: 'credits_exhausted', message: null });
    expect(error(await setup(ok('error-200-unknown-code')).fetch())).toEqual({ kind: 'upstream', status: 200 });
  });

  it('does not call a success listing no model "ok" with nothing to show', async () => {
    expect(error(await setup(ok('remains-empty')).fetch())).toMatchObject({ kind: 'malformed' });
  });

  it('maps HTTP statuses: 401 refused key, 429 with Retry-After, 500 upstream, HTML malformed', async () => {
    expect(error(await setup({ status: 401, body: {} }).fetch())).toEqual({ kind: 'unauthorized', status: 401, hint: 'minimax_login' });
    expect(error(await setup({ status: 429, body: {}, headers: { 'retry-after': '30' } }).fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 30_000 });
    expect(error(await setup({ status: 500, body: 'oops' }).fetch())).toEqual({ kind: 'upstream', status: 500 });
    expect(error(await setup({ status: 200, body: '<html>' }).fetch())).toMatchObject({ kind: 'malformed' });
  });

  it('asks nothing without a key', async () => {
    const { http, fetch } = setup(ok('remains-general'), null);
    expect(error(await fetch())).toMatchObject({ kind: 'unconfigured' });
    expect(http.requests).toEqual([]);
  });
});

describe('MiniMax keys', () => {
  it('accepts sk-cp-, sk-api- and JWT keys and refuses other providers\' keys before any request', () => {
    expect(keyFormatProblem(KEY)).toBeNull();
    expect(keyFormatProblem('sk-api-0123456789abcdef')).toBeNull();
    expect(keyFormatProblem('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl')).toBeNull();
    expect(keyFormatProblem('sk-or-v1-0123456789abcdef')).toMatch(/sk-cp-/);
    expect(keyFormatProblem('0123456789abcdef.AbCdEf')).not.toBeNull();
    expect(keyFormatProblem('sk-cp-')).not.toBeNull();
    expect(keyFormatProblem('sk-cp-a b')).toMatch(/spaces/);
    expect(keyFormatProblem('')).toMatch(/empty/);
    expect(minimax.keyFormatProblem).toBe(keyFormatProblem);
  });

  it('masks a key to its prefix and last three characters, and a short one to its prefix', () => {
    expect(maskKey(KEY)).toBe('sk-cp-…e41');
    expect(maskKey('sk-api-short')).toBe('sk-api-…');
    expect(maskKey(KEY)).not.toContain(KEY.slice(6, 14));
  });

  it('validates a key with one remains request and returns its masked label; a 1004 is a refused key', async () => {
    const good = new ScriptedHttp().on(PATH, ok('remains-general'));
    expect(value(await validateMiniMaxKey(good, BASE, KEY))).toEqual({ label: 'sk-cp-…e41' });
    const bad = new ScriptedHttp().on(PATH, ok('error-200-key-expired'));
    expect(error(await validateMiniMaxKey(bad, BASE, KEY))).toMatchObject({ kind: 'unauthorized' });
  });
});
