// Worker-thread entry: reads the agents' logs into a ledger away from the main thread (the tray app's
// and the preview's), so a cold scan of a large log tree never stalls the UI. Built as
// dist-electron/cost-worker.cjs for Electron; run from source (tsx) by the preview.
import { parentPort, workerData } from 'node:worker_threads';
import { loadLedger, type LoadLedgerOptions } from '../adapters/cost/ledger';

loadLedger(workerData as LoadLedgerOptions).then(
  ({ ledger }) => parentPort?.postMessage({ ok: true, ledger }),
  (e: unknown) => parentPort?.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) }),
);
