// The local API's answers against the `openusage.limits.v1` schema: every envelope validates, a value
// Quotabar does not know is left out (never 0), and expiresAt, stale and errors[] follow the contract.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { emptySnapshot, makeWindow, type ProviderSnapshot, type UsageWindow } from '../../../core/model';
import { FRESH_MS, limitsEnvelope, resourceKey, resourceOf } from '../../../app/local-api/limits';
import { answerGet } from '../../../app/local-api/routes';
import { ErrorBody, LimitsEnvelope } from '../../../app/local-api/schema';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const MIN = 60_000;

function snap(over: Partial<ProviderSnapshot>): ProviderSnapshot {
  return { ...emptySnapshot('codex', 'ok'), fetchedAt: NOW - MIN, attemptedAt: NOW - MIN, source: 'codex:usage', ...over };
}

const session = makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: 42, resetsAt: NOW + 3 * 3_600_000, windowMinutes: 300 });
const weekly = makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', usedPercent: 12 });
const keyLimit = makeWindow({ id: 'key-limit', kind: 'credits', label: 'Weekly limit', used: 7.63, limit: 20, remaining: 12.37, unit: 'usd', windowMinutes: 10080 });
const balance = makeWindow({ id: 'credits', kind: 'credits', label: 'Credits', remaining: 821, unit: 'usd' });
const spend = makeWindow({ id: 'daily', kind: 'daily', label: 'Today', used: 1.5, unit: 'usd', windowMinutes: 1440 });
const unknown = makeWindow({ id: 'weekly:opus', kind: 'weekly', label: 'Weekly (Opus)' });

const valid = (body: unknown) => v.safeParse(LimitsEnvelope, body);

