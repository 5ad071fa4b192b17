// The real providers (compose builders, undici) wired to one loopback server: the server, with a path
// prefix per case, the config that points the providers at it, the sign-in files they read (in
// memory) and the answers of a provider in good health. Shared by the hostile matrix and the benches.
import { buildProvider, resolveConfig, type AppConfig, type ComposeDeps } from '../../adapters/compose';
import type { Provider } from '../../core/provider';
import { fixtureText } from '../core/providers/load-fixture';
import { startLoopbackServer, type LoopbackReply, type LoopbackRequest, type LoopbackServer } from './loopback-server';
import { MemoryFiles } from './memory-files';

export type ProviderKind = 'openrouter' | 'codex' | 'claude' | 'zai' | 'minimax' | 'moonshot' | 'deepseek' | 'copilot' | 'gemini';

/** A provider in good health: OpenRouter comes with a capped or an uncapped key. */
export type HealthyKind = 'openrouter-capped' | 'openrouter-uncapped' | 'codex' | 'claude' | 'zai' | 'minimax' | 'moonshot' | 'deepseek' | 'copilot' | 'gemini';

/**
 * Which endpoint a request is for, by the last path segment: /key, /credits, …/usage, …/quota/limit,
 * …/remains, …/balance, …/user; for `/v1internal:<method>` paths, the method after the colon.
 */
export type Route = 'key' | 'credits' | 'usage' | 'limit' | 'remains' | 'balance' | 'user' | 'loadCodeAssist' | 'retrieveUserQuota';

export const BUILDERS: Record<ProviderKind, (config: AppConfig, deps: ComposeDeps) => Provider> = {
  openrouter: (config, deps) => buildProvider('openrouter', config, deps),
  codex: (config, deps) => buildProvider('codex', config, deps),
  claude: (config, deps) => buildProvider('claude', config, deps),
  zai: (config, deps) => buildProvider('zai', config, deps),
  minimax: (config, deps) => buildProvider('minimax', config, deps),
  moonshot: (config, deps) => buildProvider('moonshot', config, deps),
  deepseek: (config, deps) => buildProvider('deepseek', config, deps),
  copilot: (config, deps) => buildProvider('copilot', config, deps),
  gemini: (config, deps) => buildProvider('gemini', config, deps),
};

/** The healthy kind of a provider (OpenRouter with a capped key unless told otherwise). */
export function healthyKind(provider: ProviderKind, key: 'capped' | 'uncapped' = 'capped'): HealthyKind {
  return provider === 'openrouter' ? `openrouter-${key}` : provider;
}

/** What each healthy kind answers, by route (recorded-shape fixtures). */
export const HEALTHY_BODIES: Record<HealthyKind, Partial<Record<Route, string>>> = {
  'openrouter-capped': { key: fixtureText('openrouter', 'key-capped-weekly'), credits: fixtureText('openrouter', 'credits-balance') },
  'openrouter-uncapped': { key: fixtureText('openrouter', 'key-uncapped'), credits: fixtureText('openrouter', 'credits-balance') },
  codex: { usage: fixtureText('codex', 'usage-plus-both-windows') },
  claude: { usage: fixtureText('claude', 'usage-max-plan') },
  zai: { limit: fixtureText('zai', 'quota-pro-three-limits') },
  minimax: { remains: fixtureText('minimax', 'remains-general') },
  moonshot: { balance: fixtureText('moonshot', 'balance') },
  deepseek: { balance: fixtureText('deepseek', 'balance-cny') },
  copilot: { user: fixtureText('copilot', 'user-pro-premium') },
  gemini: { loadCodeAssist: fixtureText('gemini', 'load-code-assist-standard'), retrieveUserQuota: fixtureText('gemini', 'quota-three-models') },
};

/** A JSON body as a 200 reply. */
export function jsonReply(body: string, headers: Record<string, string> = {}): LoopbackReply {
  return { status: 200, headers: { 'content-type': 'application/json', ...headers }, body };
}

/** One loopback server for many cases; each answers under its own path prefix (`/<prefix>/…`). */
export interface PrefixedServer {
  server: LoopbackServer;
  mount(prefix: string, answer: (route: Route) => LoopbackReply): void;
  requestsUnder(prefix: string): LoopbackRequest[];
  close(): Promise<void>;
}

export async function startPrefixedServer(): Promise<PrefixedServer> {
  const cases = new Map<string, (route: Route) => LoopbackReply>();
  const server = await startLoopbackServer((req) => {
    const m = /^\/([^/]+)(\/[^?]*)/.exec(req.path);
    const answer = m ? cases.get(m[1]!) : undefined;
    const route = m?.[2]?.split('/').pop()?.split(':').pop() as Route | undefined;
    return answer && route ? answer(route) : { status: 404, body: { error: 'no such case' } };
  });
  return {
    server,
    mount: (prefix, answer) => void cases.set(prefix, answer),
    requestsUnder: (prefix) => server.requests.filter((r) => r.path.startsWith(`/${prefix}/`)),
    close: () => server.close(),
  };
}

/** Config for a Linux `home` whose providers all answer under `base`; `extra` adds to the environment. */
export function loopbackConfig(base: string, home: string, extra: Record<string, string> = {}): AppConfig {
  const env = {
    QUOTABAR_OPENROUTER_URL: `${base}/api/v1`,
    QUOTABAR_CODEX_URL: `${base}/backend-api`,
    QUOTABAR_CLAUDE_URL: base,
    QUOTABAR_ZAI_URL: `${base}/zai`,
    QUOTABAR_MINIMAX_URL: `${base}/minimax`,
    QUOTABAR_MOONSHOT_URL: `${base}/moonshot/v1`,
    QUOTABAR_DEEPSEEK_URL: `${base}/deepseek`,
    QUOTABAR_COPILOT_URL: base,
    QUOTABAR_GEMINI_URL: `${base}/gemini`,
    CODEX_HOME: `${home}/.codex`,
    CLAUDE_CONFIG_DIR: `${home}/.claude`,
    // Claude answers under `base` only through its opt-in OAuth path (off by default).
    QUOTABAR_CLAUDE_OAUTH: '1',
    ...extra,
  };
  return resolveConfig(env, 'linux', home);
}

/** In-memory sign-in files under `home`: a Codex ChatGPT login, a Claude Code OAuth login with `claude`'s fields, a Copilot editor-plugin login and a Gemini CLI sign-in. */
export function signedInFiles(home: string, claude: Record<string, unknown>): MemoryFiles {
  return new MemoryFiles()
    .write(`${home}/.codex/auth.json`, fixtureText('codex', 'auth-chatgpt'))
    .write(`${home}/.claude/.credentials.json`, JSON.stringify({ claudeAiOauth: claude }))
    .write(`${home}/.config/github-copilot/apps.json`, fixtureText('copilot', 'apps-github-and-enterprise'))
    .write(`${home}/.gemini/oauth_creds.json`, fixtureText('gemini', 'oauth-creds'));
}
