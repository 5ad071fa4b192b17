// A recognisable fake OpenRouter key goes through everything a real one does: `quotabar key set`
// (validation), `quotabar status` as a table and as JSON, polling, an upstream 401, a redirect to
// another host, and the settings window's handlers. Then we look for it everywhere it must not be.
import { readdir, readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAllProviders, resolveConfig } from '../../adapters/compose';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { NodeFileSource } from '../../adapters/node-file-source';
import { createPoller } from '../../core/poller';
import { main } from '../../cli/main';
import { createAppServices } from '../../app/services';
import { createInvokeHandlers } from '../../app/handlers';
import { fixture, fixtureText } from '../core/providers/load-fixture';
import { RecordingNotifier } from '../support/app-harness';
import { capturingOutput } from '../support/capture-output';
import { FakeClock } from '../support/fake-clock';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const CANARY = 'sk-or-v1-CANARY-7f3a9c2e5b1d4068a7f3c9e2b5d1a4068f7a3c9e2b5d1a40';
/** Any text holding this word leaked (part of) the key: a masked label keeps only its last 3 characters. */
const MARK = 'CANARY';
const capped = fixture<{ data: Record<string, unknown> }>('openrouter', 'key-capped-weekly').data;

type Phase = 'valid' | 'revoked' | 'redirect';
let phase: Phase = 'valid';
let provider: LoopbackServer;
let other: LoopbackServer;
let home: string;
const filesBefore = new Set<string>();
/** Everything the app produced on the way, by where it went. */
const seen: Array<{ where: string; text: string }> = [];
const record = (where: string, v: unknown) => seen.push({ where, text: typeof v === 'string' ? v : JSON.stringify(v) });
const captured: string[] = [];

// A hostile provider: it echoes the key back in the label of a good reply and in the message of a 401.
async function startProvider(): Promise<LoopbackServer> {
  return startLoopbackServer((req) => {
    const auth = String(req.headers.authorization);
    if (!req.path.endsWith('/key')) return { status: 404, body: { error: { code: 404, message: `no route for ${auth}` } } };
    if (phase === 'redirect') return { status: 307, headers: { location: `${other.url}/api/v1/key` }, body: '' };
    if (phase === 'revoked' || auth !== `Bearer ${CANARY}`) return { status: 401, body: { error: { code: 401, message: `Invalid key: ${auth}` } } };
    return { body: { data: { ...capped, label: auth } } };
  });
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function journey(): Promise<void> {
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    CODEX_HOME: join(home, '.codex'),
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    QUOTABAR_CLAUDE_OAUTH: '1',
    QUOTABAR_OPENROUTER_URL: `${provider.url}/api/v1`,
    // Codex and Claude live on "another host": it must never see the OpenRouter key.
    QUOTABAR_CODEX_URL: `${other.url}/backend-api`,
    QUOTABAR_CLAUDE_URL: other.url,
    QUOTABAR_TIMEOUT_MS: '3000',
  };
  const secrets = new MemorySecretStore();
  const cli = async (argv: string[], stdin = '') => {
    const o = { out: '', err: '' };
    const code = await main(argv, {
      stdout: (s) => void (o.out += s),
      stderr: (s) => void (o.err += s),
      readStdin: async () => stdin,
      env,
      homedir: home,
      platform: 'linux',
      deps: { secrets },
    });
    record(`quotabar ${argv.join(' ')} (${phase}) stdout`, o.out);
    record(`quotabar ${argv.join(' ')} (${phase}) stderr`, o.err);
    return { code, ...o };
  };

  // Setting and validating the key, then the CLI with a good key.
  expect((await cli(['key', 'set', 'openrouter'], `${CANARY}\n`)).code).toBe(0);
  const statuses = JSON.parse((await cli(['status', '--json'])).out).providers.map((p: { providerId: string; status: string }) => [p.providerId, p.status]);
  expect(Object.fromEntries(statuses)).toMatchObject({ openrouter: 'ok', codex: 'ok', claude: 'ok' });
  await cli(['status']);

  // Polling, with every view the poller publishes.
  const clock = new FakeClock(Date.now());
  const poller = createPoller({ providers: buildAllProviders(resolveConfig(env, 'linux', home), { secrets, files: new NodeFileSource(), clock }), clock, scheduler: clock });
  poller.subscribe((v) => record(`PollerView (${phase})`, v));
  for (const p of ['valid', 'revoked', 'redirect'] as const) {
    phase = p;
    await poller.refreshNow();
  }
  poller.stop();
  expect(poller.view().snapshots[0]).toMatchObject({ providerId: 'openrouter', status: 'error', error: { kind: 'upstream', status: 307 } });

  // The CLI after the key was revoked upstream, and when /key redirects to another host.
  for (const p of ['revoked', 'redirect'] as const) {
    phase = p;
    await cli(['status']);
    await cli(['status', '--json']);
    expect((await cli(['key', 'set', 'openrouter'], CANARY)).code).toBe(1);
  }

  // The settings window's handlers over the real app services.
  phase = 'valid';
  const notifier = new RecordingNotifier();
  const services = await createAppServices({ env, platform: 'linux', homedir: home, secrets: new MemorySecretStore(), clock, notifier });
  services.onView((v) => record('pushed view', v));
  services.onSettings((v) => record('pushed settings', v));
  const handlers = createInvokeHandlers(services, { openSettings() {}, openHistory() {}, openCost() {}, hidePopover() {}, fitPopover() {}, openExternal() {}, quit() {} });
  record('key:test', await handlers['key:test']({ providerId: 'openrouter', key: CANARY }));
  const saved = await handlers['key:save']({ providerId: 'openrouter', key: CANARY });
  expect(saved.ok).toBe(true);
  record('key:save', saved);
  record('settings:get', await handlers['settings:get'](null));
  record('refresh', await handlers.refresh({ providerId: null }));
  record('settings:update', await handlers['settings:update']({ refreshIntervalSec: 300 }));
  phase = 'revoked';
  record('refresh after 401', await handlers.refresh({ providerId: 'openrouter' }));
  record('key:test after 401', await handlers['key:test']({ providerId: 'openrouter', key: CANARY }));
  record('view:get', await handlers['view:get'](null));
  record('settings:get after 401', await handlers['settings:get'](null));
  record('notifications', notifier.shown);
  await services.historyIdle();
  services.stop();
}

