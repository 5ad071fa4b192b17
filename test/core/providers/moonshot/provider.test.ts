import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeNote, windowFigure } from '../../../../core/present';
import { keyFormatProblem } from '../../../../core/providers/moonshot/key';
import {
  createMoonshotProvider,
  currencyFor,
  maskKey,
  parseBalanceResponse,
  toMoonshotWindows,
  validateMoonshotKey,
  type MoonshotBalance,
} from '../../../../core/providers/moonshot/provider';
import { FakeClock } from '../../../support/fake-clock';
import { error, value } from '../../../support/results';
import { ScriptedHttp, type Reply } from '../../../support/scripted-http';
import { fixture } from '../load-fixture';

const INTL = 'https://api.moonshot.ai/v1';
const CHINA = 'https://api.moonshot.cn/v1';
const KEY = `sk-${'Q7mZ'.repeat(11)}xKR1`;
const ok = (name: string): Reply => ({ status: 200, body: fixture('moonshot', name) });
const balanceOf = (name: string): MoonshotBalance => {
  const a = parseBalanceResponse(fixture('moonshot', name));
  if (a?.kind !== 'balance') throw new Error(`${name} is not a balance`);
  return a.balance;
};

function setup(baseUrl = INTL, key: string | null = KEY) {
  const http = new ScriptedHttp();
  const provider = createMoonshotProvider({ http, clock: new FakeClock('2026-09-16T15:30:00Z'), baseUrl, getKey: async () => ({ ok: true, value: key }) });
  return { http, fetch: () => provider.sources[0]!.fetch() };
}

