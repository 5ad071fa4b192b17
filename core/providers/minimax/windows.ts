// MiniMax's Coding Plan body (PROVIDERS.md §5): per model, a 5-hour and a weekly window whose
// percentages are what REMAINS (0–100); times are epoch ms. Lossy: a bad field drops that field.
import { asArray, asNumber, asObject, asText } from '../../json';
import { makeWindow, type UsageWindow } from '../../model';
import { parseUnixTime, plausibleReset } from '../../time';

/** One `model_remains[]` entry, null where absent or garbled. */
export interface MiniMaxRemains {
  model: string | null;
  /** Remaining % of the 5-hour window, raw. */
  intervalRemaining: number | null;
  intervalEnd: number | null;
  weeklyRemaining: number | null;
  weeklyEnd: number | null;
  /** 3 = the plan has no weekly cap. */
  weeklyStatus: number | null;
}

/** The body's business status (`base_resp`) and its entries. */
export interface MiniMaxAnswer {
  /** `base_resp.status_code`: 0 is success; null when absent. */
  statusCode: number | null;
  remains: MiniMaxRemains[];
}

/** Reads a body; null when it is not an object. Never throws. */
export function parseRemains(body: unknown): MiniMaxAnswer | null {
  const o = asObject(body);
  if (!o) return null;
  const remains = asArray(o['model_remains'])
    .map(asObject)
    .filter((e): e is Record<string, unknown> => e !== null)
    .map((e) => ({
      model: asText(e['model_name']),
      intervalRemaining: asNumber(e['current_interval_remaining_percent']),
      intervalEnd: parseUnixTime(e['end_time']),
      weeklyRemaining: asNumber(e['current_weekly_remaining_percent']),
      weeklyEnd: parseUnixTime(e['weekly_end_time']),
      weeklyStatus: asNumber(e['current_weekly_status']),
    }));
  return { statusCode: asNumber(asObject(o['base_resp'])?.['status_code']), remains };
}

/** Used % from a remaining %, raw (no clamping): a missing figure stays unknown, never 0 %. */
const used = (remaining: number | null) => (remaining === null ? null : 100 - remaining);

/** The plan-wide entry (`general`) keeps the plain ids; another model's windows carry its name. */
function naming(model: string | null): { suffix: string; label: string } {
  return model === null || model === 'general' ? { suffix: '', label: '' } : { suffix: `:${model}`, label: ` · ${model}` };
}

/**
 * A 5-hour window per entry and a weekly one unless the plan has no weekly cap (status 3) or the
 * entry says nothing about the week. Resets only when plausible.
 */
export function toMiniMaxWindows(remains: MiniMaxRemains[], now: number): UsageWindow[] {
  const out: UsageWindow[] = [];
  const seen = new Set<string>();
  for (const r of remains) {
    const { suffix, label } = naming(r.model);
    if (seen.has(suffix)) continue;
    seen.add(suffix);
    out.push(makeWindow({ id: `session${suffix}`, kind: 'session', label: `5-hour${label}`, usedPercent: used(r.intervalRemaining), resetsAt: plausibleReset(r.intervalEnd, now), windowMinutes: 300 }));
    const saysWeek = r.weeklyRemaining !== null || r.weeklyEnd !== null || r.weeklyStatus !== null;
    if (r.weeklyStatus === 3 || !saysWeek) continue;
    out.push(makeWindow({ id: `weekly${suffix}`, kind: 'weekly', label: `Weekly${label}`, usedPercent: used(r.weeklyRemaining), resetsAt: plausibleReset(r.weeklyEnd, now), windowMinutes: 10080 }));
  }
  return out;
}
