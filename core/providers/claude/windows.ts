// The Claude windows shared by the usage endpoint and the unified rate-limit headers, so both
// sources produce the same ids, labels and durations.
import { makeWindow, type UsageWindow } from '../../model';
import { planLabel } from '../../present';

/** Length of Claude's rolling session window. */
export const SESSION_MINUTES = 300;
/** Length of Claude's weekly windows. */
export const WEEK_MINUTES = 7 * 24 * 60;

const MODEL_LABELS: Record<string, string> = {
  opus: 'Opus',
  sonnet: 'Sonnet',
  haiku: 'Haiku',
  oauth_apps: 'OAuth apps',
};

/** A readable name for a model-scoped window key such as 'opus' or 'oauth_apps'. */
export function modelLabel(model: string): string {
  // Unknown ids read as plan ids do: 'claude_code' → 'Claude code'.
  return MODEL_LABELS[model] ?? planLabel(model);
}

/** A model key reduced to a stable id fragment ('Opus' → 'opus'); null when nothing usable is left. */
export function modelKey(raw: string): string | null {
  const key = raw.toLowerCase().replace(/[^a-z0-9_-]/g, '');
  return key === '' ? null : key;
}

/** The rolling 5-hour window. */
export function claudeSessionWindow(usedPercent: number | null, resetsAt: number | null): UsageWindow {
  return makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent, resetsAt, windowMinutes: SESSION_MINUTES });
}

/** The 7-day window, or a model-scoped 7-day window ('weekly:<model>') when `model` is given. */
export function claudeWeeklyWindow(usedPercent: number | null, resetsAt: number | null, model: string | null = null): UsageWindow {
  return makeWindow({
    id: model ? `weekly:${model}` : 'weekly',
    kind: 'weekly',
    label: model ? `Weekly (${modelLabel(model)})` : 'Weekly',
    usedPercent,
    resetsAt,
    windowMinutes: WEEK_MINUTES,
  });
}

/** Rounds away float noise from ×100 and ÷100 conversions (0.29 × 100 = 28.999999999999996). */
export function tidyNumber(p: number): number {
  const r = Math.round(p * 1e6) / 1e6;
  return Number.isFinite(r) ? r : p;
}
