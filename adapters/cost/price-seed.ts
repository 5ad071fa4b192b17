// Price plans of the models Claude Code and the Codex CLI name most, read from the bundled table
// ahead of time: a first run (no cache yet) prices them without loading the table, which costs
// ~0.2 s and ~24 MiB. Exactly what genai-pricer.ts gives for the table's version below, checked by
// test/adapters/cost/price-seed.test.ts, which rewrites price-seed.json with UPDATE_PRICE_SEED=1.
// Any other model is priced from the table as before.
import type { PricePlan } from '../../core/cost/price-plan';
import seed from './price-seed.json';

/** The models seeded, per price-table provider (a name the table lacks is seeded as null: unknown). */
export const SEEDED_MODELS: Record<string, readonly string[]> = {
  anthropic: [
    'claude-opus-4-6',
    'claude-sonnet-4-6',
    'claude-opus-4-5-20251101',
    'claude-sonnet-4-5-20250929',
    'claude-haiku-4-5-20251001',
    'claude-opus-4-1-20250805',
    'claude-opus-4-20250514',
    'claude-sonnet-4-20250514',
    'claude-3-7-sonnet-20250219',
    'claude-3-5-haiku-20241022',
  ],
  openai: ['gpt-5', 'gpt-5-codex', 'gpt-5-mini', 'gpt-5.1', 'gpt-5.1-codex', 'gpt-5.1-codex-max', 'gpt-5.1-codex-mini', 'gpt-5.2', 'gpt-5.2-codex', 'gpt-5.3-codex'],
};

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
