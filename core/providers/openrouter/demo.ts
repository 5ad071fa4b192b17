// Demo payloads in the shapes of PROVIDERS.md section 1, for the demo server (demo/server.ts).

/** OpenRouter GET /key for a key with a weekly $20 cap (one request per poll); `remaining` dollars left. */
export function openRouterKeyBody(label: string, remaining = 12.37): unknown {
  return {
    data: {
      label,
      limit: 20,
      limit_remaining: remaining,
      limit_reset: 'weekly',
      include_byok_in_limit: false,
      usage: 41.02,
      usage_daily: 0.88,
      usage_weekly: Math.round((20 - remaining) * 100) / 100,
      usage_monthly: 19.4,
      byok_usage: 0,
      byok_usage_daily: 0,
      byok_usage_weekly: 0,
      byok_usage_monthly: 0,
      is_free_tier: false,
      is_management_key: false,
      is_provisioning_key: false,
      creator_user_id: 'user_demo',
      expires_at: null,
      rate_limit: { requests: 100, interval: '10s' },
    },
  };
}

/** OpenRouter's answer to /credits for an ordinary (non-management) key. */
export const OPENROUTER_CREDITS_FORBIDDEN = { error: { code: 403, message: 'Management key required' } };

export const OPENROUTER_UNAUTHORIZED = { error: { code: 401, message: 'No auth credentials found' } };
