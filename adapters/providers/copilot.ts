// Copilot's credential, first found wins: GH_TOKEN; the editor plugins' apps.json / hosts.json
// (github-copilot under the config folder); gh's hosts.yml. All read only, github.com entries only.
// A labelled account reads those files from its own folder.
import { posix, win32 } from 'node:path';
import type { AccountSetting } from '../../core/accounts';
import { err, ok, type ProviderError, type Result } from '../../core/errors';
import type { CredentialLookup, FileSource } from '../../core/ports';
import { maskGitHubToken, parseCopilotApps, parseGhHosts, type GitHubSignIn } from '../../core/providers/copilot/credentials';
import { copilot } from '../../core/providers/copilot/descriptor';
import { createCopilotProvider } from '../../core/providers/copilot/provider';
import type { CredentialLocation, ProviderAdapter } from './adapter';
import { configFor, providerHttp, type AppConfig } from './context';

type Env = Readonly<Record<string, string | undefined>>;

/** One file that may hold a GitHub sign-in, and which reader understands it. */
export interface SignInFile {
  path: string;
  format: 'apps' | 'gh-hosts';
}

const set = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v : undefined);

/**
 * Where the editor plugins and gh keep their sign-ins on this platform: github-copilot under
 * %LOCALAPPDATA% (Windows) or $XDG_CONFIG_HOME / ~/.config; gh under $GH_CONFIG_DIR, else
 * $XDG_CONFIG_HOME/gh, else %APPDATA%\GitHub CLI (Windows), else ~/.config/gh.
 */
export function copilotSignInFiles(env: Env, platform: string, home: string): SignInFile[] {
  const win = platform === 'win32';
  const path = win ? win32 : posix;
  const xdg = set(env['XDG_CONFIG_HOME']);
  const configHome = xdg && path.isAbsolute(xdg) ? xdg : undefined;
  const plugins = win
    ? path.join(set(env['LOCALAPPDATA']) ?? path.join(home, 'AppData', 'Local'), 'github-copilot')
    : path.join(configHome ?? path.join(home, '.config'), 'github-copilot');
  const gh =
    set(env[copilot.credentials.dir.env]) ??
    (configHome ? path.join(configHome, 'gh') : win ? path.join(set(env['APPDATA']) ?? path.join(home, 'AppData', 'Roaming'), 'GitHub CLI') : path.join(home, '.config', 'gh'));
  return [
    { path: path.join(plugins, 'apps.json'), format: 'apps' },
    { path: path.join(plugins, 'hosts.json'), format: 'apps' },
    { path: path.join(gh, 'hosts.yml'), format: 'gh-hosts' },
  ];
}

/** A labelled account's folder: a github-copilot folder or a gh config folder (whichever files it holds). */
function accountFiles(files: FileSource, dir: string): SignInFile[] {
  return [
    { path: files.join(dir, 'apps.json'), format: 'apps' },
    { path: files.join(dir, 'hosts.json'), format: 'apps' },
    { path: files.join(dir, 'hosts.yml'), format: 'gh-hosts' },
  ];
}

interface Found {
  result: Result<GitHubSignIn | null>;
  location: CredentialLocation;
}

async function find(config: AppConfig, files: FileSource, account?: AccountSetting): Promise<Found> {
  const { envKey, dir } = configFor(config, copilot.id, account);
  if (envKey) {
    return { result: ok({ token: envKey, user: null }), location: { configured: true, origin: 'env', label: `${copilot.credentials.envKey} (${maskGitHubToken(envKey)})`, error: null } };
  }
  const candidates = account ? (dir ? accountFiles(files, dir) : []) : copilotSignInFiles(config.env, config.platform, config.homedir);
  let failure: Found | null = null;
  for (const c of candidates) {
    const text = await files.readText(c.path);
    if (!text.ok) {
      if (text.error.kind === 'unreadable' && !failure) failure = failed(c.path, { kind: 'credentials_invalid', detail: `cannot read ${c.path} (${text.error.code})` });
      continue;
    }
    // A file without a github.com sign-in (another host only, or gh keeping its token in the keyring) is passed over.
    const signIn = c.format === 'apps' ? parseCopilotApps(text.value) : parseGhHosts(text.value);
    if (signIn) return { result: ok(signIn), location: { configured: true, origin: 'file', label: c.path, error: null } };
  }
  return failure ?? { result: ok(null), location: { configured: false, origin: null, label: null, error: null } };
}

function failed(label: string, error: ProviderError): Found {
  return { result: err(error), location: { configured: false, origin: 'file', label, error } };
}

/** The sign-in for the implicit account (or `account`'s folder), null when none is found. */
export function copilotSignInLookup(config: AppConfig, files: FileSource, account?: AccountSetting): CredentialLookup<GitHubSignIn> {
  return async () => (await find(config, files, account)).result;
}

export const copilotAdapter: ProviderAdapter = {
  descriptor: copilot,
  build(config, deps, account) {
    const { url } = configFor(config, copilot.id, account);
    return createCopilotProvider({ http: providerHttp(config, deps, url), clock: deps.clock, baseUrl: url, getSignIn: copilotSignInLookup(config, deps.files, account) });
  },
  credentialStatus: async (config, deps, account) => (await find(config, deps.files, account)).location,
};
