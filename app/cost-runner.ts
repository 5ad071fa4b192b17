// Runs the cost ledger for the app: in a worker thread when the shell names the worker's file (the
// tray app, the preview), else in-process (tests). One scan at a time; a ledger younger than the
// given age is reused (the incremental cache makes a rescan cheap, but not free).
import { Worker } from 'node:worker_threads';
import { loadLedger, type Ledger, type LoadLedgerOptions } from '../adapters/cost/ledger';
import type { Clock } from '../core/ports';

/** The worker's script: built JavaScript, or TypeScript run through tsx (the preview runs from source). */
export interface CostWorkerSpec {
  file: string;
  tsx?: boolean;
}

// Loader flags in a worker's execArgv do not apply to its entry in Node 20: a TypeScript entry is
// imported through tsx's API from a small script instead.
const TSX_ENTRY = `import('tsx/esm/api').then(({ tsImport }) => tsImport(require('node:worker_threads').workerData.file, __filename))`;

export type LedgerOutcome = { ok: true; ledger: Ledger; at: number } | { ok: false; problem: string };

export interface CostRunner {
  /** The ledger, rescanned when the last one is older than `maxAgeMs`; a scan under way is joined. */
  ledger(maxAgeMs: number): Promise<LedgerOutcome>;
}

export function createCostRunner(opts: { load: Omit<LoadLedgerOptions, 'pricer'>; worker: CostWorkerSpec | null; clock: Clock }): CostRunner {
  let last: LedgerOutcome | null = null;
  let running: Promise<LedgerOutcome> | null = null;
  const scan = async (): Promise<LedgerOutcome> => {
    try {
      const ledger = opts.worker ? await inWorker(opts.worker, opts.load) : (await loadLedger(opts.load)).ledger;
      return { ok: true, ledger, at: opts.clock.now() };
    } catch (e) {
      return { ok: false, problem: `The agents' logs could not be read: ${e instanceof Error ? e.message : String(e)}.` };
    }
  };
  return {
    ledger(maxAgeMs) {
      if (last?.ok && opts.clock.now() - last.at < maxAgeMs) return Promise.resolve(last);
      running ??= scan().then((r) => {
        running = null;
        // A failed rescan keeps the last good ledger on screen.
        if (r.ok || !last?.ok) last = r;
        return last ?? r;
      });
      return running;
    },
  };
}

function inWorker(spec: CostWorkerSpec, load: Omit<LoadLedgerOptions, 'pricer'>): Promise<Ledger> {
  return new Promise((resolve, reject) => {
    const w = spec.tsx
      ? new Worker(TSX_ENTRY, { eval: true, workerData: { ...load, file: spec.file } })
      : new Worker(spec.file, { workerData: load });
    w.once('message', (m: { ok: true; ledger: Ledger } | { ok: false; message: string }) => {
      void w.terminate();
      if (m.ok) resolve(m.ledger);
      else reject(new Error(m.message));
    });
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the cost worker stopped (exit ${code})`)));
  });
}
