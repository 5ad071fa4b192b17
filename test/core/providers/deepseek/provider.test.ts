import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { windowFigure } from '../../../../core/present';
import { keyFormatProblem } from '../../../../core/providers/deepseek/key';
import {
  createDeepSeekProvider,
  maskKey,
  parseBalanceResponse,
  toDeepSeekWindows,
  validateDeepSeekKey,
} from '../../../../core/providers/deepseek/provider';
import { FakeClock } from '../../../support/fake-clock';
import { error, value } from '../../../support/results';
import { ScriptedHttp, type Reply } from '../../../support/scripted-http';
import { fixture } from '../load-fixture';

const BASE = 'https://deepseek.test';
const KEY = 'sk-0123456789abcdef0123456789abcdef';
const ok = (name: string): Reply => ({ status: 200, body: fixture('deepseek', name) });
const windowsOf = (name: string) => toDeepSeekWindows(parseBalanceResponse(fixture('deepseek', name))!);

function setup(key: string | null = KEY) {
  const http = new ScriptedHttp();
  const clock = new FakeClock('2026-09-16T15:30:00Z');
  const provider = createDeepSeekProvider({ http, clock, baseUrl: BASE, getKey: async () => ({ ok: true, value: key }) });
  return { http, clock, fetch: () => provider.sources[0]!.fetch() };
}

