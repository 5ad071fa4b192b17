// The price port: core groups requests and asks for per-token rates; the table lives in an adapter
// (adapters/cost/genai-pricer.ts). Prices are linear within a band (one price period and one
// long-context tier), so a band's cost is its rates times its token sums.
import type { CostEntry } from './entry';

/** Summed usage of the requests in one band. Token fields are disjoint, as in CostEntry. */
export interface UsageSums {
  input: number;
  output: number;
  cacheCreation: number;
  cacheRead: number;
  cacheCreation1h: number;
  webSearches: number;
}

/** USD per token (per search, per request) within one band. */
export interface Rates {
  input: number;
  output: number;
  /** 5-minute cache writes. */
  cacheWrite: number;
  cacheWrite1h: number;
  cacheRead: number;
  webSearch: number;
  request: number;
}

export interface Pricer {
  /**
   * The band one request falls in: requests in one band cost the same per token. Decided per
   * request (a long-context tier applies to a whole request over the threshold, as billed).
   * Null when the table has no price for the model (its cost is then unknown, never $0).
   */
  band(priceProvider: string, model: string, fast: boolean, entry: CostEntry): string | null;
  /** The rates of a band `band()` returned; null when they cannot be had. */
  rates(priceProvider: string, model: string, band: string): Rates | null;
}

/** A pricer that knows no model: every cost is unknown. */
export const NO_PRICES: Pricer = { band: () => null, rates: () => null };

/** The cost of `count` requests of one band whose usage sums to `s`. */
export function costOf(r: Rates, s: UsageSums, count: number): number {
  const oneHour = Math.min(s.cacheCreation1h, s.cacheCreation);
  return (
    r.input * s.input +
    r.output * s.output +
    r.cacheWrite * (s.cacheCreation - oneHour) +
    r.cacheWrite1h * oneHour +
    r.cacheRead * s.cacheRead +
    r.webSearch * s.webSearches +
    r.request * count
  );
}
