// MiniMax (Coding Plan): the 5-hour and weekly windows from one GET with the user's API key (PROVIDERS.md §5).
import type { ProviderDescriptor } from '../descriptor';
import { keyFormatProblem } from './key';

const KEY_SET = '`quotabar key set minimax`';

export const minimax = {
  id: 'minimax',
  displayName: 'MiniMax',
  resettingWindows: true,
  // The origin only: the provider adds /v1/api/openplatform/…, so an override such as
  // http://127.0.0.1:8080 or https://api.minimaxi.com (mainland China) works as given.
  defaultBaseUrl: 'https://api.minimax.io',
  baseUrlEnv: 'QUOTABAR_MINIMAX_URL',
  credentials: { envKey: 'MINIMAX_API_KEY', keychainAccount: 'minimax' },
  words: {
    setup: 'Add a MiniMax API key in Settings or set MINIMAX_API_KEY.',
    setupCli: `Run ${KEY_SET} or set MINIMAX_API_KEY.`,
    signInAgain: 'Check the MiniMax key in Settings, or replace it.',
    signInAgainCli: `Check the key at platform.minimax.io, then store a working one with ${KEY_SET}.`,
    rejected: 'MiniMax refused the key (invalid or expired).',
    missing: 'Add a key below.',
    key: {
      placeholderHint: 'sk-cp-…',
      keysUrl: 'https://platform.minimax.io/user-center/basic-information/interface-key',
      keysLinkText: 'platform.minimax.io',
    },
  },
  keyFormatProblem,
  sources: ['minimax:/coding_plan/remains'],
  cli: { name: 'minimax', aliases: [] },
  demo: { basePath: '/minimax', paths: ['/minimax/v1/api/openplatform/coding_plan/remains'] },
} as const satisfies ProviderDescriptor;
