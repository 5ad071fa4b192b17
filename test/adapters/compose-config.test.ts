// What the environment decides at start (base URLs, where credentials live, the env key, the timeout),
// and the credential labels the Settings window shows, with no secret in them.
import { describe, expect, it } from 'vitest';
import { credentialStatuses, resolveConfig, type AppConfig } from '../../adapters/compose';
import { PROVIDERS } from '../../core/providers/registry';

const DEFAULT_URLS = Object.fromEntries(PROVIDERS.map((p) => [p.id, p.defaultBaseUrl])) as Record<(typeof PROVIDERS)[number]['id'], string>;
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { FakeClock } from '../support/fake-clock';
import { MemoryFiles } from '../support/memory-files';

const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abc';

describe('the configuration read from the environment', () => {
  it('uses the public endpoints, ~/.codex, ~/.claude, the XDG data folder, a 15 s timeout and no opt-in sign-in reading when nothing is set', () => {
    const c = resolveConfig({}, 'linux', '/home/me');
    expect(c).toEqual({
      platform: 'linux',
      urls: { ...DEFAULT_URLS, openrouter: 'https://openrouter.ai/api/v1', codex: 'https://chatgpt.com/backend-api', claude: 'https://api.anthropic.com' },
      credentials: {
        ...Object.fromEntries(PROVIDERS.map((p) => [p.id, expect.anything()])),
        openrouter: { envKey: null, dir: null, managementKey: null },
        codex: { envKey: null, dir: '/home/me/.codex' },
        claude: { envKey: null, dir: '/home/me/.claude' },
      },
      timeoutMs: 15_000,
      dataDir: '/home/me/.local/share/quotabar',
      optIn: { claude: false },
      env: {},
      homedir: '/home/me',
    });
  });

  it('turns on reading Claude Code’s sign-in only for QUOTABAR_CLAUDE_OAUTH=1', () => {
    expect(resolveConfig({ QUOTABAR_CLAUDE_OAUTH: '1' }, 'linux', '/home/me').optIn).toEqual({ claude: true });
    for (const v of ['0', 'true', '', 'yes']) expect(resolveConfig({ QUOTABAR_CLAUDE_OAUTH: v }, 'linux', '/home/me').optIn).toEqual({ claude: false });
  });

  it('takes base URLs from QUOTABAR_*_URL without trailing slashes or spaces, and ignores blank ones', () => {
    const c = resolveConfig(
      { QUOTABAR_OPENROUTER_URL: ' http://127.0.0.1:9/api/v1// ', QUOTABAR_CODEX_URL: '   ', QUOTABAR_CLAUDE_URL: 'http://127.0.0.1:8' },
      'darwin',
      '/Users/me',
    );
    expect(c.urls).toEqual({ ...DEFAULT_URLS, openrouter: 'http://127.0.0.1:9/api/v1', codex: DEFAULT_URLS.codex, claude: 'http://127.0.0.1:8' });
  });

  it('takes the OpenRouter key from OPENROUTER_API_KEY, trimmed, and treats a blank one as unset', () => {
    expect(resolveConfig({ OPENROUTER_API_KEY: `  ${KEY}\n` }, 'linux', '/h').credentials.openrouter?.envKey).toBe(KEY);
    expect(resolveConfig({ OPENROUTER_API_KEY: '  ' }, 'linux', '/h').credentials.openrouter?.envKey).toBeNull();
  });

  it('takes a positive QUOTABAR_TIMEOUT_MS and ignores zero, negative or garbled values', () => {
    expect(resolveConfig({ QUOTABAR_TIMEOUT_MS: '2500' }, 'linux', '/h').timeoutMs).toBe(2500);
    for (const v of ['0', '-5', 'soon']) expect(resolveConfig({ QUOTABAR_TIMEOUT_MS: v }, 'linux', '/h').timeoutMs, v).toBe(15_000);
  });
});

describe('credential labels for the Settings window', () => {
  const config = (over: Partial<AppConfig> = {}): AppConfig => ({ ...resolveConfig({}, 'linux', '/home/me'), ...over });
  const withEnvKey = (key: string): AppConfig => {
    const c = config();
    return { ...c, credentials: { ...c.credentials, openrouter: { envKey: key, dir: null } } };
  };
  const deps = (secrets: MemorySecretStore, files = new MemoryFiles()) => ({ secrets, files, clock: new FakeClock() });

  it('shows a masked env key, not the keychain, when OPENROUTER_API_KEY is set', async () => {
    const s = await credentialStatuses(withEnvKey(KEY), deps(new MemorySecretStore({ initial: { openrouter: 'sk-or-v1-other' } })));
    expect(s[0]).toEqual({ providerId: 'openrouter', configured: true, origin: 'env', label: 'sk-or-v1-…abc', error: null });
    expect(JSON.stringify(s)).not.toContain(KEY);
  });

  it('shows a masked keychain key, or nothing set, or the keychain’s error', async () => {
    const stored = await credentialStatuses(config(), deps(new MemorySecretStore({ initial: { openrouter: KEY } })));
    expect(stored[0]).toEqual({ providerId: 'openrouter', configured: true, origin: 'keychain', label: 'sk-or-v1-…abc', error: null });
    const none = await credentialStatuses(config(), deps(new MemorySecretStore()));
    expect(none[0]).toEqual({ providerId: 'openrouter', configured: false, origin: null, label: null, error: null });
    const locked = await credentialStatuses(config(), deps(new MemorySecretStore({ unavailable: 'locked' })));
    expect(locked[0]).toMatchObject({ providerId: 'openrouter', configured: false, error: { kind: 'keychain_unavailable' } });
  });

  it('names Codex’s auth.json when it exists, says nothing when it does not, and says why when it cannot be read', async () => {
    const files = new MemoryFiles().write('/home/me/.codex/auth.json', '{"tokens":{}}');
    const found = await credentialStatuses(config(), deps(new MemorySecretStore(), files));
    expect(found[1]).toEqual({ providerId: 'codex', configured: true, origin: 'file', label: '/home/me/.codex/auth.json', error: null });
    const missing = await credentialStatuses(config(), deps(new MemorySecretStore()));
    expect(missing[1]).toEqual({ providerId: 'codex', configured: false, origin: null, label: null, error: null });
    const denied = await credentialStatuses(config(), deps(new MemorySecretStore(), new MemoryFiles().deny('/home/me/.codex/auth.json')));
    expect(denied[1]).toEqual({
      providerId: 'codex',
      configured: false,
      origin: 'file',
      label: '/home/me/.codex/auth.json',
      error: { kind: 'credentials_invalid', detail: 'auth.json is unreadable (EACCES)' },
    });
  });

  it('lists OpenRouter, Codex and Claude in that order, then the providers added later', async () => {
    const s = await credentialStatuses(config(), deps(new MemorySecretStore()));
    expect(s.map((x) => x.providerId)).toEqual(['openrouter', 'codex', 'claude', ...PROVIDERS.slice(3).map((p) => p.id)]);
  });
});
