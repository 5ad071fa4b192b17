// Price plans (core/cost/price-plan.ts) from @pydantic/genai-prices, the offline bundled table. Its
// `input_tokens` is the whole input, cache reads and writes included, and its long-context tiers
// apply per request by that whole input. Within one period and tier a price is linear, so its
// per-token rates are read by pricing a few probe requests inside the tier. A model the table does
// not know gets no plan (cost unknown, never $0); time-of-day prices are not modelled (the base
// price is used).
import { calcPrice, type ModelInfo, type ModelPrice } from '@pydantic/genai-prices';
import type { PricePlan } from '../../core/cost/price-plan';
import type { Rates } from '../../core/cost/pricing';

/** The plan for `model` as logged by a tool whose usual price-table provider is `provider`; null when unknown. */
export function genaiPlan(provider: string, model: string): PricePlan | null {
  const r = safeCalc({ input_tokens: 0 }, model, provider) ?? safeCalc({ input_tokens: 0 }, model, null);
  if (!r) return null;
  const providerId = r.provider.id;
  const periods = periodsOf(r.model);
  const plan: PricePlan = { periods: [] };
  for (const { from, prices } of periods) {
    const starts = tierStarts(prices);
    const bounds = [0, ...starts];
    const tiers = [];
    for (let i = 0; i < bounds.length; i++) {
      const lo = bounds[i]!;
      const hi = bounds[i + 1] ?? Infinity;
      const T = Math.min(lo + 1000, Math.max(lo + 1, Math.floor((lo + hi) / 2)));
      const rates = probe(model, providerId, T, hi, from ?? 0);
      if (!rates) return null;
      tiers.push({ above: lo, rates });
    }
    plan.periods.push({ from, tiers });
  }
  return plan;
}

function periodsOf(info: ModelInfo): Array<{ from: number | null; prices: ModelPrice }> {
  if (!Array.isArray(info.prices)) return [{ from: null, prices: info.prices }];
  const out: Array<{ from: number | null; prices: ModelPrice }> = [];
  for (const c of info.prices) {
    if (!c.constraint) out.push({ from: null, prices: c.prices });
    else if (c.constraint.type === 'start_date') out.push({ from: Date.parse(`${c.constraint.start_date}T00:00:00Z`), prices: c.prices });
  }
  return out.length ? out : [{ from: null, prices: info.prices[0]!.prices }];
}

// Rates at a whole input of T tokens: every probe keeps input_tokens = T (so the tier holds) and
// moves all of it into one kind of token at a time; T+1 (≤ the tier's top) gives the input rate.
function probe(model: string, providerId: string, T: number, hi: number, at: number): Rates | null {
  const c = (u: Record<string, number>): number | null => safeCalc({ input_tokens: T, ...u }, model, providerId, at)?.total_price ?? null;
  const base = c({});
  const near = T + 1 <= hi ? safeCalc({ input_tokens: T + 1 }, model, providerId, at)?.total_price ?? null : null;
  const read = c({ cache_read_tokens: T });
  const write = c({ cache_write_tokens: T });
  const write1h = c({ cache_write_tokens: T, cache_write_1h_tokens: T });
  const out = c({ output_tokens: T });
  const web = c({ web_searches: 1 });
  if (base === null || read === null || write === null || out === null) return null;
  const input = near === null ? base / T : near - base;
  const request = Math.max(0, base - input * T);
  return {
    input,
    output: (out - base) / T,
    cacheWrite: (write - request) / T,
    cacheWrite1h: ((write1h ?? write) - request) / T,
    cacheRead: (read - request) / T,
    webSearch: web === null ? 0 : web - base,
    request,
  };
}

function safeCalc(usage: Record<string, number>, model: string, providerId: string | null, at?: number) {
  try {
    return calcPrice(usage, model, { ...(providerId ? { providerId } : {}), ...(at !== undefined ? { timestamp: new Date(at) } : {}) });
  } catch {
    return null;
  }
}

function tierStarts(prices: ModelPrice): number[] {
  const starts = new Set<number>();
  for (const v of Object.values(prices)) if (v && typeof v === 'object') for (const t of v.tiers) starts.add(t.start);
  return [...starts].sort((a, b) => a - b);
}