describe('DeepSeek balance', () => {
  it('shows the documented sample as one CNY balance with no percentage and no dollar sign', () => {
    const { windows, notes } = windowsOf('balance-cny');
    expect(windows).toEqual([
      { id: 'balance:cny', kind: 'credits', label: 'Balance', usedPercent: null, used: null, limit: null, remaining: 110, unit: 'cny', resetsAt: null, windowMinutes: null },
    ]);
    expect(notes).toEqual([]);
    expect(windowFigure(windows[0]!)).toBe('110.00 CNY left');
  });

  it('gives each currency its own window, named by currency, in the order sent', () => {
    const { windows } = windowsOf('balance-two-currencies');
    expect(windows.map((w) => [w.id, w.label, w.remaining, w.unit])).toEqual([
      ['balance:usd', 'Balance (USD)', 25.4, 'usd'],
      ['balance:cny', 'Balance (CNY)', 7.15, 'cny'],
    ]);
    expect(windows.map(windowFigure)).toEqual(['$25.40 left', '7.15 CNY left']);
  });

  it('keeps a negative balance as it is', () => {
    const [w] = windowsOf('balance-negative').windows;
    expect(w).toMatchObject({ remaining: -3.27, unit: 'cny' });
    expect(windowFigure(w!)).toBe('−3.27 CNY left');
  });

  it('marks is_available:false with its own note, beside the balance', () => {
    const { windows, notes } = windowsOf('balance-unavailable');
    expect(windows.map((w) => w.remaining)).toEqual([0]);
    expect(notes).toEqual([{ code: 'balance_unavailable' }]);
  });

  it('reads amounts sent as numbers too', () => {
    expect(windowsOf('balance-numbers-not-strings').windows.map((w) => [w.unit, w.remaining])).toEqual([['usd', 12.5]]);
  });

  it('reads garbled entries one by one: no currency or a bad one drops the entry, a repeated currency keeps the first', () => {
    const { windows } = windowsOf('balance-garbled-entries');
    // CNY: total null, so granted + topped up; USD: a word where the amount belongs is unknown, not zero.
    expect(windows.map((w) => [w.id, w.remaining])).toEqual([
      ['balance:cny', 25.5],
      ['balance:usd', null],
    ]);
  });

  it('never throws on arbitrary bodies and gives finite amounts or nulls', () => {
    const amount = fc.oneof(fc.constantFrom('110.00', '-1', '1e400', 'NaN', '', ' 3 ', null), fc.double(), fc.jsonValue());
    const entry = fc.oneof(fc.record({ currency: fc.oneof(fc.constantFrom('CNY', 'USD', 'usd', '', 'EURO'), fc.jsonValue()), total_balance: amount, granted_balance: amount, topped_up_balance: amount }, { requiredKeys: [] }), fc.jsonValue());
    const body = fc.oneof(fc.jsonValue(), fc.record({ is_available: fc.jsonValue(), balance_infos: fc.oneof(fc.array(entry), fc.jsonValue()) }, { requiredKeys: [] }));
    fc.assert(
      fc.property(body, (b) => {
        const info = parseBalanceResponse(b);
        if (!info) return;
        for (const w of toDeepSeekWindows(info).windows) {
          expect(w.remaining === null || Number.isFinite(w.remaining)).toBe(true);
          expect(w.unit).toMatch(/^[a-z]{3}$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the DeepSeek provider', () => {
  it('asks GET /user/balance with the key as a Bearer token and shows the masked key', async () => {
    const { http, fetch } = setup();
    http.on('/user/balance', ok('balance-cny'));
    const data = value(await fetch());
    expect(data.source).toBe('deepseek:/user/balance');
    expect(data.account).toEqual({ label: 'sk-…def', plan: null });
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0]).toMatchObject({ url: `${BASE}/user/balance`, method: 'GET' });
    expect(http.requests[0]!.headers).toMatchObject({ Authorization: `Bearer ${KEY}` });
  });

  it('is an ok snapshot with the note, not an error, when the balance cannot pay for calls and lists nothing', async () => {
    const { http, fetch } = setup();
    http.on('/user/balance', ok('balance-unavailable-no-entries'));
    expect(value(await fetch())).toMatchObject({ windows: [], notes: [{ code: 'balance_unavailable' }] });
  });

  it('says the key was rejected on 401, without the key in the error', async () => {
    const { http, fetch } = setup();
    http.on('/user/balance', { status: 401, body: fixture('deepseek', 'error-401') });
    const r = await fetch();
    expect(error(r)).toEqual({ kind: 'unauthorized', status: 401, hint: 'check_key' });
    expect(JSON.stringify(r)).not.toContain(KEY);
  });

  it('reads 402 as an exhausted balance, 429 with its Retry-After, 500 as upstream', async () => {
    const { http, fetch } = setup();
    http.on(
      '/user/balance',
      { status: 402, body: { error: { message: 'Insufficient Balance' } } },
      { status: 429, headers: { 'Retry-After': '30' }, body: fixture('deepseek', 'error-429') },
      { status: 500, body: fixture('deepseek', 'error-500') },
    );
    expect(error(await fetch())).toEqual({ kind: 'credits_exhausted', message: null });
    expect(error(await fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 30_000 });
    expect(error(await fetch())).toEqual({ kind: 'upstream', status: 500 });
  });

  it('calls a body with no balance and no availability malformed, never an empty ok', async () => {
    const { http, fetch } = setup();
    http.on('/user/balance', { status: 200, body: { balance_infos: [] } }, { status: 200, body: '<html>' }, { status: 200, body: [1, 2] });
    for (let i = 0; i < 3; i++) expect(error(await fetch()).kind).toBe('malformed');
  });

  it('is not set up without a key, and sends nothing', async () => {
    const { http, fetch } = setup(null);
    expect(error(await fetch())).toEqual({ kind: 'unconfigured', what: 'deepseek key' });
    expect(http.requests).toHaveLength(0);
  });

  it('validates a key with one request and gives its masked label', async () => {
    const http = new ScriptedHttp().on('/user/balance', ok('balance-cny'));
    expect(value(await validateDeepSeekKey(http, BASE, ` ${KEY} `))).toEqual({ label: 'sk-…def' });
    const refused = new ScriptedHttp().on('/user/balance', { status: 401, body: fixture('deepseek', 'error-401') });
    expect(error(await validateDeepSeekKey(refused, BASE, KEY)).kind).toBe('unauthorized');
  });
});

describe('DeepSeek key shape', () => {
  it('accepts sk- and hex, and refuses other providers’ keys before any request', () => {
    expect(keyFormatProblem(KEY)).toBeNull();
    expect(keyFormatProblem('sk-or-v1-0123456789abcdef0123456789abcdef')).toMatch(/DeepSeek keys start with "sk-"/);
    expect(keyFormatProblem('sk-ant-api03-abcdef0123456789abcdef')).not.toBeNull();
    expect(keyFormatProblem(`sk-${'Q7mZ'.repeat(12)}`)).not.toBeNull();
    expect(keyFormatProblem('')).toBe('The key is empty.');
    expect(keyFormatProblem(`${KEY} `)).toMatch(/spaces/);
  });

  it('masks all but the prefix and the last three characters', () => {
    expect(maskKey(KEY)).toBe('sk-…def');
    expect(maskKey('sk-abc')).toBe('sk-…');
  });
});
