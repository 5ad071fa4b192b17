// Demo payload in the shape of PROVIDERS.md section 3, with reset times relative to `now`;
// for the demo server (demo/server.ts). Values are picked to show a bar past the alert line.
import { DAY, HOUR, MINUTE as MIN } from '../../time';

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

/** What the usage endpoint answers to a token it does not accept. */
export const CLAUDE_UNAUTHORIZED = { error: { type: 'authentication_error', message: 'Invalid bearer token' } };
