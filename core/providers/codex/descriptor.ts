// Codex (ChatGPT plan): the usage endpoint with the Codex CLI's own sign-in, then its session logs.
import type { ProviderDescriptor } from '../descriptor';

export const codex = {
  id: 'codex',
  displayName: 'Codex',
  resettingWindows: true,
  defaultBaseUrl: 'https://chatgpt.com/backend-api',
  baseUrlEnv: 'QUOTABAR_CODEX_URL',
  credentials: { dir: { env: 'CODEX_HOME', defaultName: '.codex', description: 'where Codex keeps auth.json and session logs' } },
  words: {
    setup: 'Sign in with `codex login`.',
    signInAgain: 'Run `codex login` in a terminal, then refresh.',
    rejected: 'The sign-in was rejected or has expired.',
    missing: 'Run `codex login` in a terminal; Quotabar picks it up on the next refresh.',
    signInWith: 'Codex',
  },
  sources: ['codex:wham/usage', 'codex:headers', 'codex-logs'],
  cli: { name: 'codex', aliases: [], accountDirOption: '--home' },
  demo: { basePath: '/backend-api', paths: ['/backend-api/wham/usage'] },
} as const satisfies ProviderDescriptor;
