// Moonshot / Kimi open platform: the prepaid balance of GET /v1/users/me/balance (PROVIDERS.md §5).
// Keys belong to one region: api.moonshot.ai (international, USD) or api.moonshot.cn (China, CNY).
// The region is the base URL's: international by default, QUOTABAR_MOONSHOT_URL for China (decision 0018).
import type { ProviderDescriptor } from '../descriptor';
import { keyFormatProblem } from './key';

const KEY_SET = '`quotabar key set moonshot`';
const CHINA = 'A key from platform.moonshot.cn needs QUOTABAR_MOONSHOT_URL=https://api.moonshot.cn/v1.';

export const moonshot = {
  id: 'moonshot',
  displayName: 'Moonshot',
  defaultBaseUrl: 'https://api.moonshot.ai/v1',
  baseUrlEnv: 'QUOTABAR_MOONSHOT_URL',
  credentials: { envKey: 'MOONSHOT_API_KEY', keychainAccount: 'moonshot' },
  words: {
    setup: 'Add a Moonshot (Kimi) key in Settings or set MOONSHOT_API_KEY.',
    setupCli: `Run ${KEY_SET} or set MOONSHOT_API_KEY. ${CHINA}`,
    signInAgain: `Check the key in Settings, or replace it. ${CHINA}`,
    signInAgainCli: `Check the key at platform.moonshot.ai, then store a working one with ${KEY_SET}. ${CHINA}`,
    rejected: 'The key was rejected (invalid, disabled, or made for the other region).',
    missing: 'Add a key below.',
    key: { placeholderHint: 'sk-…', keysUrl: 'https://platform.moonshot.ai/console/api-keys', keysLinkText: 'platform.moonshot.ai/console/api-keys' },
  },
  keyFormatProblem,
  sources: ['moonshot:/users/me/balance'],
  cli: { name: 'moonshot', aliases: [] },
  demo: { basePath: '/v1', paths: ['/v1/users/me/balance'] },
} as const satisfies ProviderDescriptor;
