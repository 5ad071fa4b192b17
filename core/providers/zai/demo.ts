// Demo payloads in the shape of PROVIDERS.md §5 (z.ai quota/limit), for the demo server (demo/server.ts).
import { HOUR, MINUTE } from '../../time';

/** A Pro plan 27 % into its 5-hour token window and 64 % into its weekly one; the tool-call window is idle (no reset). */
export function zaiQuotaBody(now: number): unknown {
  return {
    code: 200,
    msg: 'Operation successful',
    success: true,
    data: {
      level: 'pro',
      limits: [
        { type: 'TOKENS_LIMIT', unit: 3, number: 5, usage: 800_000_000, currentValue: 216_000_000, remaining: 584_000_000, percentage: 27, nextResetTime: now + 3 * HOUR + 12 * MINUTE },
        { type: 'TOKENS_LIMIT', unit: 6, number: 1, usage: 4_000_000_000, currentValue: 2_560_000_000, remaining: 1_440_000_000, percentage: 64, nextResetTime: now + 4 * 24 * HOUR + 5 * HOUR },
        { type: 'TIME_LIMIT', unit: 5, number: 1, usage: 1000, currentValue: 0, remaining: 1000, percentage: 0 },
      ],
    },
  };
}

/** What z.ai answers (with HTTP 200) for a key it does not accept. */
export const ZAI_UNAUTHORIZED = { code: 401, msg: 'token expired or incorrect', success: false };
