// Price plans of the models the agents' logs name most (each cost log's `commonModels`), read from the bundled table
// ahead of time: a first run (no cache yet) prices them without loading the table, which costs
// ~0.2 s and ~24 MiB. Exactly what genai-pricer.ts gives for the table's version below, checked by
// test/adapters/cost/price-seed.test.ts, which rewrites price-seed.json with UPDATE_PRICE_SEED=1.
// Any other model is priced from the table as before.
import type { PricePlan } from '../../core/cost/price-plan';
import { COST_LOGS } from '../../core/providers/registry';
import seed from './price-seed.json';

/** The models seeded, per price-table provider (a name the table lacks is seeded as null: unknown). */
export const SEEDED_MODELS: Record<string, readonly string[]> = Object.fromEntries(COST_LOGS.map((k) => [k.priceProvider, k.commonModels]));

interface Seed {
  table: string;
  plans: Record<string, Record<string, PricePlan | null>>;
}

/** The seeded plan of `model` under `provider` when `table` is the seed's table; undefined when not seeded. */
export function seededPlan(table: string, provider: string, model: string): PricePlan | null | undefined {
  const s = seed as Seed;
  if (s.table !== table) return undefined;
  const p = s.plans[provider];
  return p && Object.hasOwn(p, model) ? p[model] : undefined;
}
