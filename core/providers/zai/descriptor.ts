// Z.ai (GLM Coding Plan): the plan's usage limits from one GET with the user's API key (PROVIDERS.md §5).
import type { ProviderDescriptor } from '../descriptor';
import { keyFormatProblem } from './key';

const KEY_SET = '`quotabar key set zai`';

export const zai = {
  id: 'zai',
  displayName: 'Z.ai',
  resettingWindows: true,
  // The origin only: the quota path (/api/monitor/…) is added by the provider, so an override such as
  // http://127.0.0.1:8080 or https://open.bigmodel.cn (mainland China) works as given.
  defaultBaseUrl: 'https://api.z.ai',
  baseUrlEnv: 'QUOTABAR_ZAI_URL',
  credentials: { envKey: 'ZAI_API_KEY', keychainAccount: 'zai' },
  words: {
    setup: 'Add a Z.ai API key in Settings or set ZAI_API_KEY.',
    setupCli: `Run ${KEY_SET} or set ZAI_API_KEY.`,
    signInAgain: 'Check the Z.ai key in Settings, or replace it.',
    signInAgainCli: `Check the key at z.ai/manage-apikey/apikey-list, then store a working one with ${KEY_SET}.`,
    rejected: 'Z.ai refused the key (invalid or expired).',
    missing: 'Add a key below.',
    key: { placeholderHint: 'id.secret', keysUrl: 'https://z.ai/manage-apikey/apikey-list', keysLinkText: 'z.ai/manage-apikey' },
  },
  keyFormatProblem,
  sources: ['zai:/quota/limit'],
  cli: { name: 'zai', aliases: ['glm'] },
  demo: { basePath: '/zai', paths: ['/zai/api/monitor/usage/quota/limit'] },
} as const satisfies ProviderDescriptor;
