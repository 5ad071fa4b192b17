// Settings' "Read Claude Code's sign-in" in the app (Anthropic's terms, PROVIDERS-2 §7e): off by
// default, Claude sends no request and its sign-in file is never opened; turned on, the very next
// poll asks the usage endpoint with it; turned off again, requests and reads stop.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureText, HOME, makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.dispose();
  h = null;
});

const CREDENTIALS = `${HOME}/.claude/.credentials.json`;

async function app() {
  h = await makeHarness({ script: (http) => http.on('/api/oauth/usage', { status: 200, body: fixtureText('claude/usage-max-plan.json') }) });
  h.files.write(CREDENTIALS, fixtureText('claude/credentials-max.json').replace('1790001234567', '4102444800000'));
  const touched: string[] = [];
  for (const m of ['readText', 'stat', 'list', 'readRange'] as const) {
    const real = h.files[m].bind(h.files) as (...a: unknown[]) => unknown;
    vi.spyOn(h.files, m).mockImplementation(((...a: unknown[]) => (touched.push(String(a[0])), real(...a))) as never);
  }
  const hh = h;
  const claude = () => hh.services.view().snapshots.find((s) => s.providerId === 'claude')!;
  const signInRead = () => touched.some((p) => p.startsWith(`${HOME}/.claude/.credentials`));
  return { h: hh, claude, signInRead, touched };
}

describe('the Claude sign-in opt-in in the app', () => {
  it('is off by default: no request to the usage endpoint and the sign-in file never opened', async () => {
    const a = await app();
    a.h.services.start();
    await a.h.clock.advance(0);
    await a.h.services.refresh('claude');
    await a.h.services.settingsView();
    expect(a.h.http.count('/api/oauth/usage')).toBe(0);
    expect(a.signInRead()).toBe(false);
    expect(a.claude().status).toBe('unconfigured');
    expect((await a.h.services.settingsView()).optInFromEnv).toEqual([]);
  });

  it('takes effect on the next poll when turned on, and stops requests and reads when turned off', async () => {
    const a = await app();
    a.h.services.start();
    await a.h.clock.advance(0);
    await a.h.services.updateSettings({ credentialOptIn: ['claude'] });
    await a.h.clock.advance(0);
    expect(a.h.http.count('/api/oauth/usage')).toBe(1);
    expect(a.signInRead()).toBe(true);
    expect(a.claude().source).toBe('claude:oauth/usage');

    await a.h.services.updateSettings({ credentialOptIn: [] });
    a.touched.length = 0;
    await a.h.clock.advance(0);
    await a.h.services.refresh('claude');
    await a.h.clock.advance(30 * 60_000);
    expect(a.h.http.count('/api/oauth/usage')).toBe(1);
    expect(a.signInRead()).toBe(false);
    expect(a.claude().source).not.toBe('claude:oauth/usage');
  });

  it('is on regardless of the setting when QUOTABAR_CLAUDE_OAUTH=1, and Settings is told so', async () => {
    h = await makeHarness({ env: { QUOTABAR_CLAUDE_OAUTH: '1' } });
    expect((await h.services.settingsView()).optInFromEnv).toEqual(['claude']);
  });
});
