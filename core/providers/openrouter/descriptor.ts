// OpenRouter: a prepaid-credit API. Quotabar reads the key's /key (and /credits for an uncapped key).
import type { ProviderDescriptor } from '../descriptor';
import { keyFormatProblem } from './key';

const KEY_SET = '`quotabar key set openrouter`';

export const openrouter = {
  id: 'openrouter',
  displayName: 'OpenRouter',
  defaultBaseUrl: 'https://openrouter.ai/api/v1',
  baseUrlEnv: 'QUOTABAR_OPENROUTER_URL',
  credentials: {
    envKey: 'OPENROUTER_API_KEY',
    keychainAccount: 'openrouter',
    // CodexBar keeps it apart too (OPENROUTER_MANAGEMENT_API_KEY); ours is set with `quotabar key set openrouter --management`.
    managementKey: { envKey: 'OPENROUTER_MANAGEMENT_KEY', keychainAccount: 'openrouter-management' },
  },
  words: {
    setup: 'Add an OpenRouter key in Settings or set OPENROUTER_API_KEY.',
    setupCli: `Run ${KEY_SET} or set OPENROUTER_API_KEY.`,
    signInAgain: 'Check the key in Settings, or replace it.',
    signInAgainCli: `Check the key at openrouter.ai/keys, then store a working one with ${KEY_SET}.`,
    rejected: 'The key was rejected (invalid or disabled).',
    missing: 'Add a key below.',
    key: { placeholderHint: 'sk-or-v1-…', keysUrl: 'https://openrouter.ai/keys', keysLinkText: 'openrouter.ai/keys' },
    managementKey: {
      purpose: 'It lists every key of the account (name, spend, limit) in a read-only Team keys section of the popover.',
      sentTo: 'It is sent only to OpenRouter’s /keys.',
    },
  },
  keyFormatProblem,
  sources: ['openrouter:/key', 'openrouter:/credits', 'openrouter:/keys'],
  cli: { name: 'openrouter', aliases: [] },
  demo: { basePath: '/api/v1', paths: ['/api/v1/key', '/api/v1/credits', '/api/v1/keys'] },
} as const satisfies ProviderDescriptor;
