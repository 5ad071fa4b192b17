// The seeded price plans must be exactly what the installed table gives; UPDATE_PRICE_SEED=1 rewrites them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRICE_TABLE } from '../../../adapters/cost/cache';
import { genaiPlan } from '../../../adapters/cost/genai-pricer';
import { SEEDED_MODELS, seededPlan } from '../../../adapters/cost/price-seed';

const SEED_FILE = join(import.meta.dirname, '../../../adapters/cost/price-seed.json');
const installed = JSON.parse(readFileSync(join(import.meta.dirname, '../../../node_modules/@pydantic/genai-prices/package.json'), 'utf8')) as { version: string };

describe('the seeded price plans', () => {
  it('name the installed price table', () => {
    expect(PRICE_TABLE).toBe(`@pydantic/genai-prices ${installed.version}`);
  });

  it('equal the plans read from that table, for every seeded model', () => {
    const plans = Object.fromEntries(Object.entries(SEEDED_MODELS).map(([provider, models]) => [provider, Object.fromEntries(models.map((m) => [m, genaiPlan(provider, m)]))]));
    if (process.env.UPDATE_PRICE_SEED) return writeFileSync(SEED_FILE, `${JSON.stringify({ table: PRICE_TABLE, plans })}\n`);
    for (const [provider, models] of Object.entries(SEEDED_MODELS)) for (const m of models) expect(seededPlan(PRICE_TABLE, provider, m), `${provider} ${m}`).toEqual(plans[provider]![m]);
  });

  it('are not used for another table, nor for a model not seeded', () => {
    expect(seededPlan('@pydantic/genai-prices 0.0.1', 'anthropic', 'claude-opus-4-6')).toBeUndefined();
    expect(seededPlan(PRICE_TABLE, 'anthropic', 'claude-mystery-9')).toBeUndefined();
    expect(seededPlan(PRICE_TABLE, 'anthropic', 'claude-opus-4-6')).not.toBeNull();
  });
});
