// One Copilot quota snapshot as a window or a note (PROVIDERS-2 §10b–c). Sentinels are read
// honestly: -1 or `unlimited` is no cap, 0/0 is a seat without a personal allowance; neither is "0 % used".
import { asBool, asNumber, asObject, type JsonObject } from '../../json';
import { makeWindow, type Note, type UsageWindow } from '../../model';
import { MINUTE, parseIso, plausibleReset } from '../../time';

/** A snapshot read: a window to draw, or a note saying why there is none. */
export interface QuotaReading {
  window: UsageWindow | null;
  note: Note | null;
}

/**
 * Reads `{entitlement, remaining, percent_remaining, unlimited, credits_used}` into a monthly window
 * (`unit: 'requests'`), resetting at `quota_reset_date`. Null for a missing or non-object snapshot.
 */
export function readSnapshot(v: unknown, meter: { id: string; label: string }, resetDate: unknown, now: number): QuotaReading | null {
  const s = asObject(v);
  if (!s) return null;
  const entitlement = asNumber(s['entitlement']);
  const remaining = asNumber(s['remaining']) ?? asNumber(s['quota_remaining']);
  const percentRemaining = asNumber(s['percent_remaining']);
  if (asBool(s['unlimited']) === true || entitlement === -1 || remaining === -1) {
    return { window: null, note: { code: 'no_cap', label: meter.label } };
  }
  if (entitlement === 0 && (remaining === null || remaining <= 0)) {
    return { window: null, note: { code: 'no_personal_quota', label: meter.label, creditsUsed: asNumber(s['credits_used']) } };
  }
  const counted = entitlement !== null && entitlement > 0;
  const used = counted && remaining !== null ? entitlement - remaining : null;
  // The counts are exact; percent_remaining (0–100, remaining) stands in when they are missing.
  const usedPercent = used !== null ? tidy((used / entitlement!) * 100) : percentRemaining !== null ? tidy(100 - percentRemaining) : null;
  if (usedPercent === null && used === null) return null;
  return { window: monthlyWindow(meter, { used, limit: counted ? entitlement : null, remaining, usedPercent }, resetOf(resetDate, now)), note: null };
}

/** The legacy free tier: `limited_user_quotas` (remaining) against `monthly_quotas` (totals). */
export function legacyWindows(root: JsonObject, now: number): UsageWindow[] {
  const left = asObject(root['limited_user_quotas']);
  const totals = asObject(root['monthly_quotas']);
  if (!left) return [];
  const reset = resetOf(root['limited_user_reset_date'], now);
  const out: UsageWindow[] = [];
  for (const [id, label] of [['chat', 'Chat'], ['completions', 'Completions']] as const) {
    const remaining = asNumber(left[id]);
    const limit = asNumber(totals?.[id]);
    if (remaining === null) continue;
    const used = limit !== null && limit > 0 ? limit - remaining : null;
    out.push(monthlyWindow({ id, label }, { used, limit: limit !== null && limit > 0 ? limit : null, remaining, usedPercent: used !== null ? tidy((used / limit!) * 100) : null }, reset));
  }
  return out;
}

function monthlyWindow(
  meter: { id: string; label: string },
  v: { used: number | null; limit: number | null; remaining: number | null; usedPercent: number | null },
  resetsAt: number | null,
): UsageWindow {
  return makeWindow({ id: meter.id, kind: 'monthly', label: meter.label, unit: 'requests', ...v, resetsAt, windowMinutes: monthMinutes(resetsAt) });
}

function resetOf(v: unknown, now: number): number | null {
  return plausibleReset(parseIso(v), now);
}

/** The allowance is monthly: the period is the calendar month that ends at the reset. */
function monthMinutes(resetsAt: number | null): number | null {
  if (resetsAt === null) return null;
  const d = new Date(resetsAt);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  return Math.round((resetsAt - start) / MINUTE);
}

function tidy(n: number): number {
  return Math.round(n * 100) / 100;
}
