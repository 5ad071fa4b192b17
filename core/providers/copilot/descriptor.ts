// GitHub Copilot: premium requests from /copilot_internal/user, with a GitHub sign-in Quotabar only reads.
import type { ProviderDescriptor } from '../descriptor';

export const copilot = {
  id: 'copilot',
  displayName: 'Copilot',
  resettingWindows: true,
  defaultBaseUrl: 'https://api.github.com',
  baseUrlEnv: 'QUOTABAR_COPILOT_URL',
  credentials: {
    envKey: 'GH_TOKEN',
    dir: { env: 'GH_CONFIG_DIR', defaultName: '.config/gh', description: 'where gh keeps hosts.yml' },
  },
  words: {
    setup: 'Sign in to Copilot in your editor, or sign in with `gh auth login`, or set GH_TOKEN.',
    setupCli: 'Set GH_TOKEN (e.g. GH_TOKEN=$(gh auth token)), or sign in to Copilot in your editor.',
    signInAgain: 'Sign in to GitHub again (Copilot in your editor, or `gh auth login`), then refresh.',
    signInAgainCli: 'Sign in to GitHub again (Copilot in your editor, or `gh auth login`), or set a working GH_TOKEN.',
    rejected: 'GitHub refused the sign-in, or it has expired.',
    missing: 'Sign in to Copilot in your editor, or run `gh auth login --insecure-storage` (gh keeps its token in hosts.yml), or set GH_TOKEN.',
    signInWith: 'GitHub',
  },
  sources: ['copilot:copilot_internal/user'],
  cli: { name: 'copilot', aliases: ['github-copilot'], accountDirOption: '--config-dir' },
  demo: { basePath: '', paths: ['/copilot_internal/user'] },
} as const satisfies ProviderDescriptor;
