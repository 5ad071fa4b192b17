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

/**
 * Claude Code session logs for the demo's cost line and Cost window (shared/COST.md shapes): 30 days
 * of Sonnet responses, more on weekdays, each written twice as Claude Code does (a streaming copy with
 * partial output, then the final one) so the demo goes through the dedupe rule too. Path under the
 * config dir, and the file's text.
 */
export function claudeDemoLog(now: number): { file: string; text: string } {
  const lines: string[] = [];
  // Today's responses all fall after local midnight, so the demo's figures don't depend on the hour.
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  for (let day = 29; day >= 0; day--) {
    const count = day === 0 ? 24 : 20 + ((day * 37) % 50);
    const step = Math.min(4 * MIN, (now - midnight) / (count + 1));
    for (let i = 0; i < count; i++) {
      const at = new Date(now - day * DAY - (count - i) * step).toISOString();
      const id = `msg_demo_${day}_${i}`;
      const line = (output: number) =>
        JSON.stringify({
          type: 'assistant',
          isSidechain: false,
          sessionId: `demo-${day}`,
          cwd: '/home/demo/quotabar',
          requestId: `req_demo_${day}_${i}`,
          timestamp: at,
          message: {
            id,
            model: 'claude-sonnet-4-5-20250929',
            role: 'assistant',
            usage: { input_tokens: 1800, output_tokens: output, cache_creation_input_tokens: 4000, cache_read_input_tokens: 52_000 },
          },
        });
      lines.push(line(12), line(900));
    }
  }
  return { file: 'projects/-home-demo-quotabar/demo-session.jsonl', text: `${lines.join('\n')}\n` };
}
