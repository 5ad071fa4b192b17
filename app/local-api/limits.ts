// Quotabar's snapshots as `openusage.limits.v1` (app/local-api/schema.ts): pure, from the public
// snapshot fields only (snapshots never hold a secret). A value Quotabar does not know is left out,
// never sent as 0; a card with no data yet has no entry; a failed refresh adds an `errors` entry.
import { cardId } from '../../core/local-api';
import type { Note, ProviderSnapshot, UsageWindow } from '../../core/model';
import { accountName, describeError, planLabel, planOf } from '../../core/present';
import { MINUTE } from '../../core/time';
import { LIMITS_SCHEMA, type LimitsEnvelope, type LimitsError, type ProviderLimits, type Resource } from './schema';

/** The contract's freshness: `expiresAt` is `fetchedAt` plus this. */
export const FRESH_MS = 5 * MINUTE;

const iso = (t: number) => new Date(t).toISOString();
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const finite = (x: number | null): x is number => x !== null && Number.isFinite(x);

/** A window id as a resource key: `key-limit` → `keyLimit`, `weekly:opus` → `weeklyOpus`. */
export function resourceKey(windowId: string): string {
  const parts = windowId.split(/[^A-Za-z0-9]+/).filter((p) => p !== '');
  const key = parts.map((p, i) => (i === 0 ? p.toLowerCase() : p.charAt(0).toUpperCase() + p.slice(1))).join('');
  return /^[a-z]/.test(key) ? key : `w${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

const orNull = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** One window as a resource, or null when it has no value to give. */
export function resourceOf(w: UsageWindow): Resource | null {
  const timing = {
    ...(finite(w.windowMinutes) && w.windowMinutes > 0 ? { windowSeconds: Math.round(w.windowMinutes * 60) } : {}),
    ...(finite(w.resetsAt) ? { resetsAt: iso(w.resetsAt) } : {}),
  };
  if (w.unit === 'percent') {
    if (!finite(w.usedPercent)) return null;
    const used = w.usedPercent;
    return { kind: 'consumption', unit: 'percent', used, limit: 100, remaining: Math.max(0, 100 - used), utilization: clamp01(used / 100), ...timing };
  }
  const used = finite(w.used) ? w.used : null;
  const remaining = finite(w.remaining) ? w.remaining : null;
  if (finite(w.limit) && w.limit > 0) {
    // A bounded pool: used from the remaining amount when only that is known. A figure derived from
    // huge inputs can overflow: then it is left out (missing, never Infinity).
    const u = used ?? (remaining !== null ? orNull(w.limit - remaining) : null);
    const left = remaining ?? (u !== null ? orNull(w.limit - u) : null);
    return {
      kind: 'consumption',
      unit: w.unit,
      ...(u !== null ? { used: u, utilization: clamp01(u / w.limit) } : {}),
      limit: w.limit,
      ...(left !== null ? { remaining: left } : {}),
      ...timing,
    };
  }
  // No cap: a balance when something is left to spend, else spend so far.
  if (remaining !== null) return { kind: 'balance', unit: w.unit, available: remaining, ...(used !== null ? { used } : {}), ...timing };
  if (used !== null) return { kind: 'consumption', unit: w.unit, used, ...timing };
  return null;
}

/** When the data shown was true: the observation time a source reported (a log line), else the fetch. */
function dataTime(s: ProviderSnapshot): number | null {
  const observed = s.notes.find((n): n is Extract<Note, { code: 'observed_at' }> => n.code === 'observed_at')?.at ?? null;
  if (s.fetchedAt === null) return null;
  return observed !== null && observed < s.fetchedAt ? observed : s.fetchedAt;
}

/** A card's entry, or null when it has no data yet. */
export function providerLimits(s: ProviderSnapshot, now: number): ProviderLimits | null {
  const at = dataTime(s);
  if (at === null) return null;
  const resources: Record<string, Resource> = {};
  for (const w of s.windows) {
    const r = resourceOf(w);
    const key = resourceKey(w.id);
    if (r && !(key in resources)) resources[key] = r;
  }
  const plan = planOf(s);
  return {
    displayName: accountName(s.providerId, s.accountLabel),
    ...(plan ? { plan: planLabel(plan) } : {}),
    fetchedAt: iso(at),
    expiresAt: iso(at + FRESH_MS),
    stale: now >= at + FRESH_MS,
    resources,
  };
}

/** Why a card's figures are old or missing, in the CLI's words; null when its last refresh worked. */
export function limitsError(s: ProviderSnapshot): LimitsError | null {
  if (s.error === null || s.status === 'ok') return null;
  const words = describeError(s.error, s.providerId, { surface: 'cli' });
  return { providerId: cardId(s.providerId, s.accountLabel), message: words.action ? `${words.reason} ${words.action}` : words.reason };
}

/**
 * The envelope for some cards. `unconfigured` cards (no key, no sign-in) are skipped unless asked for
 * by id: every answer would otherwise list each provider the user does not use as an error.
 */
export function limitsEnvelope(snaps: readonly ProviderSnapshot[], now: number, opts: { byId?: boolean } = {}): LimitsEnvelope {
  const providers: Record<string, ProviderLimits> = {};
  const errors: LimitsError[] = [];
  for (const s of snaps) {
    if (s.status === 'unconfigured' && !opts.byId) continue;
    const entry = providerLimits(s, now);
    if (entry) providers[cardId(s.providerId, s.accountLabel)] = entry;
    const e = limitsError(s);
    if (e) errors.push(e);
  }
  return { schema: LIMITS_SCHEMA, generatedAt: iso(now), providers, errors };
}
