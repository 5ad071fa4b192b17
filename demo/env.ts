// How the app is pointed at the demo server: base URLs, credential folders and the demo key, as
// the environment and the keychain would give them. Demo-only knowledge of each provider lives here.
import type { ProviderDescriptor } from '../core/providers/descriptor';
import { KEY_PROVIDERS, PROVIDERS } from '../core/providers/registry';

/**
 * Where the demo provider server lives (see demo/server.ts); the services then read nothing real.
 * Each key provider's demo key is the field `<id>Key` (openrouterKey …), read by `demoKeys`.
 */
export interface DemoEndpoints {
  urls: { openrouter: string; codex: string; claude: string; zai?: string; minimax?: string; moonshot?: string; deepseek?: string; copilot: string; gemini: string };
  codexHome: string;
  claudeConfigDir: string;
  /** The config folder holding Copilot's demo github-copilot/apps.json. */
  copilotConfigHome: string;
  /** Stands in for $GEMINI_CLI_HOME: the home folder holding Gemini's demo .gemini/oauth_creds.json. */
  geminiHome: string;
  openrouterKey: string;
  /** Providers added later are optional, so a test's hand-made endpoints need not list them. */
  zaiKey?: string;
  minimaxKey?: string;
  moonshotKey?: string;
  deepseekKey?: string;
  /** The management key the demo /keys accepts; absent: no team view in the demo. */
  openrouterManagementKey?: string;
}

/** The environment with everything that locates a provider pointed at the demo server. */
export function demoEnv(env: NodeJS.ProcessEnv, demo: DemoEndpoints): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  const dirs: Record<string, string> = { codex: demo.codexHome, claude: demo.claudeConfigDir, gemini: demo.geminiHome };
  const urls: Record<string, string | undefined> = demo.urls;
  for (const d of PROVIDERS as readonly ProviderDescriptor[]) {
    // A real key in the environment would win over the demo key: the demo must not use it.
    if (d.credentials.envKey) delete out[d.credentials.envKey];
    if (d.credentials.managementKey) delete out[d.credentials.managementKey.envKey];
    const url = urls[d.id];
    if (url !== undefined) out[d.baseUrlEnv] = url;
    const dir = dirs[d.id];
    if (d.credentials.dir && dir !== undefined) out[d.credentials.dir.env] = dir;
    // The demo server answers the opt-in sign-in path too, so the demo shows every meter, unless the
    // caller has set the variable itself (a test of the opted-out path sets it to 0).
    if (d.credentials.optIn && out[d.credentials.optIn.env] === undefined) out[d.credentials.optIn.env] = '1';
  }
  // Copilot finds the editor plugins' sign-in by platform rules (XDG_CONFIG_HOME, LOCALAPPDATA) and gh's
  // under GH_CONFIG_DIR: all three point into the demo folder, so no real GitHub token is read.
  out.XDG_CONFIG_HOME = demo.copilotConfigHome;
  out.LOCALAPPDATA = demo.copilotConfigHome;
  out.GH_CONFIG_DIR = `${demo.copilotConfigHome}/gh`;
  return out;
}

/** Per key provider id, the key the demo server accepts (its `<id>Key` field); providers it lacks are left out. */
export function demoKeys(demo: DemoEndpoints): Record<string, string> {
  const fields = demo as unknown as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const p of KEY_PROVIDERS) {
    const key = fields[`${p.id}Key`];
    if (typeof key === 'string') out[p.id] = key;
  }
  return out;
}

/** The demo keys, stored under their providers' keychain accounts (in memory). */
export function demoSecrets(demo: DemoEndpoints): Record<string, string> {
  const keys = demoKeys(demo);
  const out: Record<string, string> = {};
  for (const p of KEY_PROVIDERS) {
    const key = keys[p.id];
    if (key !== undefined && p.credentials.keychainAccount) out[p.credentials.keychainAccount] = key;
    // A management key for the team view: the field `<id>ManagementKey` (openrouterManagementKey).
    const management = (demo as unknown as Record<string, unknown>)[`${p.id}ManagementKey`];
    if (typeof management === 'string' && p.credentials.managementKey) out[p.credentials.managementKey.keychainAccount] = management;
  }
  return out;
}
