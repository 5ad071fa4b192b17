// Claude's I/O. By default only the reading `quotabar statusline` recorded from Claude Code's status
// line (no sign-in read, no request). With the opt-in (QUOTABAR_CLAUDE_OAUTH=1 or the setting), Claude
// Code's OAuth credentials are read too: `<configDir>/.credentials.json` first, then on macOS the
// keychain item Claude Code keeps. Read only: both stores belong to Claude Code and are never written.
import { err, ok, type ProviderError, type Result } from '../../core/errors';
import type { Provider, Source } from '../../core/provider';
import { CLAUDE_STATUSLINE_SOURCE_ID } from '../../core/providers/claude/statusline';
import { claudeStatusLine } from '../../core/providers/claude/statusline-settings';
import { readingPath } from '../status-line-store';
import type { CredentialLookup, FileSource } from '../../core/ports';
import { parseClaudeCredentials, type ClaudeCredentials } from '../../core/providers/claude/credentials';
import { claude } from '../../core/providers/claude/descriptor';
import { CLAUDE_RATE_LIMIT_FALLBACK_MS, createClaudeProvider } from '../../core/providers/claude/provider';
import { StderrLogger } from '../stderr-logger';
import type { ProviderAdapter } from './adapter';
import type { AccountSetting } from '../../core/accounts';
import { configFor, providerHttp, type AppConfig, type ComposeDeps } from './context';

export const CLAUDE_KEYCHAIN_SERVICE = claude.credentials.vendorKeychainService;
const KEYCHAIN_TIMEOUT_MS = 15_000;

export interface ClaudeCredentialReaderDeps {
  files: FileSource;
  /** `$CLAUDE_CONFIG_DIR` or `~/.claude` (the descriptor's `credentials.dir`). */
  configDir: string;
  platform: NodeJS.Platform | string;
  /** The keychain item's value, or null when absent; defaults to `readMacKeychainClaude` on macOS. */
  readMacKeychain?: () => Promise<string | null>;
  /** Wall clock for the keychain cache (default Date.now). */
  now?: () => number;
}

/** A keychain login is re-read at most this often, and always once it is about to expire. */
export const KEYCHAIN_CACHE_MS = 30 * 60_000;

/** Where the credentials came from, for the settings window (a CredentialStatus without providerId). Never holds the secret. */
export interface ClaudeCredentialLocation {
  configured: boolean;
  origin: 'file' | 'macos-keychain' | null;
  /** The file path, or the keychain service name. */
  label: string | null;
  error: ProviderError | null;
}

interface Found {
  result: Result<ClaudeCredentials | null>;
  location: ClaudeCredentialLocation;
}

/** A lookup for the Claude provider: credentials, null when not signed in, or why they are unusable. */
export function createClaudeCredentialLookup(deps: ClaudeCredentialReaderDeps): CredentialLookup<ClaudeCredentials> {
  const cached: ClaudeCredentialReaderDeps =
    deps.platform === 'darwin'
      ? { ...deps, readMacKeychain: cacheKeychainRead(deps.readMacKeychain ?? readMacKeychainClaude, deps.now ?? Date.now) }
      : deps;
  return async () => (await find(cached)).result;
}

/**
 * Each read of another app's keychain item can raise a macOS access prompt (again after Claude Code
 * rotates the item), so a good login is kept until shortly before it expires, and at most 30 minutes.
 */
export function cacheKeychainRead(read: () => Promise<string | null>, now: () => number): () => Promise<string | null> {
  let cached: { text: string; until: number } | null = null;
  return async () => {
    if (cached && now() < cached.until) return cached.text;
    cached = null;
    const text = await read().catch(() => null);
    if (text === null) return null;
    const parsed = parseClaudeCredentials(text);
    if (parsed.ok) {
      const expiry = parsed.value.expiresAt === null ? Infinity : parsed.value.expiresAt - 60_000;
      cached = { text, until: Math.min(expiry, now() + KEYCHAIN_CACHE_MS) };
    }
    return text;
  };
}

/** Where Claude credentials were found (or which store failed), without returning them. */
export async function describeClaudeCredentials(deps: ClaudeCredentialReaderDeps): Promise<ClaudeCredentialLocation> {
  return (await find(deps)).location;
}

async function find(deps: ClaudeCredentialReaderDeps): Promise<Found> {
  const path = deps.files.join(deps.configDir, '.credentials.json');
  let failure: Found | null = null;

  const file = await deps.files.readText(path);
  if (file.ok) {
    const parsed = parseClaudeCredentials(file.value);
    if (parsed.ok) return { result: parsed, location: { configured: true, origin: 'file', label: path, error: null } };
    // A file holding only `mcpOAuth` is "not signed in here"; the keychain may still have a login.
    if (parsed.error.kind !== 'unconfigured') failure = failed('file', path, parsed.error);
  } else if (file.error.kind === 'unreadable') {
    failure = failed('file', path, { kind: 'credentials_invalid', detail: `cannot read ${path} (${file.error.code})` });
  }

  const keychain = deps.platform === 'darwin' ? (deps.readMacKeychain ?? readMacKeychainClaude) : null;
  if (keychain) {
    const text = await keychain().catch(() => null);
    if (text !== null) {
      const parsed = parseClaudeCredentials(text);
      if (parsed.ok) return { result: parsed, location: { configured: true, origin: 'macos-keychain', label: CLAUDE_KEYCHAIN_SERVICE, error: null } };
      if (!failure && parsed.error.kind !== 'unconfigured') failure = failed('macos-keychain', CLAUDE_KEYCHAIN_SERVICE, parsed.error);
    }
  }
  return failure ?? { result: ok(null), location: { configured: false, origin: null, label: null, error: null } };
}

