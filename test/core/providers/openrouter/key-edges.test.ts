// OpenRouter answers a user sees in the key check and on the card: an exhausted balance (402),
// an empty key, and what a cap must be to count as one.
import { describe, expect, it } from 'vitest';
import { createOpenRouterProvider, hasUsableCap, parseKeyResponse, validateOpenRouterKey } from '../../../../core/providers/openrouter/provider';
import { FakeClock } from '../../../support/fake-clock';
import { ScriptedHttp } from '../../../support/scripted-http';

const BASE = 'https://openrouter.test/api/v1';
const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789e41';
const exhausted = { status: 402, body: JSON.stringify({ error: { code: 402, message: 'Insufficient credits' } }) };

describe('an OpenRouter key with no credits left (402)', () => {
  it('is reported as an exhausted balance by the key check', async () => {
    const http = new ScriptedHttp().on('/key', exhausted);
    expect(await validateOpenRouterKey(http, BASE, KEY)).toEqual({ ok: false, error: { kind: 'credits_exhausted', message: null } });
  });

  it('is reported as an exhausted balance when polled', async () => {
    const http = new ScriptedHttp().on('/key', exhausted);
    const provider = createOpenRouterProvider({ http, clock: new FakeClock(), baseUrl: BASE, getKey: async () => ({ ok: true, value: KEY }) });
    expect(await provider.sources[0]!.fetch()).toEqual({ ok: false, error: { kind: 'credits_exhausted', message: null } });
  });
});

describe('an empty key', () => {
  it('is "not set up", naming the OpenRouter key, both in the key check and when polled', async () => {
    const http = new ScriptedHttp();
    expect(await validateOpenRouterKey(http, BASE, ' \n')).toEqual({ ok: false, error: { kind: 'unconfigured', what: 'openrouter key' } });
    const provider = createOpenRouterProvider({ http, clock: new FakeClock(), baseUrl: BASE, getKey: async () => ({ ok: true, value: '  ' }) });
    expect(await provider.sources[0]!.fetch()).toEqual({ ok: false, error: { kind: 'unconfigured', what: 'openrouter key' } });
    expect(http.requests).toHaveLength(0);
  });
});

describe('a spending cap', () => {
  const cap = (limit: unknown) => hasUsableCap(parseKeyResponse({ data: { label: 'x', limit } })!);

  it('counts only when it is a number above zero', () => {
    expect(cap(5)).toBe(true);
    expect(cap(0.01)).toBe(true);
    expect(cap(0)).toBe(false);
    expect(cap(-5)).toBe(false);
    expect(cap(null)).toBe(false);
    expect(cap('lots')).toBe(false);
  });
});
