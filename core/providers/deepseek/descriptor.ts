// DeepSeek: a prepaid API balance, one figure per currency (GET /user/balance, PROVIDERS.md §5).
import type { ProviderDescriptor } from '../descriptor';
import { keyFormatProblem } from './key';

const KEY_SET = '`quotabar key set deepseek`';

export const deepseek = {
  id: 'deepseek',
  displayName: 'DeepSeek',
  defaultBaseUrl: 'https://api.deepseek.com',
  baseUrlEnv: 'QUOTABAR_DEEPSEEK_URL',
  credentials: { envKey: 'DEEPSEEK_API_KEY', keychainAccount: 'deepseek' },
  words: {
    setup: 'Add a DeepSeek key in Settings or set DEEPSEEK_API_KEY.',
    setupCli: `Run ${KEY_SET} or set DEEPSEEK_API_KEY.`,
    signInAgain: 'Check the key in Settings, or replace it.',
    signInAgainCli: `Check the key at platform.deepseek.com/api_keys, then store a working one with ${KEY_SET}.`,
    rejected: 'The key was rejected (invalid or deleted).',
    missing: 'Add a key below.',
    key: { placeholderHint: 'sk-…', keysUrl: 'https://platform.deepseek.com/api_keys', keysLinkText: 'platform.deepseek.com/api_keys' },
  },
  keyFormatProblem,
  sources: ['deepseek:/user/balance'],
  cli: { name: 'deepseek', aliases: [] },
  demo: { basePath: '', paths: ['/user/balance'] },
} as const satisfies ProviderDescriptor;
