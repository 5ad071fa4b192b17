import { describe, expect, it } from 'vitest';
import { zai } from '../../../../core/providers/zai/descriptor';
import { keyFormatProblem, maskKey } from '../../../../core/providers/zai/key';
import { createZaiProvider, quotaUrl, validateZaiKey } from '../../../../core/providers/zai/provider';
import { parseQuota, toZaiWindows } from '../../../../core/providers/zai/windows';
import { FakeClock } from '../../../support/fake-clock';
import { error, value } from '../../../support/results';
import { ScriptedHttp, type Reply } from '../../../support/scripted-http';
import { fixture } from '../load-fixture';

const BASE = 'https://zai.test';
const KEY = '0123456789abcdef0123456789abcdef.AbCdEfGhIjK0k3Q';
const NOW = '2026-09-23T10:00:00Z';
const PATH = '/api/monitor/usage/quota/limit';
const ok = (name: string): Reply => ({ status: 200, body: fixture('zai', name) });

function setup(reply: Reply, key: string | null = KEY) {
  const http = new ScriptedHttp().on(PATH, reply);
  const provider = createZaiProvider({ http, clock: new FakeClock(NOW), baseUrl: BASE, getKey: async () => ({ ok: true, value: key }) });
  return { http, fetch: () => provider.sources[0]!.fetch() };
}

describe('Z.ai quota limits', () => {
  it('shows one window per limit, sized by number × unit and classified by length, with the reset in ms', async () => {
    const data = value(await setup(ok('quota-pro-three-limits')).fetch());
    expect(data.source).toBe('zai:/quota/limit');
    expect(data.windows).toEqual([
      expect.objectContaining({ id: 'tools:1', label: 'Tool calls', usedPercent: 11, resetsAt: Date.parse('2026-10-01T00:00:00Z'), windowMinutes: 1 }),
      expect.objectContaining({ id: 'tokens:300', kind: 'session', label: '5-hour tokens', usedPercent: 27, resetsAt: Date.parse('2026-09-23T13:00:00Z'), windowMinutes: 300 }),
      expect.objectContaining({ id: 'tokens:10080', kind: 'weekly', label: 'Weekly tokens', usedPercent: 64, resetsAt: Date.parse('2026-09-28T00:00:00Z'), windowMinutes: 10080 }),
    ]);
    expect(data.account).toEqual({ label: '…k3Q', plan: 'Pro' });
  });

  it('sends the key as a Bearer token to the quota path of its own base only', async () => {
    const { http, fetch } = setup(ok('quota-pro-three-limits'));
    await fetch();
    expect(http.requests.map((r) => [r.url, r.headers?.Authorization])).toEqual([[`${BASE}${PATH}`, `Bearer ${KEY}`]]);
    expect(quotaUrl('http://127.0.0.1:9/api/')).toBe(`http://127.0.0.1:9${PATH}`);
  });

  it('leaves the reset unknown for an idle window, which z.ai sends without one', async () => {
    const data = value(await setup(ok('quota-idle-window-no-reset')).fetch());
    expect(data.windows).toEqual([expect.objectContaining({ id: 'tokens:300', usedPercent: 0, resetsAt: null })]);
  });

  it('reads numeric strings, works a percentage out of the quota, and keeps siblings of a bad entry', () => {
    const windows = toZaiWindows(parseQuota(fixture('zai', 'quota-strings-and-unknowns'))!, Date.parse(NOW));
    expect(windows.map((w) => [w.id, w.label, w.usedPercent, w.resetsAt, w.windowMinutes])).toEqual([
      ['tokens:300', '5-hour tokens', 42.5, Date.parse('2026-09-23T13:00:00Z'), 300],
      ['credits:43200', '30-day credits', 75, null, 43200],
      ['future_limit:open', 'Limit', 5, null, null],
      ['tokens:10080', 'Weekly tokens', null, null, 10080],
    ]);
  });

  it('calls a 200 with success:false and code 401 a refused key, with the sign-in words, not "ok"', async () => {
    expect(error(await setup(ok('error-200-token-expired')).fetch())).toEqual({ kind: 'unauthorized', status: null, hint: 'zai_login' });
    expect(error(await setup(ok('error-200-success-false-with-data')).fetch())).toMatchObject({ kind: 'unauthorized' });
  });

  it('calls a business throttle a rate limit and an unknown business error an upstream error', async () => {
    expect(error(await setup(ok('error-200-rate-limited')).fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: null });
    expect(error(await setup(ok('error-200-unknown-code')).fetch())).toEqual({ kind: 'upstream', status: 500 });
  });

  it('does not call a success without any limit "ok" with nothing to show', async () => {
    expect(error(await setup(ok('quota-no-limits')).fetch())).toMatchObject({ kind: 'malformed' });
  });

  it('maps HTTP statuses: 401 refused key, 429 with Retry-After, 500 upstream', async () => {
    expect(error(await setup({ status: 401, body: {} }).fetch())).toEqual({ kind: 'unauthorized', status: 401, hint: 'zai_login' });
    expect(error(await setup({ status: 429, body: {}, headers: { 'retry-after': '30' } }).fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 30_000 });
    expect(error(await setup({ status: 500, body: 'oops' }).fetch())).toEqual({ kind: 'upstream', status: 500 });
    expect(error(await setup({ status: 200, body: '<html>' }).fetch())).toMatchObject({ kind: 'malformed' });
  });

  it('asks nothing without a key', async () => {
    const { http, fetch } = setup(ok('quota-pro-three-limits'), null);
    expect(error(await fetch())).toMatchObject({ kind: 'unconfigured' });
    expect(http.requests).toEqual([]);
  });
});

describe('Z.ai keys', () => {
  it('accepts the id.secret shape and refuses other providers\' keys before any request', () => {
    expect(keyFormatProblem(KEY)).toBeNull();
    expect(keyFormatProblem('sk-or-v1-0123456789abcdef')).toMatch(/two parts joined by a dot/);
    expect(keyFormatProblem('sk-cp-abc')).not.toBeNull();
    expect(keyFormatProblem('a.b c')).toMatch(/spaces/);
    expect(keyFormatProblem('')).toMatch(/empty/);
    expect(zai.keyFormatProblem).toBe(keyFormatProblem);
  });

  it('masks a key to its last three characters, and a short one entirely', () => {
    expect(maskKey(KEY)).toBe('…k3Q');
    expect(maskKey('ab.cd')).toBe('…');
    expect(maskKey(KEY)).not.toContain(KEY.slice(0, 8));
  });

  it('validates a key with one quota request and returns its masked label; a refused key is an error', async () => {
    const good = new ScriptedHttp().on(PATH, ok('quota-pro-three-limits'));
    expect(value(await validateZaiKey(good, BASE, KEY))).toEqual({ label: '…k3Q' });
    const bad = new ScriptedHttp().on(PATH, ok('error-200-token-expired'));
    expect(error(await validateZaiKey(bad, BASE, KEY))).toMatchObject({ kind: 'unauthorized' });
  });
});
