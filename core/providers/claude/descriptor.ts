// Claude (Pro/Max plan): Claude Code's own status line first (no sign-in read); the OAuth usage
// endpoint with Claude Code's sign-in only when the user opts in (Anthropic's terms, PROVIDERS-2 §7e).
import type { ProviderDescriptor } from '../descriptor';

export const claude = {
  id: 'claude',
  displayName: 'Claude',
  resettingWindows: true,
  defaultBaseUrl: 'https://api.anthropic.com',
  baseUrlEnv: 'QUOTABAR_CLAUDE_URL',
  credentials: {
    dir: { env: 'CLAUDE_CONFIG_DIR', defaultName: '.claude', description: 'where Claude Code keeps settings.json and .credentials.json' },
    vendorKeychainService: 'Claude Code-credentials',
    optIn: {
      env: 'QUOTABAR_CLAUDE_OAUTH',
      label: 'Read Claude Code’s sign-in to ask Claude’s usage endpoint',
      note:
        'Anthropic’s terms say Claude.ai subscription sign-ins are for Claude Code and Anthropic’s own apps, so this is off unless you turn it on. ' +
        'Per-model weekly meters and extra usage come only from this endpoint.',
    },
  },
  words: {
    setup: 'Run `quotabar statusline install`, then use Claude Code: its status line reports the 5-hour and weekly figures.',
    signInAgain: 'Sign in again with Claude Code (run `claude`, then /login), then refresh.',
    rejected: 'The sign-in was rejected or has expired.',
    missing: 'Claude Code’s status line has not reported yet: run `quotabar statusline install` (or use the button below), then send Claude Code a message.',
    signInWith: 'Claude Code',
  },
  sources: ['claude:statusline', 'claude:oauth/usage', 'claude:headers'],
  cli: { name: 'claude', aliases: [], accountDirOption: '--config-dir' },
  demo: { basePath: '', paths: ['/api/oauth/usage'] },
} as const satisfies ProviderDescriptor;
