// A model's prices as plain data: per price period, per long-context tier, per-token rates. Read
// from the price table once and kept in the ledger's cache, so a warm run prices without loading
// the table at all. Pure.
import type { CostEntry } from './entry';
import type { Pricer, Rates } from './pricing';

export interface PricePlan {
  /** Periods in order; each applies from `from` (epoch ms; null = always) until the next one's start. */
  periods: Array<{ from: number | null; tiers: Array<{ above: number; rates: Rates }> }>;
}

/** Plans by `${priceProvider}\u0000${model}`; null = the table has no price for the model. */
export type PricePlans = Map<string, PricePlan | null>;

export const planKey = (priceProvider: string, model: string): string => `${priceProvider}\u0000${model}`;

/**
 * A Pricer over plans: the band is "period:tier", where the tier is the number of tier thresholds
 * the request's whole input (uncached + cache writes + cache reads) is above. Fast mode has no plan.
 */
export function planPricer(plans: PricePlans): Pricer {
  return {
    band(provider, model, fast, e: CostEntry) {
      const plan = fast ? null : plans.get(planKey(provider, model));
      if (!plan) return null;
      let p = 0;
      for (let i = plan.periods.length - 1; i > 0; i--) {
        const from = plan.periods[i]!.from;
        if (from === null || e.at >= from) {
          p = i;
          break;
        }
      }
      const whole = e.input + e.cacheCreation + e.cacheRead;
      const tiers = plan.periods[p]!.tiers;
      let t = 0;
      while (t + 1 < tiers.length && whole > tiers[t + 1]!.above) t++;
      return `${p}:${t}`;
    },
    rates(provider, model, band) {
      const plan = plans.get(planKey(provider, model));
      const colon = band.indexOf(':');
      return plan?.periods[Number(band.slice(0, colon))]?.tiers[Number(band.slice(colon + 1))]?.rates ?? null;
    },
  };
}
