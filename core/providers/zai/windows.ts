// Z.ai's quota body (PROVIDERS.md §5): one usage window per `data.limits[]` entry. Lossy: a bad
// field drops that field, a bad entry drops that entry, never its siblings.
import { asArray, asNumber, asObject, asText } from '../../json';
import { makeWindow, type UsageWindow, type WindowKind } from '../../model';
import { parseUnixTime, plausibleReset } from '../../time';

/** One `limits[]` entry, null where absent or garbled. */
export interface ZaiLimit {
  /** TOKENS_LIMIT | TIME_LIMIT | CREDIT_LIMIT, or another value of the open enum (upper-cased). */
  type: string | null;
  /** Window length in minutes (`number × unit`); null for an unknown unit or a non-positive number. */
  minutes: number | null;
  /** The used share as z.ai states it (0–100, raw). */
  percentage: number | null;
  /** The quota (`usage`), what is used (`currentValue`) and what is left (`remaining`). */
  quota: number | null;
  current: number | null;
  remaining: number | null;
  /** Epoch ms; null while the window is idle (z.ai then sends no reset). */
  nextResetTime: number | null;
}

/** The plan's limits and level (`lite`, `pro`, `max`…). */
export interface ZaiQuota {
  level: string | null;
  limits: ZaiLimit[];
}

const MINUTE_PER_UNIT: Record<number, number> = { 1: 1440, 3: 60, 5: 1, 6: 10080 };

function windowMinutes(number: number | null, unit: number | null): number | null {
  if (number === null || unit === null || number <= 0) return null;
  const per = MINUTE_PER_UNIT[unit];
  const m = per === undefined ? null : number * per;
  return m !== null && Number.isFinite(m) ? m : null;
}

function parseLimit(v: unknown): ZaiLimit | null {
  const o = asObject(v);
  if (!o) return null;
  return {
    type: asText(o['type'])?.toUpperCase() ?? null,
    minutes: windowMinutes(asNumber(o['number']), asNumber(o['unit'])),
    percentage: asNumber(o['percentage']),
    quota: asNumber(o['usage']),
    current: asNumber(o['currentValue']),
    remaining: asNumber(o['remaining']),
    nextResetTime: parseUnixTime(o['nextResetTime']),
  };
}

/** The `data` object of a quota answer, or null when there is none. Never throws. */
export function parseQuota(body: unknown): ZaiQuota | null {
  const d = asObject(asObject(body)?.['data']);
  if (!d) return null;
  const limits = asArray(d['limits']).map(parseLimit).filter((l): l is ZaiLimit => l !== null);
  return { level: asText(d['level']), limits };
}

const DAY_MIN = 1440;

/** Classified by length, never by position: up to half a day is a session, then day, week, month. */
function kindOf(minutes: number | null): WindowKind {
  if (minutes === null || minutes <= DAY_MIN / 2) return 'session';
  if (minutes <= DAY_MIN) return 'daily';
  if (minutes <= 7 * DAY_MIN) return 'weekly';
  return 'monthly';
}

function lengthWord(m: number | null): string | null {
  if (m === null) return null;
  if (m === DAY_MIN) return 'Daily';
  if (m === 7 * DAY_MIN) return 'Weekly';
  if (m % (7 * DAY_MIN) === 0) return `${m / (7 * DAY_MIN)}-week`;
  if (m % DAY_MIN === 0) return `${m / DAY_MIN}-day`;
  if (m % 60 === 0) return `${m / 60}-hour`;
  return `${m}-minute`;
}

// `named`: whether the label states the length. TIME_LIMIT (MCP tool calls) is left unnamed: other
// readers of this API call it monthly while its unit (5 = minute) says otherwise.
const WHAT: Record<string, { id: string; word: string; named: boolean }> = {
  TOKENS_LIMIT: { id: 'tokens', word: 'tokens', named: true },
  TIME_LIMIT: { id: 'tools', word: 'tool calls', named: false },
  CREDIT_LIMIT: { id: 'credits', word: 'credits', named: true },
};

/** Used %: z.ai's own percentage, else worked out from the quota and what is used or left. */
function usedPercent(l: ZaiLimit): number | null {
  if (l.percentage !== null) return l.percentage;
  if (l.quota === null || l.quota <= 0) return null;
  const used = l.current ?? (l.remaining !== null ? l.quota - l.remaining : null);
  const p = used === null ? null : (used * 100) / l.quota;
  return p !== null && Number.isFinite(p) ? p : null;
}

/**
 * One percent window per limit, labelled by length and what it counts ("5-hour tokens"), with its
 * reset when z.ai gives a plausible one. Ids are stable across polls (`tokens:300`).
 */
export function toZaiWindows(q: ZaiQuota, now: number): UsageWindow[] {
  const seen = new Set<string>();
  const out: UsageWindow[] = [];
  for (const l of q.limits) {
    const what = WHAT[l.type ?? ''] ?? { id: (l.type ?? 'limit').toLowerCase(), word: 'limit', named: true };
    let id = `${what.id}:${l.minutes ?? 'open'}`;
    for (let n = 2; seen.has(id); n++) id = `${what.id}:${l.minutes ?? 'open'}:${n}`;
    seen.add(id);
    const length = what.named ? lengthWord(l.minutes) : null;
    const label = length ? `${length} ${what.word}` : what.word.charAt(0).toUpperCase() + what.word.slice(1);
    out.push(
      makeWindow({
        id,
        kind: kindOf(l.minutes),
        label,
        usedPercent: usedPercent(l),
        resetsAt: plausibleReset(l.nextResetTime, now),
        windowMinutes: l.minutes,
      }),
    );
  }
  return out;
}
