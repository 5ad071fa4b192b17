// The `limits[]` array of /api/oauth/usage (PROVIDERS-2 §8a). Since 2026 the per-model weekly
// meters live only here (`seven_day_opus`/`seven_day_sonnet` come back null), and a model such as
// "Fable" is named only by its display name (`scope.model.id: null`).
import { asArray, asNumber, asObject, asString, at } from '../../json';
import type { UsageWindow } from '../../model';
import { parseIso, plausibleReset } from '../../time';
import { claudeSessionWindow, claudeWeeklyWindow, tidyNumber } from './windows';

/** Lower-case words joined by '_', e.g. 'Opus 4.1' → 'opus_4_1'; null when nothing is left. */
export function slugify(text: string): string | null {
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return slug === '' ? null : slug;
}

// The families the legacy `seven_day_<family>` keys used, so a meter keeps its id ('weekly:opus')
// when Anthropic moves it from the legacy key into limits[].
function modelFamily(text: string): string | null {
  const m = /\b(opus|sonnet|haiku)\b/i.exec(text.replace(/[-_]/g, ' '));
  return m?.[1] ? m[1].toLowerCase() : null;
}

interface LimitRow {
  kind: string | null;
  group: string | null;
  usedPercent: number;
  resetsAt: number | null;
  modelId: string | null;
  displayName: string | null;
  surface: string | null;
}

function readRow(item: unknown, now: number): LimitRow | null {
  const o = asObject(item);
  const used = asNumber(o?.percent);
  if (!o || used === null || used < 0) return null;
  // `is_active` marks the binding limit (the highest percent), not whether a limit applies: every
  // other enforceable row, the general weekly one included, says false. So it is not a filter.
  return {
    kind: asString(o.kind),
    group: asString(o.group),
    usedPercent: tidyNumber(used),
    resetsAt: plausibleReset(parseIso(o.resets_at), now),
    modelId: asString(at(o, 'scope', 'model', 'id'))?.trim() || null,
    displayName: asString(at(o, 'scope', 'model', 'display_name'))?.trim() || null,
    surface: asString(at(o, 'scope', 'surface'))?.trim() || null,
  };
}

const isScoped = (r: LimitRow): boolean => r.modelId !== null || r.displayName !== null || r.surface !== null;

/**
 * Windows from `limits[]` that `existing` (the legacy keys) does not already show: every scoped
 * weekly row as `weekly:<id>`, and the account-wide session/weekly rows when the legacy
 * `five_hour`/`seven_day` are null. The id is the model family when the model names one, else
 * the slugified model id, else the display name, else the surface.
 */
export function claudeLimitWindows(limits: unknown, existing: readonly UsageWindow[], now: number): UsageWindow[] {
  const out: UsageWindow[] = [];
  const taken = (id: string) => existing.some((w) => w.id === id) || out.some((w) => w.id === id);
  for (const item of asArray(limits)) {
    const r = readRow(item, now);
    if (!r) continue;
    if (!isScoped(r)) {
      if (r.kind === 'session' && !taken('session')) out.push(claudeSessionWindow(r.usedPercent, r.resetsAt));
      if (r.kind === 'weekly_all' && !taken('weekly')) out.push(claudeWeeklyWindow(r.usedPercent, r.resetsAt));
      continue;
    }
    if (r.kind !== 'weekly_scoped' && r.group !== 'weekly') continue;
    const name = r.modelId ?? r.displayName ?? r.surface ?? '';
    const family = modelFamily(`${r.modelId ?? ''} ${r.displayName ?? ''}`);
    const slug = slugify(name);
    // CodexBar drops an `all-models` row: it is the account-wide week again.
    if (!slug || slug === 'all_models') continue;
    if (family && existing.some((w) => w.id === `weekly:${family}`)) continue;
    // Two models of one family (Opus 4 and Opus 4.1) must not share an id: the second keeps its full slug.
    const id = family && !taken(`weekly:${family}`) ? family : slug;
    if (taken(`weekly:${id}`)) continue;
    const w = claudeWeeklyWindow(r.usedPercent, r.resetsAt, id);
    const label = r.displayName ?? r.modelId ?? r.surface;
    out.push(label ? { ...w, label: `Weekly (${label.slice(0, 40)})` } : w);
  }
  return out;
}
