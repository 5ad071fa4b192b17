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

/** One row of the demo team view (PROVIDERS-2.md 13). */
function teamKey(hash: string, name: string, tail: string, over: Record<string, unknown>): Record<string, unknown> {
  return {
    hash,
    name,
    label: `sk-or-v1-${hash.slice(0, 3)}…${tail}`,
    disabled: false,
    limit: null,
    limit_remaining: null,
    limit_reset: null,
    include_byok_in_limit: false,
    usage: 0,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    created_at: '2026-03-02T09:00:00Z',
    updated_at: null,
    creator_user_id: 'user_demo',
    workspace_id: 'ws_demo',
    ...over,
  };
}

/** OpenRouter GET /keys for the demo management key: four keys of a small team, one disabled. */
export function openRouterKeysBody(): unknown {
  return {
    data: [
      teamKey('a1f3c9', 'Backend CI', 'e41', { limit: 50, limit_remaining: 12.5, limit_reset: 'monthly', usage: 212.4, usage_monthly: 37.5 }),
      teamKey('b7d210', 'Ana (laptop)', '9f0', { limit: 10, limit_remaining: 7.2, limit_reset: 'daily', usage: 64.1, usage_daily: 2.8 }),
      teamKey('c40e88', 'Eval runs', '3b7', { usage: 18.06, usage_monthly: 4.2 }),
      teamKey('d9b5a2', 'Old prototype', '5c1', { disabled: true, limit: 5, limit_remaining: 5, usage: 3.3 }),
    ],
  };
}
