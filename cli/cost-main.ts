// `quotabar cost` on its own (dist-cli/cost.cjs, about a fifth of the whole CLI's bundle): a cost run,
// and the status line's background refresh, start ~10 ms sooner. It answers as main.ts does.
import { runCostArgs } from './cost';
import { cliEntry } from './entry';

export const main = cliEntry(runCostArgs);