describe('Moonshot balance', () => {
  it('shows the available balance as one amount, no percentage, in dollars on the international platform', () => {
    const { windows, notes } = toMoonshotWindows(balanceOf('balance'), currencyFor(INTL));
    expect(notes).toEqual([]);
    expect(windows).toEqual([
      { id: 'balance', kind: 'credits', label: 'Balance', usedPercent: null, used: null, limit: null, remaining: 49.58894, unit: 'usd', resetsAt: null, windowMinutes: null },
    ]);
    expect(windowFigure(windows[0]!)).toBe('$49.59 left');
  });

  it('shows yuan, never a dollar sign, for the China platform', () => {
    const [w] = toMoonshotWindows(balanceOf('balance'), currencyFor(CHINA)).windows;
    expect(w!.unit).toBe('cny');
    expect(windowFigure(w!)).toBe('49.59 CNY left');
  });

  it('takes the currency from the base URL host only', () => {
    expect(currencyFor('https://api.moonshot.cn/v1')).toBe('cny');
    expect(currencyFor('https://proxy.example.cn')).toBe('cny');
    expect(currencyFor('https://api.moonshot.ai/v1')).toBe('usd');
    expect(currencyFor('http://127.0.0.1:9/v1')).toBe('usd');
    expect(currencyFor('https://cn.example.com/v1')).toBe('usd');
    expect(currencyFor('not a url')).toBe('usd');
  });

  it('notes overdrawn cash beside a balance that vouchers keep positive', () => {
    const { windows, notes } = toMoonshotWindows(balanceOf('balance-cash-overdrawn'), 'usd');
    expect(windows.map((w) => [w.id, w.label, w.remaining])).toEqual([['balance', 'Balance', 18.45]]);
    expect(notes).toEqual([{ code: 'cash_overdrawn', amount: -1.55, unit: 'usd' }]);
    expect(describeNote(notes[0]!)).toBe('Cash balance: −$1.55 (overdrawn).');
  });

  it('keeps a negative available balance negative', () => {
    const { windows, notes } = toMoonshotWindows(balanceOf('balance-negative'), 'cny');
    expect(windows.map((w) => [w.id, w.remaining])).toEqual([['balance', -4.2]]);
    expect(windowFigure(windows[0]!)).toBe('−4.20 CNY left');
    expect(notes).toEqual([{ code: 'cash_overdrawn', amount: -4.2, unit: 'cny' }]);
  });

  it('reads amounts sent as strings, and adds cash and vouchers when the available balance is missing', () => {
    expect(toMoonshotWindows(balanceOf('balance-amounts-as-strings'), 'usd').windows[0]!.remaining).toBe(12.5);
    expect(toMoonshotWindows(balanceOf('balance-no-available'), 'usd').windows[0]!.remaining).toBe(12.25);
    expect(toMoonshotWindows({ available: null, voucher: 3, cash: null }, 'usd').windows[0]!.remaining).toBeNull();
  });

  it('reads status:false or a non-zero code as a refusal, whatever the HTTP status', () => {
    expect(parseBalanceResponse(fixture('moonshot', 'status-false-auth'))).toEqual({ kind: 'refused', code: 401, text: '0x401 invalid api key' });
    expect(parseBalanceResponse({ code: 3, data: { available_balance: 1 } })).toMatchObject({ kind: 'refused', code: 3 });
    expect(parseBalanceResponse({ status: true })).toBeNull();
    expect(parseBalanceResponse('x')).toBeNull();
  });

  it('never throws on arbitrary bodies and gives finite amounts or nulls', () => {
    const amount = fc.oneof(fc.constantFrom(1e308, -1e308, -1.55, '12.5', 'NaN', '', null), fc.double(), fc.jsonValue());
    const data = fc.record({ available_balance: amount, voucher_balance: amount, cash_balance: amount }, { requiredKeys: [] });
    const body = fc.oneof(fc.jsonValue(), fc.record({ code: fc.oneof(fc.constant(0), fc.jsonValue()), status: fc.oneof(fc.boolean(), fc.jsonValue()), scode: fc.jsonValue(), data: fc.oneof(data, fc.jsonValue()) }, { requiredKeys: [] }));
    fc.assert(
      fc.property(body, (b) => {
        const a = parseBalanceResponse(b);
        if (a?.kind !== 'balance') return;
        for (const w of toMoonshotWindows(a.balance, 'usd').windows) expect(w.remaining === null || Number.isFinite(w.remaining)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the Moonshot provider', () => {
  it('asks GET /v1/users/me/balance of the configured region with the key as a Bearer token', async () => {
    const { http, fetch } = setup(CHINA);
    http.on('/users/me/balance', ok('balance'));
    const data = value(await fetch());
    expect(data).toMatchObject({ source: 'moonshot:/users/me/balance', notes: [], account: { label: 'sk-…KR1', plan: null } });
    expect(data.windows[0]).toMatchObject({ unit: 'cny', remaining: 49.58894 });
    expect(http.requests.map((r) => r.url)).toEqual([`${CHINA}/users/me/balance`]);
    expect(http.requests[0]!.headers).toMatchObject({ Authorization: `Bearer ${KEY}` });
  });

  it('turns a refusal inside a 200 into an error of the right kind, never an empty ok', async () => {
    const { http, fetch } = setup();
    http.on('/users/me/balance', ok('status-false-auth'), ok('status-false-other'), { status: 200, body: { code: 0, status: false, message: 'rate limit exceeded' } });
    expect(error(await fetch())).toEqual({ kind: 'unauthorized', status: null, hint: 'check_key' });
    expect(error(await fetch())).toEqual({ kind: 'upstream', status: 200 });
    expect(error(await fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: null });
  });

  it('maps 401, 429 with Retry-After and 500', async () => {
    const { http, fetch } = setup();
    http.on(
      '/users/me/balance',
      { status: 401, body: fixture('moonshot', 'error-401') },
      { status: 429, headers: { 'Retry-After': '5' }, body: fixture('moonshot', 'error-429') },
      { status: 500, body: fixture('moonshot', 'error-500') },
    );
    expect(error(await fetch())).toEqual({ kind: 'unauthorized', status: 401, hint: 'check_key' });
    expect(error(await fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 5_000 });
    expect(error(await fetch())).toEqual({ kind: 'upstream', status: 500 });
  });

  it('calls a body without data malformed', async () => {
    const { http, fetch } = setup();
    http.on('/users/me/balance', { status: 200, body: { code: 0, status: true } }, { status: 200, body: '' });
    expect(error(await fetch()).kind).toBe('malformed');
    expect(error(await fetch()).kind).toBe('malformed');
  });

  it('is not set up without a key, and sends nothing', async () => {
    const { http, fetch } = setup(INTL, null);
    expect(error(await fetch())).toEqual({ kind: 'unconfigured', what: 'moonshot key' });
    expect(http.requests).toHaveLength(0);
  });

  it('validates a key with one request, and reports a refusal inside a 200 as one', async () => {
    expect(value(await validateMoonshotKey(new ScriptedHttp().on('/users/me/balance', ok('balance')), INTL, KEY))).toEqual({ label: 'sk-…KR1' });
    expect(error(await validateMoonshotKey(new ScriptedHttp().on('/users/me/balance', ok('status-false-auth')), INTL, KEY)).kind).toBe('unauthorized');
  });
});

describe('Moonshot key shape', () => {
  it('accepts sk- and 40+ letters and digits, and refuses other providers’ keys before any request', () => {
    expect(keyFormatProblem(KEY)).toBeNull();
    expect(keyFormatProblem('sk-0123456789abcdef0123456789abcdef')).toMatch(/Moonshot keys start with "sk-"/);
    expect(keyFormatProblem('sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef')).not.toBeNull();
    expect(keyFormatProblem('sk-ant-api03-0123456789abcdef0123456789abcdef0123456789')).not.toBeNull();
    expect(keyFormatProblem('')).toBe('The key is empty.');
  });

  it('masks all but the prefix and the last three characters', () => {
    expect(maskKey(KEY)).toBe('sk-…KR1');
  });
});
