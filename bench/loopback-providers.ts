// The real providers (compose builders, undici) against one fake provider server on 127.0.0.1, for
// benchmarks that count requests or time polls. Credentials live in memory; nothing real is read.
import { buildClaude, buildCodex, buildOpenRouter, resolveConfig, type ComposeDeps } from '../adapters/compose';
import { MemorySecretStore } from '../adapters/memory-secret-store';
import { SystemClock } from '../adapters/system-clock';
import type { Provider } from '../core/provider';
import { fixtureText } from '../test/core/providers/load-fixture';
import { startLoopbackServer, type LoopbackServer } from '../test/support/loopback-server';
import { MemoryFiles } from '../test/support/memory-files';

/** A provider as the benchmarks name it: OpenRouter comes with a capped or an uncapped key. */
export type BenchKind = 'openrouter-capped' | 'openrouter-uncapped' | 'codex' | 'claude';

const BODIES: Record<BenchKind, Record<string, string>> = {
  'openrouter-capped': { key: fixtureText('openrouter', 'key-capped-weekly'), credits: fixtureText('openrouter', 'credits-balance') },
  'openrouter-uncapped': { key: fixtureText('openrouter', 'key-uncapped'), credits: fixtureText('openrouter', 'credits-balance') },
  codex: { usage: fixtureText('codex', 'usage-plus-both-windows') },
  claude: { usage: fixtureText('claude', 'usage-max-plan') },
};

export interface BenchServer {
  server: LoopbackServer;
  /** The real provider of this kind, talking to the server. */
  provider(kind: BenchKind): Provider;
  /** Requests the server received for this kind, by path. */
  requests(kind: BenchKind): string[];
  close(): Promise<void>;
}

/** Starts the server; each kind answers under `/<kind>/…`, after `latencyMs[kind]` when given. */
export async function startBenchServer(latencyMs: Partial<Record<BenchKind, number>> = {}): Promise<BenchServer> {
  const server = await startLoopbackServer((req) => {
    const [, kind, ...rest] = req.path.split('?')[0]!.split('/');
    const body = BODIES[kind as BenchKind]?.[rest.at(-1) ?? ''];
    if (!body) return { status: 404, body: { error: 'no such route' } };
    return { headers: { 'content-type': 'application/json' }, body, delayHeadersMs: latencyMs[kind as BenchKind] ?? 0 };
  });
  const clock = new SystemClock({ unref: true });
  const home = '/home/bench';
  const files = new MemoryFiles();
  files.write(`${home}/.codex/auth.json`, fixtureText('codex', 'auth-chatgpt'));
  const claude = { claudeAiOauth: { accessToken: 'sk-ant-oat01-bench', expiresAt: Date.now() + 86_400_000, scopes: ['user:profile'] } };
  files.write(`${home}/.claude/.credentials.json`, JSON.stringify(claude));
  const deps: ComposeDeps = { secrets: new MemorySecretStore({ initial: { openrouter: 'sk-or-v1-bench-0000000000000000' } }), files, clock };

  const config = (kind: BenchKind) =>
    resolveConfig(
      {
        QUOTABAR_OPENROUTER_URL: `${server.url}/${kind}/api/v1`,
        QUOTABAR_CODEX_URL: `${server.url}/${kind}/backend-api`,
        QUOTABAR_CLAUDE_URL: `${server.url}/${kind}`,
        CODEX_HOME: `${home}/.codex`,
        CLAUDE_CONFIG_DIR: `${home}/.claude`,
      },
      'linux',
      home,
    );
  const builders = { 'openrouter-capped': buildOpenRouter, 'openrouter-uncapped': buildOpenRouter, codex: buildCodex, claude: buildClaude };
  return {
    server,
    provider: (kind) => builders[kind](config(kind), deps),
    requests: (kind) => server.requests.filter((r) => r.path.startsWith(`/${kind}/`)).map((r) => r.path),
    close: () => server.close(),
  };
}
