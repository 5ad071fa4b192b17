// Gemini CLI: quota buckets per model from the Code Assist API, with Gemini CLI's own sign-in read only.
import type { ProviderDescriptor } from '../descriptor';

export const gemini = {
  id: 'gemini',
  displayName: 'Gemini',
  resettingWindows: true,
  defaultBaseUrl: 'https://cloudcode-pa.googleapis.com',
  baseUrlEnv: 'QUOTABAR_GEMINI_URL',
  credentials: {
    // Gemini CLI's own override: it reads `$GEMINI_CLI_HOME/.gemini/` instead of `~/.gemini/`.
    dir: { env: 'GEMINI_CLI_HOME', defaultName: '', description: 'the home folder whose .gemini/oauth_creds.json Gemini CLI signs in with' },
  },
  words: {
    setup: 'Sign in with Gemini CLI (run `gemini`, choose Sign in with Google).',
    signInAgain: 'Run `gemini` in a terminal so it renews its sign-in, then refresh.',
    signInAgainCli: 'Run `gemini` in a terminal so it renews its sign-in, then run this again.',
    rejected: 'Google refused the Gemini CLI sign-in, or it has expired.',
    missing: 'Run `gemini` in a terminal and sign in with Google; Quotabar picks it up on the next refresh.',
    signInWith: 'Gemini CLI',
    ineligible:
      'Google does not serve Gemini CLI quota to this sign-in: the account is not eligible, or it is an individual, Google AI Pro or Ultra sign-in, which Gemini CLI stopped accepting on 2026-06-18.',
    ineligibleAction: 'Sign in to Gemini CLI with a Gemini Code Assist Standard or Enterprise account to see its quota here.',
  },
  sources: ['gemini:retrieveUserQuota'],
  cli: { name: 'gemini', aliases: ['gemini-cli'], accountDirOption: '--home' },
  // Under its own prefix on the demo server, so another Code Assist client's /v1internal paths cannot collide.
  demo: { basePath: '/gemini', paths: ['/gemini/v1internal:loadCodeAssist', '/gemini/v1internal:retrieveUserQuota'] },
} as const satisfies ProviderDescriptor;
