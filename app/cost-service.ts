// The app's cost figures: the ledger read off the main thread (app/cost-runner.ts) and shaped for the
// popover line, the Cost window and its exports (app/cost-view.ts). Dates are local to TZ, else the
// machine's zone, as in `quotabar cost`.
import { localDater } from '../core/cost/local-date';
import type { Clock } from '../core/ports';
import { createCostRunner, type CostWorkerSpec } from './cost-runner';
import { costExport, costPage, costSummaryView, type CostExport, type CostPage, type CostSummaryView } from './cost-view';

/** How old a ledger may be before the popover's line asks for a rescan (appended bytes only). */
export const COST_MAX_AGE_MS = 60_000;

export interface CostService {
  summary(): Promise<CostSummaryView>;
  page(): Promise<CostPage>;
  export(format: 'csv' | 'json'): Promise<CostExport>;
}

export interface CostServiceOptions {
  env: NodeJS.ProcessEnv;
  homedir: string;
  platform: string;
  clock: Clock;
  /** The worker's script; null scans in-process (tests). */
  worker: CostWorkerSpec | null;
  /** False in demo mode: the demo's throwaway logs stay out of the user's cost cache. */
  useCache: boolean;
}

export function createCostService(o: CostServiceOptions): CostService {
  const runner = createCostRunner({
    load: { env: { ...o.env }, homedir: o.homedir, platform: o.platform, useCache: o.useCache, projectPaths: true },
    worker: o.worker,
    clock: o.clock,
  });
  const dateOf = localDater(o.env.TZ || undefined);
  const today = () => dateOf(o.clock.now());
  return {
    summary: async () => costSummaryView(await runner.ledger(COST_MAX_AGE_MS), today()),
    page: async () => costPage(await runner.ledger(COST_MAX_AGE_MS), today()),
    export: async (format) => costExport(await runner.ledger(COST_MAX_AGE_MS), today(), format),
  };
}
