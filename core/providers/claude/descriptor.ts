// Claude (Pro/Max plan): the OAuth usage endpoint with Claude Code's own sign-in.
import type { ProviderDescriptor } from '../descriptor';

export const claude = {
  id: 'claude',
  displayName: 'Claude',
  resettingWindows: true,
  defaultBaseUrl: 'https://api.anthropic.com',
  baseUrlEnv: 'QUOTABAR_CLAUDE_URL',
  credentials: {
    dir: { env: 'CLAUDE_CONFIG_DIR', defaultName: '.claude', description: 'where Claude Code keeps .credentials.json' },
    vendorKeychainService: 'Claude Code-credentials',
  },
  words: {
    setup: 'Sign in with Claude Code.',
    signInAgain: 'Sign in again with Claude Code (run `claude`, then /login), then refresh.',
    rejected: 'The sign-in was rejected or has expired.',
    missing: 'Run `claude` in a terminal and sign in; Quotabar picks it up on the next refresh.',
    signInWith: 'Claude Code',
  },
  sources: ['claude:oauth/usage', 'claude:headers'],
  cli: { name: 'claude', aliases: [], accountDirOption: '--config-dir' },
  demo: { basePath: '', paths: ['/api/oauth/usage'] },
} as const satisfies ProviderDescriptor;
