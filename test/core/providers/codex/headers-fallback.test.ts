// When the Codex usage body has no meters and the x-codex-* headers stand in: which notes the card
// shows (the body's, plus header notes of a kind the body lacks) and which plan.
import { describe, expect, it } from 'vitest';
import { createCodexProvider } from '../../../../core/providers/codex/provider';
import { FakeClock } from '../../../support/fake-clock';
import { ScriptedHttp } from '../../../support/scripted-http';
import { fixture, fixtureText } from '../load-fixture';
import { value } from '../../../support/results';

const NOW = Date.UTC(2026, 8, 20, 12);
const LIMIT_REACHED = fixture<Record<string, string>>('codex', 'headers-limit-reached');

function fetchWith(body: unknown, headers: Record<string, string>) {
  const http = new ScriptedHttp().on('/wham/usage', { status: 200, headers, body });
  const provider = createCodexProvider({
    http,
    clock: new FakeClock(NOW),
    baseUrl: 'https://chatgpt.test/backend-api',
    readAuth: async () => ({ ok: true, value: fixtureText('codex', 'auth-chatgpt') }),
  });
  return provider.sources[0]!.fetch();
}

describe('header windows standing in for a body without meters', () => {
  it('keep the body’s notes and add the headers’ "limit reached", without repeating the plan', async () => {
    const data = value(await fetchWith({ plan_type: 'pro', rate_limit: null, credits: { has_credits: true, unlimited: false, balance: 5 } }, LIMIT_REACHED));
    expect(data.source).toBe('codex:headers');
    expect(data.notes).toEqual([
      { code: 'plan', plan: 'pro' },
      { code: 'credits_balance', balance: 5, unit: 'credits' },
      { code: 'limit_reached' },
    ]);
    expect(data.account?.plan).toBe('pro');
  });

  it('take the plan from the headers when the body names none', async () => {
    const data = value(await fetchWith({ rate_limit: null }, { ...LIMIT_REACHED, 'x-codex-plan-type': 'plus' }));
    expect(data.account?.plan).toBe('plus');
    expect(data.notes[0]).toEqual({ code: 'plan', plan: 'plus' });
  });
});
