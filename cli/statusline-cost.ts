// The status line's "today $4.12": read from the summary the last ledger run wrote (never from the
// logs: this runs after every message), and when that summary is stale a detached `quotabar cost`
// is started so the next line is current. docs/decisions/0019.
import { costCacheDir } from '../adapters/cost/cache';
import { costDater } from '../adapters/cost/zone';
import { readTodaySummary, startTodayRefresh } from '../adapters/cost/today-file';
import { todayCostText, todaySummaryStale } from '../core/cost/today';
import type { CliIo } from './io';

/** Today's cost words for `source` ('' when unknown); may start one background refresh. Never throws. */
export async function todayCostPart(io: CliIo, source: string, now: number): Promise<string> {
  try {
    const dir = costCacheDir(io.env, io.platform, io.homedir);
    const summary = readTodaySummary(dir);
    const today = costDater({ env: io.env })(now);
    // Only a run that knows its own command line (the real CLI's io names it) starts one: run in-process
    // (tests, another host) process.argv[1] is not the CLI, and starting it detached could be anything.
    if (io.self && todaySummaryStale(summary, today, now)) {
      // Its JSON goes nowhere: the run is for the summary it writes; --since keeps the output small.
      await startTodayRefresh(dir, summary, now, [...io.self, 'cost', '--json', '--since', today], { ...io.env });
    }
    return todayCostText(summary, today, source);
  } catch {
    return '';
  }
}
