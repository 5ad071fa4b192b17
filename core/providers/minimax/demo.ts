// Demo payloads in the shape of PROVIDERS.md §5 (MiniMax coding_plan/remains), for the demo server.
import { DAY, HOUR, MINUTE } from '../../time';

/** A Coding Plan with 58 % of its 5-hour window and 81 % of its week left (MiniMax reports what remains). */
export function miniMaxRemainsBody(now: number): unknown {
  return {
    model_remains: [
      {
        model_name: 'general',
        start_time: now - HOUR - 38 * MINUTE,
        end_time: now + 3 * HOUR + 22 * MINUTE,
        remains_time: 3 * HOUR + 22 * MINUTE,
        current_interval_remaining_percent: 58,
        current_weekly_status: 1,
        weekly_end_time: now + 5 * DAY + 2 * HOUR,
        current_weekly_remaining_percent: 81,
      },
    ],
    base_resp: { status_code: 0, status_msg: 'success' },
  };
}

/** What MiniMax answers (with HTTP 200) for an expired or unknown key. */
export const MINIMAX_KEY_EXPIRED = { model_remains: null, base_resp: { status_code: 1004, status_msg: 'login fail: Please carry the API secret key in the Authorization field of the request header' } };
