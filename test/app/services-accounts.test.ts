// The app with several accounts per provider: one card per enabled account, alerts naming the
// account, and accounts added by `quotabar account add` kept when a setting is changed in the app.
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../core/ports';
import { fixture, fixtureText, makeHarness, type Harness } from '../support/app-harness';
import { PROVIDER_IDS } from '../../core/providers/registry';

let h: Harness | null = null;
afterEach(async () => {
  await h?.dispose();
  h = null;
});

const accounts = [
  { providerId: 'openrouter', label: 'work', enabled: true },
  { providerId: 'openrouter', label: 'home', enabled: true },
  { providerId: 'codex', label: 'work', enabled: true, dir: '/acc/codex-work' },
  { providerId: 'codex', label: 'home', enabled: false, dir: '/acc/codex-home' },
  { providerId: 'claude', label: 'work', enabled: true, dir: '/acc/claude-work' },
  { providerId: 'claude', label: 'home', enabled: true, dir: '/acc/claude-home' },
];

/** Providers after the three with accounts here: only their implicit account is polled. */
const others = PROVIDER_IDS.filter((id) => !['openrouter', 'codex', 'claude'].includes(id)).map((id) => `${id}/-`);
const cards = (hh: Harness) => hh.services.view().snapshots.map((s) => `${s.providerId}/${s.accountLabel ?? '-'}`);

describe('app services with several accounts', () => {
  it('poll the implicit account and each enabled account, grouped by provider', async () => {
    h = await makeHarness({ settingsFile: { accounts } });
    h.services.start();
    await h.clock.advance(0);
    expect(cards(h)).toEqual(['openrouter/-', 'openrouter/work', 'openrouter/home', 'codex/-', 'codex/work', 'claude/-', 'claude/work', 'claude/home', ...others]);
  });

  it('notify per account, naming it', async () => {
    const usage = JSON.stringify(fixture('claude/usage-max-plan.json'));
    h = await makeHarness({
      // The opt-in as Settings saves it (the CLI's QUOTABAR_CLAUDE_OAUTH=1).
      settingsFile: { accounts, thresholds: [1], credentialOptIn: ['claude'] },
      script: (http) => http.on('/api/oauth/usage', (req: HttpRequest) => (req.headers?.Authorization?.endsWith('work') ? { status: 200, body: usage } : undefined)),
    });
    h.files.write('/acc/claude-work/.credentials.json', fixtureText('claude/credentials-max.json').replace('sk-ant-oat01-test-access-token-max', 'claude-work'));
    h.services.start();
    await h.clock.advance(0);
    const titles = h.notifier.shown.map((n) => n.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((t) => t.startsWith('Claude (work): '))).toBe(true);
  });

  it('follow the list when it changes: a disabled account stops, a removed one goes, others keep their data', async () => {
    h = await makeHarness({ settingsFile: { accounts } });
    h.services.start();
    await h.clock.advance(0);
    const before = h.services.view().snapshots.find((s) => s.providerId === 'claude' && s.accountLabel === 'home');
    // A minute later (before the next scheduled poll): a rebuilt account would be polled now, at a later time.
    await h.clock.advance(60_000);
    await h.services.updateSettings({ accounts: accounts.filter((a) => a.label !== 'work').map((a) => ({ ...a, enabled: true })) });
    await h.clock.advance(0);
    expect(cards(h)).toEqual(['openrouter/-', 'openrouter/home', 'codex/-', 'codex/home', 'claude/-', 'claude/home', ...others]);
    expect(h.services.view().snapshots.find((s) => s.providerId === 'claude' && s.accountLabel === 'home')?.attemptedAt).toBe(before?.attemptedAt);
  });

  it('keep accounts that the CLI added to the file when another setting is changed in the app', async () => {
    h = await makeHarness({ settingsFile: { refreshIntervalSec: 300 } });
    h.services.start();
    await h.clock.advance(0);
    const onDisk = JSON.parse(await readFile(h.settingsPath, 'utf8')) as Record<string, unknown>;
    await writeFile(h.settingsPath, JSON.stringify({ ...onDisk, accounts: [accounts[2]] }));
    await h.services.updateSettings({ resetNotice: true });
    const saved = JSON.parse(await readFile(h.settingsPath, 'utf8')) as { accounts: unknown[]; resetNotice: boolean };
    expect(saved.resetNotice).toBe(true);
    expect(saved.accounts).toEqual([accounts[2]]);
    expect(cards(h)).toContain('codex/work');
  });
});