function failed(origin: 'file' | 'macos-keychain', label: string, error: ProviderError): Found {
  return { result: err(error), location: { configured: false, origin, label, error } };
}

/**
 * The value of the macOS keychain item `Claude Code-credentials` (may be hex), or null when it is
 * missing, access is refused, or `security` does not answer in time (a pending ACL prompt).
 */
export async function readMacKeychainClaude(timeoutMs: number = KEYCHAIN_TIMEOUT_MS): Promise<string | null> {
  // Imported here: only macOS runs `security`, and loading child_process costs every CLI run a few ms.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(
      '/usr/bin/security',
      ['find-generic-password', '-s', CLAUDE_KEYCHAIN_SERVICE, '-w'],
      { timeout: timeoutMs, encoding: 'utf8', maxBuffer: 1024 * 1024, windowsHide: true },
      (error, stdout) => {
        const text = typeof stdout === 'string' ? stdout.trim() : '';
        resolve(error || text === '' ? null : text);
      },
    );
  });
}

/**
 * The reader's deps for one account. A labelled account reads only its own folder: the macOS keychain
 * item belongs to Claude Code's default sign-in, which is the implicit account's.
 */
function readerDeps(config: AppConfig, files: FileSource, account?: AccountSetting): ClaudeCredentialReaderDeps {
  const configDir = configFor(config, claude.id, account).dir ?? '';
  return account ? { files, configDir, platform: config.platform, readMacKeychain: async () => null } : { files, configDir, platform: config.platform };
}

/** True when the user opted in to reading Claude Code's sign-in (off by default: Anthropic's terms, PROVIDERS-2 §7e). */
export function claudeOAuthOn(config: AppConfig): boolean {
  return config.optIn?.[claude.id] === true;
}

/** Where the status-line reading of this account's Claude Code folder is recorded; null without a folder. */
export function claudeReadingPath(config: AppConfig, account?: AccountSetting): string | null {
  const dir = configFor(config, claude.id, account).dir;
  return dir && config.dataDir ? readingPath(config.dataDir, claude.id, dir) : null;
}

/** The reading `quotabar statusline` recorded, as of now: 0 % past a reset, its observed time as a note. */
export function claudeStatusLineSource(path: string | null, deps: Pick<ComposeDeps, 'files' | 'clock'>): Source {
  const hook = claudeStatusLine;
  return {
    id: CLAUDE_STATUSLINE_SOURCE_ID,
    fetch: async () => {
      if (path === null) return err({ kind: 'unconfigured', what: 'claude status line' });
      const text = await deps.files.readText(path);
      if (!text.ok) {
        return text.error.kind === 'not_found'
          ? err({ kind: 'unconfigured', what: 'claude status line' })
          : err({ kind: 'credentials_invalid', detail: `cannot read ${path} (${text.error.code})` });
      }
      const data = hook.fromRecord(text.value, deps.clock.now());
      return data ? ok({ source: CLAUDE_STATUSLINE_SOURCE_ID, ...data }) : err({ kind: 'malformed', detail: `${path} is not a status-line reading` });
    },
  };
}

export const claudeAdapter: ProviderAdapter = {
  descriptor: claude,
  statusLine: claudeStatusLine,
  build(config, deps, account) {
    const statusLine = claudeStatusLineSource(claudeReadingPath(config, account), deps);
    if (!claudeOAuthOn(config)) {
      return { id: claude.id, displayName: claude.displayName, sources: [statusLine], rateLimitFallbackMs: CLAUDE_RATE_LIMIT_FALLBACK_MS };
    }
    const { url } = configFor(config, claude.id, account);
    const oauth: Provider = createClaudeProvider({
      http: providerHttp(config, deps, url),
      clock: deps.clock,
      baseUrl: url,
      getCredentials: createClaudeCredentialLookup(readerDeps(config, deps.files, account)),
      logger: deps.logger ?? new StderrLogger(),
    });
    // Opted in, the endpoint goes first (only it has per-model weeks and extra usage); the status
    // line's reading answers while the endpoint is throttled or the sign-in is missing.
    return { ...oauth, sources: [...oauth.sources, statusLine] };
  },
  async credentialStatus(config, deps, account) {
    if (claudeOAuthOn(config)) return describeClaudeCredentials(readerDeps(config, deps.files, account));
    // Off: the sign-in is not looked at; what is "found" is the status line's reading.
    const path = claudeReadingPath(config, account);
    const found = path ? await deps.files.stat(path) : null;
    return { configured: found?.ok === true, origin: found?.ok ? 'file' : null, label: found?.ok ? path : null, error: null };
  },
};
