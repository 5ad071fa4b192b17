// Gemini CLI's quota buckets (/v1internal:retrieveUserQuota, PROVIDERS 4a) as one window per model
// and token type. `remainingFraction` is 0–1 *remaining*; a bucket without one is shown as "no data"
// (or the remaining count when `remainingAmount` gives one), never as 0 % or 100 % used.
import { asArray, asNumber, asObject, asText } from '../../json';
import { makeWindow, type UsageWindow } from '../../model';
import { DAY, MINUTE, parseIso, parseUnixTime, plausibleReset } from '../../time';

const REQUESTS = 'REQUESTS';

interface Bucket {
  modelId: string;
  tokenType: string;
  window: UsageWindow;
}

/** The body's buckets as windows, sorted newest model first (Pro, Flash, Flash Lite), requests before other token types. Never throws. */
export function quotaWindows(body: unknown, now: number): UsageWindow[] | null {
  const root = asObject(body);
  if (!root) return null;
  // A wrapped answer ({response:{buckets}}) as the local language servers send it is read too.
  const buckets = asArray(root['buckets'] ?? asObject(root['response'])?.['buckets']);
  const seen = new Set<string>();
  const out: Bucket[] = [];
  for (const raw of buckets) {
    const b = readBucket(raw, now);
    if (!b || seen.has(b.window.id)) continue;
    seen.add(b.window.id);
    out.push(b);
  }
  return out.sort(byModel).map((b) => b.window);
}

function readBucket(v: unknown, now: number): Bucket | null {
  const o = asObject(v);
  const modelId = asText(o?.['modelId']);
  if (!o || !modelId || !/^[\x20-\x7e]{1,100}$/.test(modelId)) return null;
  const tokenType = (asText(o['tokenType']) ?? REQUESTS).toUpperCase();
  const fraction = asNumber(o['remainingFraction']);
  // Outside 0–1 the field is not a remaining fraction: it is dropped, not turned into a bar.
  const usable = fraction !== null && fraction >= 0 && fraction <= 1;
  const amount = tokenType === REQUESTS ? asNumber(o['remainingAmount']) : null;
  const resetsAt = plausibleReset(parseIso(o['resetTime']) ?? parseUnixTime(o['resetTime']), now);
  const window = makeWindow({
    id: tokenType === REQUESTS ? modelId : `${modelId}:${tokenType.toLowerCase()}`,
    kind: 'daily',
    label: tokenType === REQUESTS ? modelLabel(modelId) : `${modelLabel(modelId)} · ${tokenType.toLowerCase().replace(/_/g, ' ')}`,
    usedPercent: usable ? tidy((1 - fraction) * 100) : null,
    remaining: amount,
    unit: amount !== null ? 'requests' : 'percent',
    resetsAt,
    windowMinutes: dailyMinutes(resetsAt, now),
  });
  return { modelId, tokenType, window };
}

/** "gemini-2.5-flash-lite" → "Gemini 2.5 Flash Lite": the id's words, capitalised. */
export function modelLabel(modelId: string): string {
  return modelId
    .split(/[-_\s]+/)
    .filter((w) => w !== '')
    .map((w) => (/^[a-z]/.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

// The buckets are per-day request quotas (Gemini CLI's daily limits): a reset within a day marks a
// one-day window, so pace applies; a reset further out leaves the length unknown.
function dailyMinutes(resetsAt: number | null, now: number): number | null {
  return resetsAt !== null && resetsAt > now && resetsAt - now <= DAY + MINUTE ? DAY / MINUTE : null;
}

const FAMILIES = ['pro', 'flash', 'flash-lite'];

function sortKey(modelId: string): { version: number; family: number } {
  const m = /^[a-z]+-(\d+(?:\.\d+)?)-([a-z]+(?:-lite)?)/i.exec(modelId);
  const family = m ? FAMILIES.indexOf(m[2]!.toLowerCase()) : -1;
  return { version: m ? Number(m[1]) : -1, family: family < 0 ? FAMILIES.length : family };
}

// Newest version first; within it Pro, Flash, Flash Lite, others; one model's token types together, requests first.
function byModel(a: Bucket, b: Bucket): number {
  const ka = sortKey(a.modelId);
  const kb = sortKey(b.modelId);
  if (ka.version !== kb.version) return kb.version - ka.version;
  if (ka.family !== kb.family) return ka.family - kb.family;
  if (a.modelId !== b.modelId) return a.modelId < b.modelId ? -1 : 1;
  if ((a.tokenType === REQUESTS) !== (b.tokenType === REQUESTS)) return a.tokenType === REQUESTS ? -1 : 1;
  return a.tokenType < b.tokenType ? -1 : a.tokenType > b.tokenType ? 1 : 0;
}

function tidy(n: number): number {
  return Math.round(n * 100) / 100;
}
