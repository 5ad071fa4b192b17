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

/**
 * A Codex CLI session log for the demo's cost line: one session per day for 30 days, each a
 * turn_context naming the model and token_count events with cumulative totals (shared/COST.md).
 * Paths under CODEX_HOME, and each file's text.
 */
export function codexDemoLogs(now: number): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  // Today's session starts after local midnight, so the demo's figures don't depend on the hour.
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  const back = Math.min(3 * HOUR, (now - midnight) * 0.9);
  for (let day = 29; day >= 0; day--) {
    const start = now - day * DAY - back;
    const date = new Date(start).toISOString().slice(0, 10);
    const lines = [JSON.stringify({ timestamp: new Date(start).toISOString(), type: 'turn_context', payload: { cwd: '/home/demo/quotabar', model: 'gpt-5-codex' } })];
    const turns = day === 0 ? 10 : 6 + (day % 7);
    for (let i = 1; i <= turns; i++) {
      const total = { input_tokens: 9000 * i, cached_input_tokens: 6000 * i, output_tokens: 700 * i, reasoning_output_tokens: 0, total_tokens: 9700 * i };
      lines.push(
        JSON.stringify({
          timestamp: new Date(start + (i * back) / (turns + 1)).toISOString(),
          type: 'event_msg',
          payload: { type: 'token_count', info: { total_token_usage: total, last_token_usage: null }, rate_limits: null },
        }),
      );
    }
    out.push({ file: `sessions/${date.replaceAll('-', '/')}/rollout-${date}T00-00-00-demo${day}.jsonl`, text: `${lines.join('\n')}\n` });
  }
  return out;
}
