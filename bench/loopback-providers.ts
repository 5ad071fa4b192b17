// The real providers (compose builders, undici) against one fake provider server on 127.0.0.1, for
// benchmarks that count requests or time polls. Credentials live in memory; nothing real is read.
import type { ComposeDeps } from '../adapters/compose';
import { MemorySecretStore } from '../adapters/memory-secret-store';
import { SystemClock } from '../adapters/system-clock';
import type { Provider } from '../core/provider';
import {
  BUILDERS,
  HEALTHY_BODIES,
  jsonReply,
  loopbackConfig,
  signedInFiles,
  startPrefixedServer,
  type HealthyKind,
  type ProviderKind,
} from '../test/support/loopback-providers';

/** A provider as the benchmarks name it: OpenRouter comes with a capped or an uncapped key. */
export type BenchKind = HealthyKind;

export interface BenchServer {
  /** The real provider of this kind, talking to the server. */
  provider(kind: BenchKind): Provider;
  /** Requests the server received for this kind, by path. */
  requests(kind: BenchKind): string[];
  close(): Promise<void>;
}

const PROVIDER: Record<BenchKind, ProviderKind> = {
  'openrouter-capped': 'openrouter',
  'openrouter-uncapped': 'openrouter',
  codex: 'codex',
  claude: 'claude',
  zai: 'zai',
  minimax: 'minimax',
  moonshot: 'moonshot',
  deepseek: 'deepseek',
  copilot: 'copilot',
  gemini: 'gemini',
};

/** Starts the server; each kind answers under `/<kind>/…`, after `latencyMs[kind]` when given. */
export async function startBenchServer(latencyMs: Partial<Record<BenchKind, number>> = {}): Promise<BenchServer> {
  const prefixed = await startPrefixedServer();
  for (const kind of Object.keys(PROVIDER) as BenchKind[]) {
    prefixed.mount(kind, (route) => {
      const body = HEALTHY_BODIES[kind][route];
      if (!body) return { status: 404, body: { error: 'no such route' } };
      return { ...jsonReply(body), delayHeadersMs: latencyMs[kind] ?? 0 };
    });
  }
  const clock = new SystemClock({ unref: true });
  const home = '/home/bench';
  const files = signedInFiles(home, { accessToken: 'sk-ant-oat01-bench', expiresAt: Date.now() + 86_400_000, scopes: ['user:profile'] });
  const deps: ComposeDeps = { secrets: new MemorySecretStore({ initial: { openrouter: 'sk-or-v1-bench-0000000000000000', zai: 'bench0000000000000000.secret0000', minimax: 'sk-cp-bench0000000000000000', moonshot: `sk-${'0'.repeat(48)}`, deepseek: 'sk-00000000000000000000000000000bec' } }), files, clock };
  return {
    provider: (kind) => BUILDERS[PROVIDER[kind]](loopbackConfig(`${prefixed.server.url}/${kind}`, home), deps),
    requests: (kind) => prefixed.requestsUnder(kind).map((r) => r.path),
    close: () => prefixed.close(),
  };
}
