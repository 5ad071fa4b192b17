// Demo payloads in the shapes of PROVIDERS 4a, resets relative to `now`; for the demo server
// (demo/server.ts). A Code Assist Standard account part-way through its daily model quotas.
import { HOUR, MINUTE } from '../../time';

/** POST /v1internal:loadCodeAssist: a Standard tier with its Code Assist project. */
export function geminiLoadCodeAssistBody(): unknown {
  const standard = { id: 'standard-tier', name: 'Gemini Code Assist Standard', description: 'Gemini Code Assist for teams', userDefinedCloudaicompanionProject: true };
  return { currentTier: standard, allowedTiers: [{ ...standard, isDefault: true }], cloudaicompanionProject: 'quotabar-demo-project', gcpManaged: false };
}

/** POST /v1internal:retrieveUserQuota: three models' daily request buckets. */
export function geminiQuotaBody(now: number): unknown {
  // Mid-day whenever the demo runs, so the card looks the same (a pace line included).
  const resetTime = new Date(now + 9 * HOUR + 20 * MINUTE).toISOString();
  return {
    buckets: [
      { remainingAmount: '744', remainingFraction: 0.62, resetTime, tokenType: 'REQUESTS', modelId: 'gemini-2.5-pro' },
      { remainingAmount: '1365', remainingFraction: 0.91, resetTime, tokenType: 'REQUESTS', modelId: 'gemini-2.5-flash' },
      { remainingAmount: '1940', remainingFraction: 0.97, resetTime, tokenType: 'REQUESTS', modelId: 'gemini-2.5-flash-lite' },
    ],
  };
}

/** What the API answers to a token it does not accept. */
export const GEMINI_UNAUTHORIZED = {
  error: { code: 401, message: 'Request had invalid authentication credentials. Expected OAuth 2 access token.', status: 'UNAUTHENTICATED' },
};
