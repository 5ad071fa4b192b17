// Demo provider payloads in the shapes of PROVIDERS.md sections 1–3, with reset times relative to
// `now` so the popover always shows live countdowns. Values are picked to show every bar colour.
import { DAY, HOUR, MINUTE as MIN } from '../core/time';

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

/** Codex GET /wham/usage: a Plus plan, 5-hour window at 37 %, weekly at 62 %. */
export function codexUsageBody(now: number): unknown {
  const session = now + HOUR + 42 * MIN;
  const weekly = now + 3 * DAY + 5 * HOUR;
  return {
    plan_type: 'plus',
    rate_limit: {
      allowed: true,
      limit_reached: false,
      primary_window: {
        used_percent: 37,
        limit_window_seconds: 18_000,
        reset_after_seconds: Math.round((session - now) / 1000),
        reset_at: Math.round(session / 1000),
      },
      secondary_window: {
        used_percent: 62,
        limit_window_seconds: 604_800,
        reset_after_seconds: Math.round((weekly - now) / 1000),
        reset_at: Math.round(weekly / 1000),
      },
    },
    credits: { has_credits: false, unlimited: false, balance: '0' },
    additional_rate_limits: [],
  };
}

/** Claude GET /api/oauth/usage: a Max plan close to its 5-hour limit (past the 80 % alert line). */
export function claudeUsageBody(now: number): unknown {
  const iso = (t: number) => new Date(t).toISOString().replace('Z', '+00:00');
  const session = now + 47 * MIN;
  const weekly = now + 4 * DAY + 2 * HOUR;
  return {
    five_hour: { utilization: 83.0, resets_at: iso(session) },
    seven_day: { utilization: 41.0, resets_at: iso(weekly) },
    seven_day_oauth_apps: null,
    seven_day_opus: null,
    seven_day_sonnet: { utilization: 12.0, resets_at: iso(weekly) },
    extra_usage: { is_enabled: true, monthly_limit: 5000, used_credits: 1250, utilization: 25.0, currency: 'USD' },
  };
}

export const UNAUTHORIZED = { error: { type: 'authentication_error', message: 'Invalid bearer token' } };
