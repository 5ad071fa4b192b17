// The price port: core groups requests and asks for prices; the table lives in an adapter
// (adapters/cost/genai-pricer.ts). Prices are linear within a band (one price period and one
// long-context tier), so a band's requests can be priced from their sums.
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

export interface Pricer {
  /**
   * The band one request falls in: requests in one band cost the same per token. Decided per
   * request (a long-context tier applies to a whole request over the threshold, as billed).
   * Null when the table has no price for the model (its cost is then unknown, never $0).
   */
  band(priceProvider: string, model: string, fast: boolean, entry: CostEntry): string | null;
  /** USD for `count` requests of one band whose usage sums to `sums`; `at` is one of their timestamps. */
  price(priceProvider: string, model: string, band: string, sums: UsageSums, count: number, at: number): number | null;
}

/** A pricer that knows no model: every cost is unknown. */
export const NO_PRICES: Pricer = { band: () => null, price: () => null };