describe('the limits envelope', () => {
  it('validates against the schema for every kind of window and card', () => {
    const snaps = [
      snap({ windows: [session, weekly, unknown], account: { label: null, plan: 'plus' } }),
      snap({ providerId: 'openrouter', windows: [keyLimit] }),
      snap({ providerId: 'openrouter', accountLabel: 'work', windows: [balance, spend] }),
      snap({ providerId: 'claude', status: 'unconfigured', fetchedAt: null, error: { kind: 'unconfigured', what: 'sign-in' } }),
    ];
    const body = limitsEnvelope(snaps, NOW);
    const r = valid(body);
    expect(r.issues ?? []).toEqual([]);
    expect(Object.keys(body.providers)).toEqual(['codex', 'openrouter', 'openrouter@work']);
    expect(body.providers.codex).toMatchObject({ displayName: 'Codex', plan: 'Plus', stale: false });
    expect(body.providers['openrouter@work']!.displayName).toBe('OpenRouter (work)');
  });

  it('gives a percent window as used, limit 100, remaining and utilization, with its reset and length', () => {
    expect(resourceOf(session)).toEqual({
      kind: 'consumption',
      unit: 'percent',
      used: 42,
      limit: 100,
      remaining: 58,
      utilization: 0.42,
      resetsAt: new Date(NOW + 3 * 3_600_000).toISOString(),
      windowSeconds: 18000,
    });
  });

  it('leaves out what is unknown instead of sending 0: no reset, no length, no used amount', () => {
    expect(resourceOf(weekly)).toEqual({ kind: 'consumption', unit: 'percent', used: 12, limit: 100, remaining: 88, utilization: 0.12 });
    expect(resourceOf(balance)).toEqual({ kind: 'balance', unit: 'usd', available: 821 });
    expect(resourceOf(spend)).toEqual({ kind: 'consumption', unit: 'usd', used: 1.5, windowSeconds: 86400 });
    // A window with no figure at all is no resource.
    expect(resourceOf(unknown)).toBeNull();
    const body = limitsEnvelope([snap({ windows: [weekly, unknown] })], NOW);
    expect(Object.keys(body.providers.codex!.resources)).toEqual(['weekly']);
    expect(body.providers.codex).not.toHaveProperty('plan');
  });

  it('gives a capped dollar key as a bounded pool', () => {
    expect(resourceOf(keyLimit)).toMatchObject({ kind: 'consumption', unit: 'usd', used: 7.63, limit: 20, remaining: 12.37, windowSeconds: 604800 });
    expect(resourceOf(keyLimit)!.utilization).toBeCloseTo(0.3815, 6);
  });

  it('names resources by their window ids in the contract’s camelCase', () => {
    expect(['session', 'weekly', 'key-limit', 'weekly:opus', 'credits'].map(resourceKey)).toEqual(['session', 'weekly', 'keyLimit', 'weeklyOpus', 'credits']);
  });

  it('sets expiresAt to fetchedAt + 5 min, and stale once that has passed', () => {
    const fresh = limitsEnvelope([snap({ windows: [session], fetchedAt: NOW - 4 * MIN })], NOW).providers.codex!;
    expect(fresh).toMatchObject({ fetchedAt: new Date(NOW - 4 * MIN).toISOString(), expiresAt: new Date(NOW + MIN).toISOString(), stale: false });
    const old = limitsEnvelope([snap({ windows: [session], fetchedAt: NOW - FRESH_MS })], NOW).providers.codex!;
    expect(old.stale).toBe(true);
  });

  it('dates a reading by when it was observed, so last night’s reading is not fresh', () => {
    const at = NOW - 10 * 3_600_000;
    const p = limitsEnvelope([snap({ windows: [session], notes: [{ code: 'observed_at', at }] })], NOW).providers.codex!;
    expect(p).toMatchObject({ fetchedAt: new Date(at).toISOString(), stale: true });
  });

  it('keeps the last good figures after a failed refresh and adds an errors entry', () => {
    const body = limitsEnvelope(
      [snap({ status: 'stale', windows: [session], error: { kind: 'upstream', status: 503 } }), snap({ providerId: 'openrouter', accountLabel: 'work', status: 'error', fetchedAt: null, error: { kind: 'unauthorized', status: 401, hint: 'check_key' } })],
      NOW,
    );
    expect(valid(body).success).toBe(true);
    expect(body.providers.codex!.resources.session!.used).toBe(42);
    expect(body.providers).not.toHaveProperty('openrouter@work');
    expect(body.errors.map((e) => e.providerId)).toEqual(['codex', 'openrouter@work']);
    expect(body.errors[0]!.message).toMatch(/HTTP 503/);
  });

  it('leaves out a figure that overflows when derived from huge inputs (fast-check found it)', () => {
    const w = makeWindow({ id: 'a', kind: 'session', label: 'a', unit: 'eur', usedPercent: null, used: -1.7976931343366217e308, limit: 5.256940589538511e298, remaining: null, resetsAt: null, windowMinutes: null });
    const body = limitsEnvelope([snap({ windows: [w] })], NOW);
    expect(valid(body).issues ?? []).toEqual([]);
    expect(body.providers.codex!.resources.a).toMatchObject({ kind: 'consumption', used: -1.7976931343366217e308, limit: 5.256940589538511e298 });
    expect(body.providers.codex!.resources.a).not.toHaveProperty('remaining');
  });

  it('validates for any window the model allows (property)', () => {
    const num = fc.option(fc.double({ noNaN: false }), { nil: null });
    const win = fc.record({
      id: fc.stringMatching(/^[a-z][a-z0-9:_-]{0,12}$/),
      kind: fc.constantFrom('session', 'daily', 'weekly', 'monthly', 'credits'),
      unit: fc.constantFrom('percent', 'usd', 'eur'),
      usedPercent: num,
      used: num,
      limit: num,
      remaining: num,
      resetsAt: fc.option(fc.integer({ min: 0, max: 4_000_000_000_000 }), { nil: null }),
      windowMinutes: fc.option(fc.integer({ min: -5, max: 100_000 }), { nil: null }),
    });
    fc.assert(
      // A snapshot's windows have distinct ids (and so distinct resource keys).
      fc.property(fc.uniqueArray(win, { maxLength: 6, selector: (w) => resourceKey(w.id) }), (ws) => {
        const windows = ws.map((w) => makeWindow({ ...w, label: w.id }) as UsageWindow);
        const body = limitsEnvelope([snap({ windows })], NOW);
        expect(valid(body).issues ?? []).toEqual([]);
        // A resource never carries a figure its window did not have.
        for (const w of windows) {
          const r = body.providers.codex!.resources[resourceKey(w.id)];
          if (r && w.unit !== 'percent' && w.used === null && w.remaining === null) expect(r.used).toBeUndefined();
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the routes', () => {
  const snaps = [
    snap({ windows: [session] }),
    snap({ providerId: 'openrouter', windows: [keyLimit] }),
    snap({ providerId: 'openrouter', accountLabel: 'Work', windows: [balance] }),
  ];

  it('answers /v1/limits with every card that has data', () => {
    const a = answerGet('/v1/limits', snaps, NOW);
    expect(a.status).toBe(200);
    expect(Object.keys((a.body as LimitsEnvelope).providers)).toEqual(['codex', 'openrouter', 'openrouter@Work']);
  });

  it('matches a provider id to every account of it, and an account id to that one (labels in any case)', () => {
    expect(Object.keys((answerGet('/v1/limits/openrouter', snaps, NOW).body as LimitsEnvelope).providers)).toEqual(['openrouter', 'openrouter@Work']);
    expect(Object.keys((answerGet('/v1/limits/openrouter%40work', snaps, NOW).body as LimitsEnvelope).providers)).toEqual(['openrouter@Work']);
    expect(Object.keys((answerGet('/v1/limits/openrouter@Work?x=1', snaps, NOW).body as LimitsEnvelope).providers)).toEqual(['openrouter@Work']);
  });

  it('answers a known provider with no card as an empty envelope, and an unknown id with 404 provider_not_found', () => {
    const empty = answerGet('/v1/limits/claude', snaps, NOW);
    expect(empty.status).toBe(200);
    expect(valid(empty.body).success).toBe(true);
    for (const path of ['/v1/limits/nope', '/v1/limits/openrouter@home', '/v1/limits/%E0%A4%A']) {
      const a = answerGet(path, snaps, NOW);
      expect(a).toEqual({ status: 404, body: { error: 'provider_not_found' } });
      expect(v.safeParse(ErrorBody, a.body).success).toBe(true);
    }
    expect(answerGet('/v1/usage', snaps, NOW)).toEqual({ status: 404, body: { error: 'not_found' } });
  });

  it('names why an unconfigured provider asked for by id has no figures', () => {
    const a = answerGet('/v1/limits/claude', [snap({ providerId: 'claude', status: 'unconfigured', fetchedAt: null, error: { kind: 'unconfigured', what: 'sign-in' } })], NOW);
    expect((a.body as LimitsEnvelope).errors).toHaveLength(1);
    expect((answerGet('/v1/limits', [snap({ providerId: 'claude', status: 'unconfigured', fetchedAt: null, error: { kind: 'unconfigured', what: 'sign-in' } })], NOW).body as LimitsEnvelope).errors).toEqual([]);
  });
});
