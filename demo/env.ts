// How the app is pointed at the demo server: base URLs, credential folders and the demo key, as
// the environment and the keychain would give them. Demo-only knowledge of each provider lives here.
import type { ProviderDescriptor } from '../core/providers/descriptor';
import { keyProvider, PROVIDERS } from '../core/providers/registry';

/** Where the demo provider server lives (see demo/server.ts); the services then read nothing real. */
export interface DemoEndpoints {
  urls: { openrouter: string; codex: string; claude: string };
  codexHome: string;
  claudeConfigDir: string;
  openrouterKey: string;
}

/** The environment with everything that locates a provider pointed at the demo server. */
export function demoEnv(env: NodeJS.ProcessEnv, demo: DemoEndpoints): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  const dirs: Record<string, string> = { codex: demo.codexHome, claude: demo.claudeConfigDir };
  const urls: Record<string, string> = demo.urls;
  for (const d of PROVIDERS as readonly ProviderDescriptor[]) {
    // A real key in the environment would win over the demo key: the demo must not use it.
    if (d.credentials.envKey) delete out[d.credentials.envKey];
    const url = urls[d.id];
    if (url !== undefined) out[d.baseUrlEnv] = url;
    const dir = dirs[d.id];
    if (d.credentials.dir && dir !== undefined) out[d.credentials.dir.env] = dir;
  }
  return out;
}

/** The demo key, stored under the key provider's keychain account (in memory). */
export function demoSecrets(demo: DemoEndpoints): Record<string, string> {
  return { [keyProvider().credentials.keychainAccount ?? '']: demo.openrouterKey };
}

/** The key the demo server accepts, shown in Settings so Save can be tried. */
export function demoKey(demo: DemoEndpoints): string {
  return demo.openrouterKey;
}
