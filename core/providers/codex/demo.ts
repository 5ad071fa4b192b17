// Demo payload in the shape of PROVIDERS.md section 2, with reset times relative to `now` so the
// popover shows live countdowns; for the demo server (demo/server.ts).
import { DAY, HOUR, MINUTE as MIN } from '../../time';

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
