// Prices from @pydantic/genai-prices (offline, bundled table). Its `input_tokens` is the whole
// input, cache reads and writes included; its long-context tiers apply per request by that whole
// input, so a band is (price period, tier) and a band's requests are priced from their mean.
// A model the table does not know, and fast mode (which it does not price), cost unknown.
import { calcPrice, type ModelInfo, type ModelPrice } from '@pydantic/genai-prices';
import type { CostEntry } from '../../core/cost/entry';
import type { Pricer, UsageSums } from '../../core/cost/pricing';

interface Known {
  providerId: string;
  model: string;
  info: ModelInfo;
  /** Which conditional price applies, by time bucket (a UTC day, or a quarter hour for time-of-day prices). */
  periods: Map<number, number>;
  bucketMs: number;
}

const ZERO = { input_tokens: 0, output_tokens: 0 };

/** A Pricer over the bundled genai-prices table. */
export function createGenaiPricer(): Pricer {
  const known = new Map<string, Known | null>();
  const lookup = (provider: string, model: string): Known | null => {
    const k = `${provider}\u0000${model}`;
    let found = known.get(k);
    if (found === undefined) {
      const r = safeCalc(ZERO, model, provider) ?? safeCalc(ZERO, model, null);
      const timed = Array.isArray(r?.model.prices) && r.model.prices.some((p) => p.constraint?.type === 'time_of_date');
      found = r ? { providerId: r.provider.id, model, info: r.model, periods: new Map(), bucketMs: timed ? 900_000 : 86_400_000 } : null;
      known.set(k, found);
    }
    return found;
  };
  return {
    band(provider, model, fast, e: CostEntry) {
      if (fast) return null;
      const k = lookup(provider, model);
      if (!k) return null;
      const period = periodOf(k, e.at);
      const prices = Array.isArray(k.info.prices) ? (k.info.prices[period]?.prices ?? {}) : k.info.prices;
      const whole = e.input + e.cacheCreation + e.cacheRead;
      return `${period}:${tierStarts(prices).filter((s) => whole > s).length}`;
    },
    price(provider, model, _band, s: UsageSums, count, at) {
      const k = lookup(provider, model);
      if (!k || count <= 0) return null;
      const usage: Record<string, number> = {
        input_tokens: (s.input + s.cacheCreation + s.cacheRead) / count,
        output_tokens: s.output / count,
      };
      if (s.cacheRead) usage['cache_read_tokens'] = s.cacheRead / count;
      if (s.cacheCreation) usage['cache_write_tokens'] = s.cacheCreation / count;
      if (s.cacheCreation1h) usage['cache_write_1h_tokens'] = s.cacheCreation1h / count;
      if (s.webSearches) usage['web_searches'] = s.webSearches / count;
      const r = safeCalc(usage, model, k.providerId, at);
      return r ? r.total_price * count : null;
    },
  };
}

function safeCalc(usage: Record<string, number>, model: string, providerId: string | null, at?: number) {
  try {
    return calcPrice(usage, model, { ...(providerId ? { providerId } : {}), ...(at !== undefined ? { timestamp: new Date(at) } : {}) });
  } catch {
    return null;
  }
}

// The conditional price genai-prices itself picks at `at` (found by identity), once per time bucket.
function periodOf(k: Known, at: number): number {
  if (!Array.isArray(k.info.prices)) return 0;
  const bucket = Math.floor(at / k.bucketMs);
  let p = k.periods.get(bucket);
  if (p === undefined) {
    const chosen = safeCalc(ZERO, k.model, k.providerId, at)?.model_price;
    p = Math.max(0, k.info.prices.findIndex((c) => c.prices === chosen));
    k.periods.set(bucket, p);
  }
  return p;
}

function tierStarts(prices: ModelPrice): number[] {
  const starts = new Set<number>();
  for (const v of Object.values(prices)) if (v && typeof v === 'object') for (const t of v.tiers) starts.add(t.start);
  return [...starts].sort((a, b) => a - b);
}
