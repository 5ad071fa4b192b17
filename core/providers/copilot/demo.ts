// Demo payload in the shape of PROVIDERS-2 §10b, with the reset relative to `now`; for the demo
// server (demo/server.ts). A Pro plan part-way through its premium requests, chat and completions unlimited.
import { DAY } from '../../time';

/** Copilot GET /copilot_internal/user: 300 premium requests, 88 used. */
export function copilotUserBody(now: number): unknown {
  // Mid-period on any day of the month, so the card looks the same every day (a pace line included).
  const reset = new Date(now + 18 * DAY).toISOString().slice(0, 10);
  const unlimited = { entitlement: 0, remaining: 0, percent_remaining: 100, unlimited: true, overage_count: 0, overage_permitted: false };
  return {
    login: 'octo-demo',
    access_type_sku: 'plus_monthly_subscriber_quota',
    copilot_plan: 'individual_pro',
    chat_enabled: true,
    assigned_date: '2026-01-05T10:00:00+00:00',
    quota_reset_date: reset,
    token_based_billing: false,
    quota_snapshots: {
      chat: { ...unlimited, quota_id: 'chat' },
      completions: { ...unlimited, quota_id: 'completions' },
      premium_interactions: {
        entitlement: 300,
        remaining: 212,
        quota_remaining: 212,
        percent_remaining: 70.7,
        unlimited: false,
        overage_count: 0,
        overage_permitted: true,
        quota_id: 'premium_interactions',
      },
    },
  };
}

/** What the endpoint answers to a token it does not accept. */
export const COPILOT_UNAUTHORIZED = { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' };
