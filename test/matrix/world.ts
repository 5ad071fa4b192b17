// One matrix case's world: the real provider (compose builders, undici, origin allow-list) against
// the shared loopback server (a path prefix per case), a poller on a DrivenClock, in-memory
// credential files and keychain.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComposeDeps } from '../../adapters/compose';
import { JsonSettingsStore, type SettingsProblem } from '../../adapters/json-settings-store';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import type { ProviderSnapshot } from '../../core/model';
import { createPoller, type Poller } from '../../core/poller';
import { fixtureText } from '../core/providers/load-fixture';
import { flush } from '../support/fake-clock';
import {
  BUILDERS,
  HEALTHY_BODIES,
  healthyKind,
  jsonReply,
  loopbackConfig,
  signedInFiles,
  type PrefixedServer,
} from '../support/loopback-providers';
import type { LoopbackRequest } from '../support/loopback-server';
import { DrivenClock } from './driven-clock';
import type { Scenario } from './scenario-kit';

const HOME = '/home/dev';
const CODEX_HOME = `${HOME}/.codex`;
const OPENROUTER_KEY = 'sk-or-v1-matrix0000000000000000000000000000000000000000000000000000';
const CLAUDE_TOKEN = 'sk-ant-oat01-matrix-token';
const ZAI_KEY = '0123456789abcdef0123456789abcdef.matrixSecret00';
const MINIMAX_KEY = 'sk-cp-matrix000000000000000000000000';
const DEEPSEEK_KEY = 'sk-0000000000000000000000000000beef';
const MOONSHOT_KEY = `sk-${'M'.repeat(48)}`;

export interface World {
  clock: DrivenClock;
  poller: Poller;
  secrets: MemorySecretStore;
  intervalMs: number;
  settingsProblem: SettingsProblem | null;
  snapshot(): ProviderSnapshot;
  /** Requests this case's provider sent to the server so far. */
  requests(): LoopbackRequest[];
  /** The server starts answering with the scenario's hostile replies; non-HTTP trouble begins. */
  turnHostile(): void;
  /** Waits (real time) until no poll is in flight. */
  idle(): Promise<void>;
  dispose(): void;
}

/** Builds the world for a scenario (nothing polled yet). `tmp` is a fresh directory for its settings file. */
export async function createWorld(ms: PrefixedServer, s: Scenario, prefix: string, tmp: string): Promise<World> {
  const clock = new DrivenClock();
  const start = clock.now();
  const files = signedInFiles(HOME, {
    accessToken: CLAUDE_TOKEN,
    expiresAt: start + (s.claudeTokenTtlMs ?? 30 * 86_400_000),
    scopes: ['user:inference', 'user:profile'],
    subscriptionType: 'max',
  });
  if (s.geminiTokenTtlMs !== undefined) {
    const creds = JSON.parse(fixtureText('gemini', 'oauth-creds')) as Record<string, unknown>;
    files.write(`${HOME}/.gemini/oauth_creds.json`, JSON.stringify({ ...creds, expiry_date: start + s.geminiTokenTtlMs }));
  }
  if (s.codexLogs) {
    files.write(`${CODEX_HOME}/sessions/2026/09/20/rollout-2026-09-20T10-00-00-matrix.jsonl`, fixtureLog('session-and-weekly'));
  }
  const absent = s.trouble?.kind === 'keychain-absent' ? 'No Secret Service provider is running' : null;
  const secrets = new MemorySecretStore({ initial: { openrouter: OPENROUTER_KEY, zai: ZAI_KEY, minimax: MINIMAX_KEY, moonshot: MOONSHOT_KEY, deepseek: DEEPSEEK_KEY }, unavailable: absent });

  // Settings come from a real file through the real store, as the app loads them.
  const settingsPath = join(tmp, 'settings.json');
  if (s.trouble?.kind === 'settings-file') {
    await mkdir(tmp, { recursive: true });
    await writeFile(settingsPath, s.trouble.text);
  }
  const loaded = await new JsonSettingsStore(settingsPath).load();
  const intervalMs = loaded.settings.refreshIntervalSec * 1000;

  const config = loopbackConfig(`${ms.server.url}/${prefix}`, HOME, { QUOTABAR_TIMEOUT_MS: String(s.timeoutMs ?? 3_000) });
  const deps: ComposeDeps = { secrets, files, clock };
  const provider = BUILDERS[s.provider](config, deps);
  const poller = createPoller({ providers: [provider], clock, scheduler: clock, intervalMs, timeoutMs: config.timeoutMs });

  const good = HEALTHY_BODIES[healthyKind(s.provider, s.key)];
  let hostile = false;
  ms.mount(prefix, (route) => {
    const healthy = good[route];
    const reply = (hostile ? s.hostile?.[route] : undefined) ?? (healthy === undefined ? undefined : jsonReply(healthy));
    if (!reply) return { status: 404, body: { error: `no ${route} route` } };
    return typeof reply === 'function' ? reply({ now: clock.now() }) : reply;
  });

  const idle = async () => {
    const deadline = Date.now() + 15_000;
    await flush();
    while (poller.view().refreshing.length > 0) {
      if (Date.now() > deadline) throw new Error('a poll did not settle within 15 s of real time');
      await new Promise((r) => setTimeout(r, 1));
    }
    await flush();
  };

  return {
    clock,
    poller,
    secrets,
    intervalMs,
    settingsProblem: loaded.problem,
    snapshot: () => poller.view().snapshots[0]!,
    requests: () => ms.requestsUnder(prefix),
    turnHostile() {
      hostile = true;
      const t = s.trouble;
      if (t?.kind === 'keychain-locked') secrets.setUnavailable('The keyring is locked');
      if (t?.kind === 'key-removed') void secrets.remove(s.provider === 'zai' || s.provider === 'minimax' || s.provider === 'deepseek' || s.provider === 'moonshot' ? s.provider : 'openrouter');
      if (t?.kind === 'wall-jump') clock.jump(t.ms);
      if (t?.kind === 'auth-file') files.write(`${CODEX_HOME}/auth.json`, t.text);
    },
    idle,
    dispose: () => poller.stop(),
  };
}

// Log fixtures are .jsonl, which fixtureText (for .json files) cannot name.
function fixtureLog(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/codex-logs/${name}.jsonl`, import.meta.url)), 'utf8');
}
