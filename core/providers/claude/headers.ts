// Pure parser for the `anthropic-ratelimit-unified-*` headers that come with OAuth (subscription)
// requests (PROVIDERS 3a). Produces the same windows as the /api/oauth/usage endpoint.
import { asNumber, asText } from '../../json';
import type { Note, UsageWindow } from '../../model';
import { parseUnixTime, plausibleReset } from '../../time';
import { claudeSessionWindow, claudeWeeklyWindow, modelKey, tidyNumber } from './windows';

/** Whether requests pass: `allowed_warning` is near the limit, `rejected` is over it. */
export type UnifiedStatus = 'allowed' | 'allowed_warning' | 'rejected';

/** Pay-as-you-go usage beyond the plan limits, as the headers report it. */
export interface AnthropicOverage {
  status: UnifiedStatus | null;
  /** 0–100 and beyond; the header sends a 0–1 fraction. */
  usedPercent: number | null;
  resetsAt: number | null;
  /** e.g. 'out_of_credits', 'org_spend_cap_reached'. */
  disabledReason: string | null;
  /** Claude Code's rule: the plan limit is rejected and overage is allowed, so usage is billed as overage. */
  inUse: boolean;
}

/** Everything the unified headers say, in the model's terms. */
export interface AnthropicRateLimits {
  /** False when no unified header was present (API-key requests, or a proxy that strips them). */
  present: boolean;
  /** A missing or unknown value counts as 'allowed', as Claude Code does. */
  status: UnifiedStatus;
  /** Epoch ms when the representative window resets. */
  resetsAt: number | null;
  /** Which limit currently binds: 'five_hour', 'seven_day', 'seven_day_opus', 'overage', … */
  representativeClaim: string | null;
  windows: UsageWindow[];
  notes: Note[];
  overage: AnthropicOverage | null;
}

/** Response headers as any client gives them (names in any case, repeated values as arrays). */
export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>;

const PREFIX = 'anthropic-ratelimit-unified-';
const MODEL_UTILIZATION = /^7d_([a-z0-9_]+)-utilization$/;

/**
 * Reads the unified rate-limit headers (any name case); never throws, bad values are dropped.
 * `now` bounds plausible reset times (core/time plausibleReset); null applies only the lower bound.
 */
export function parseAnthropicRateLimitHeaders(headers: HeaderMap, now: number | null = null): AnthropicRateLimits {
  const h = unifiedHeaders(headers);
  const reset = (name: string) => plausibleReset(parseUnixTime(h.get(name)), now);
  const present = h.size > 0;
  const claim = asText(h.get('representative-claim'));
  const resetsAt = reset('reset');

  const windows: UsageWindow[] = [];
  const session = percent(h.get('5h-utilization'));
  if (session !== null) windows.push(claudeSessionWindow(session, reset('5h-reset')));
  const weekly = percent(h.get('7d-utilization'));
  if (weekly !== null) windows.push(claudeWeeklyWindow(weekly, reset('7d-reset')));
  for (const [name, value] of h) {
    const m = MODEL_UTILIZATION.exec(name);
    const model = m?.[1] ? modelKey(m[1]) : null;
    const used = percent(value);
    if (!model || used === null) continue;
    windows.push(claudeWeeklyWindow(used, reset(`7d_${model}-reset`), model));
  }
  fillRepresentativeReset(windows, claim, resetsAt);

  const status = parseStatus(h.get('status')) ?? 'allowed';
  const overage = parseOverage(h, status, reset);
  const notes: Note[] = status === 'rejected' && !overage?.inUse ? [{ code: 'limit_reached' }] : [];
  return { present, status, resetsAt, representativeClaim: claim, windows, notes, overage };
}

function unifiedHeaders(headers: HeaderMap): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [rawName, rawValue] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (!name.startsWith(PREFIX)) continue;
    const value = typeof rawValue === 'string' ? rawValue : Array.isArray(rawValue) ? rawValue.join(', ') : null;
    if (value !== null) out.set(name.slice(PREFIX.length), value);
  }
  return out;
}

// The headers send a 0–1 fraction that may exceed 1; the model wants 0–100 and beyond.
function percent(value: string | undefined): number | null {
  const f = asNumber(value);
  return f === null || f < 0 || !Number.isFinite(f * 100) ? null : tidyNumber(f * 100);
}

function parseStatus(value: string | undefined): UnifiedStatus | null {
  const v = value?.trim().toLowerCase();
  return v === 'allowed' || v === 'allowed_warning' || v === 'rejected' ? v : null;
}

// `…-unified-reset` belongs to the representative window; use it when that window has no own reset.
function fillRepresentativeReset(windows: UsageWindow[], claim: string | null, resetsAt: number | null): void {
  if (!claim || resetsAt === null) return;
  const id =
    claim === 'five_hour' ? 'session' : claim === 'seven_day' ? 'weekly' : claim.startsWith('seven_day_') ? `weekly:${claim.slice(10)}` : null;
  const w = windows.find((x) => x.id === id);
  if (w && w.resetsAt === null) w.resetsAt = resetsAt;
}

function parseOverage(h: Map<string, string>, status: UnifiedStatus, reset: (name: string) => number | null): AnthropicOverage | null {
  const overageStatus = parseStatus(h.get('overage-status'));
  const usedPercent = percent(h.get('overage-utilization'));
  const resetsAt = reset('overage-reset');
  const disabledReason = asText(h.get('overage-disabled-reason'));
  if (overageStatus === null && usedPercent === null && resetsAt === null && disabledReason === null) return null;
  const inUse = status === 'rejected' && (overageStatus === 'allowed' || overageStatus === 'allowed_warning');
  return { status: overageStatus, usedPercent, resetsAt, disabledReason, inUse };
}