beforeAll(async () => {
  provider = await startProvider();
  other = await startLoopbackServer((req) => {
    if (req.path.endsWith('/wham/usage')) return { body: fixtureText('codex', 'usage-plus-both-windows'), headers: { 'content-type': 'application/json' } };
    if (req.path.endsWith('/api/oauth/usage')) return { body: fixtureText('claude', 'usage-max-plan'), headers: { 'content-type': 'application/json' } };
    return { status: 404, body: { error: 'not here' } };
  });
  home = await mkdtemp(join(tmpdir(), 'quotabar-canary-'));
  await mkdir(join(home, '.codex'), { recursive: true });
  await writeFile(join(home, '.codex', 'auth.json'), fixtureText('codex', 'auth-chatgpt'));
  await mkdir(join(home, '.claude'), { recursive: true });
  const claude = { claudeAiOauth: { accessToken: 'sk-ant-oat01-canary-test', expiresAt: Date.now() + 86_400_000, scopes: ['user:profile'] } };
  await writeFile(join(home, '.claude', '.credentials.json'), JSON.stringify(claude));
  for (const f of await listFiles(home)) filesBefore.add(f);
  await capturingOutput(captured, journey);
}, 60_000);

afterAll(async () => {
  await provider?.close();
  await other?.close();
  await rm(home, { recursive: true, force: true });
});

describe('a canary OpenRouter key', () => {
  it('reached the provider, so the journey really carried it', () => {
    const carried = provider.requests.filter((r) => r.headers.authorization === `Bearer ${CANARY}`);
    expect(carried.length).toBeGreaterThanOrEqual(10);
    expect(seen.map((s) => s.where)).toContain('key:save');
    expect(seen.filter((s) => s.text.includes('sk-or-v1-…'))).not.toEqual([]);
  });

  it('appears in nothing the CLI printed, no view the poller published, no handler answer, pushed event or notification', () => {
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.filter((s) => s.text.includes(MARK)).map((s) => s.where)).toEqual([]);
  });

  it('caused no console output and no direct writes to stdout or stderr', () => {
    expect(captured).toEqual([]);
  });

  it('is in no file under HOME or the XDG config dir, and the app wrote only its settings file and history', async () => {
    const after = await listFiles(home);
    const written = after.filter((f) => !filesBefore.has(f)).map((f) => f.slice(home.length));
    // The history database may keep its WAL companions beside it; they are searched for the key too.
    expect(written.filter((f) => !/history\.sqlite-(wal|shm)$/.test(f)).sort()).toEqual(['/.config/quotabar/settings.json', '/.local/share/quotabar/history.sqlite']);
    for (const f of after) expect(await readFile(f, 'utf8'), f).not.toContain(MARK);
  });

  it('never reached another host, not in a header, not in a path, not by following a redirect', () => {
    expect(other.requests.length, 'Codex and Claude did talk to the other host').toBeGreaterThanOrEqual(4);
    expect(other.count('/key'), 'the 307 to the other host was not followed').toBe(0);
    expect(provider.requests.filter((r) => r.headers.authorization !== `Bearer ${CANARY}`)).toEqual([]);
    const leaks = other.requests.filter((r) => JSON.stringify(r).includes(MARK));
    expect(leaks).toEqual([]);
  });
});
