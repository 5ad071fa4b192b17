// Runs every row of the hostile-provider matrix (scenarios.ts): the real provider over real HTTP
// to a loopback server, polled by the real poller through one good poll, then a simulated hour of
// hostility. Afterwards: no crash, no unhandled rejection, the right status and error, the
// last-known windows still shown, and no more requests than the row allows.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderSnapshot } from '../../core/model';
import { providerName } from '../../core/present';
import { startPrefixedServer, type PrefixedServer } from '../support/loopback-providers';
import { HOUR, type Scenario } from './scenario-kit';
import { SCENARIOS } from './scenarios';
import { createWorld, type World } from './world';

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
let server: PrefixedServer;
let tmp: string;

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  server = await startPrefixedServer();
  tmp = await mkdtemp(join(tmpdir(), 'quotabar-matrix-'));
});

afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

/** What the user must see after the first hostile poll and after the hour. */
function expectOutcome(s: Scenario, snap: ProviderSnapshot, first: ProviderSnapshot, phase: 'first' | 'later'): void {
  const e = s.expect;
  if ('fails' in e) {
    expect(snap.error, 'error').toMatchObject(e.fails);
    if (first.status === 'ok') {
      // Throttling is not a fault: it stays "stale". Anything else turns to "error" on the second failure.
      const status = phase === 'first' || e.fails.kind === 'rate_limited' ? 'stale' : 'error';
      expect(snap.status, 'status').toBe(status);
      expect(snap.windows, 'last-known windows').toEqual(first.windows);
      expect(snap.fetchedAt, 'time of the last success').toBe(first.fetchedAt);
      expect(snap.account, 'account').toEqual(first.account);
    } else {
      expect(snap.status, 'status').toBe('error');
      expect(snap.windows).toEqual([]);
    }
  } else if ('reads' in e) {
    expect(snap.error, 'error').toBeNull();
    expect(snap.status, 'status').toBe('ok');
    expect(snap.windows, 'windows').toMatchObject(e.reads);
    if (e.notes) expect(snap.notes.map((n) => n.code), 'notes').toEqual(e.notes);
  } else {
    expect(snap.status, 'status').toBe('unconfigured');
    expect(snap.error?.kind, 'error').toBe(e.clears);
    expect(snap.windows).toEqual([]);
  }
}

async function play(s: Scenario, prefix: string): Promise<void> {
  const w = await createWorld(server, s, prefix, join(tmp, prefix));
  try {
    await live(s, w);
  } finally {
    w.dispose();
  }
}

async function live(s: Scenario, w: World): Promise<void> {
  w.poller.start();
  await w.idle();
  const first = w.snapshot();
  if (s.trouble?.kind !== 'keychain-absent') {
    expect(first.status, 'the first poll is good').toBe('ok');
    expect(first.windows.length, 'the first poll shows windows').toBeGreaterThan(0);
  }
  if (s.trouble?.kind === 'settings-file') {
    expect(w.settingsProblem, 'settings problem').toBe(s.trouble.problem);
    expect(w.intervalMs, 'poll interval').toBe(s.trouble.intervalSec * 1000);
  }

  const before = w.requests().length;
  w.turnHostile();
  let elapsed = 0;
  if (s.trouble?.kind === 'sleep') {
    await w.clock.sleep(s.trouble.ms, w.idle);
  } else {
    await w.clock.run(w.intervalMs, w.idle);
    elapsed = w.intervalMs;
  }
  expectOutcome(s, w.snapshot(), first, 'first');

  await w.clock.run(HOUR - elapsed, w.idle);
  const sent = w.requests().length - before;
  expect(sent, 'requests in the simulated hour').toBeLessThanOrEqual(s.maxRequests);
  if (s.maxRequests > 0) expect(sent, 'it kept trying').toBeGreaterThanOrEqual(1);
  expectOutcome(s, w.snapshot(), first, 'later');
  expect(w.clock.pending, 'the poller is still scheduled').toBeGreaterThan(0);
  expect(rejections, 'unhandled rejections').toEqual([]);
}

describe('the hostile-provider matrix', () => {
  it('has at least 40 rows, covering OpenRouter, Codex and Claude', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40);
    for (const p of ['openrouter', 'codex', 'claude']) expect(SCENARIOS.filter((s) => s.provider === p).length).toBeGreaterThanOrEqual(10);
    expect(new Set(SCENARIOS.map((s) => `${s.provider} ${s.name}`)).size, 'names are unique').toBe(SCENARIOS.length);
  });

  it('notices a request storm: a bound one request below what the poller sends fails the row', async () => {
    const row = SCENARIOS.find((s) => s.provider === 'codex' && s.name === 'backs off on a 500')!;
    await expect(play({ ...row, maxRequests: row.maxRequests - 1 }, 'storm')).rejects.toThrow(/requests in the simulated hour/);
  });

  for (const [i, s] of SCENARIOS.entries()) {
    if (s.timeoutMs === undefined) it(`${providerName(s.provider)} ${s.name}`, () => play(s, `c${i}`));
  }
});

// Rows that wait on real deadlines run side by side: each spends seconds of real time waiting.
describe.concurrent('the hostile-provider matrix, rows that wait for real timeouts', () => {
  for (const [i, s] of SCENARIOS.entries()) {
    if (s.timeoutMs !== undefined) it(`${providerName(s.provider)} ${s.name}`, () => play(s, `c${i}`));
  }
});
