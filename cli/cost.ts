// `quotabar cost`: tokens and dollars per local day from the agents' own logs (adapters/cost/ledger.ts),
// as JSON (the exact shape outside tests read) or a table that fits 80 columns. Models without a
// price are named once on stderr, so the JSON keeps its shape.
import { setFlagsFromString } from 'node:v8';
import { filterLedger, loadLedger, type CostTotals, type Ledger } from '../adapters/cost/ledger';
import { compact, costJson, costText } from '../core/cost/format';
import { descriptorOf } from '../core/providers/registry';
import { parseOrSay, type CostCommand } from './args';
import type { CliIo } from './io';

/** `quotabar cost …` from its arguments: a usage error as commands.ts says it (exit 2), else runCost. */
export async function runCostArgs(argv: string[], io: CliIo): Promise<number> {
  const c = parseOrSay(argv, io);
  if (!c) return 2;
  if (c.cmd !== 'cost') throw new Error(`runCostArgs was given '${argv[0]}'`);
  return runCost(c, io);
}

/** Prints the ledger; exit 0. */
export async function runCost(c: CostCommand, io: CliIo): Promise<number> {
  // Until the logs must be read in full, V8 need not optimize anything: a summary's answer is short,
  // and the first optimizing compile alone costs ~4.5 MiB of resident memory (decision 0023).
  setFlagsFromString('--no-opt');
  let ledger;
  try {
    ({ ledger } = await loadLedger({ env: io.env, homedir: io.homedir, platform: io.platform, sources: c.source === null ? null : [c.source], onFullRun: forAFullRun }));
  } finally {
    setFlagsFromString('--opt');
  }
  const shown = filterLedger(ledger, { since: c.since, until: c.until, sources: null });
  io.stdout(c.json ? costJson(shown) : costTable(shown));
  if (shown.unknownModels.length) {
    io.stderr(`quotabar: cost unknown for ${shown.unknownModels.join(', ')} (no price in the bundled table; tokens are counted)\n`);
  }
  return 0;
}

// A full run is a scan the optimizer must compile. It keeps much of what it allocates (entries, keys),
// so V8 would grow its young generation to ~32 MiB for it; kept at its first size, a cold run's peak
// RSS is ~14 MiB lower at the same speed (bench/cost-vs-ccusage.bench.ts). V8 reads this flag at each
// growth, so setting it late works. Only for a full run: a summary's answer allocates little, and
// would only collect more often.
const forAFullRun = (): void => setFlagsFromString('--opt --semi-space-growth-factor=1');

const FIRST = 29;
const NUM = 8;

/** One line per (date, source) and an indented line per model; 79 columns at most. */
export function costTable(l: Ledger): string {
  if (l.days.length === 0) return 'No usage found in the local logs for these dates.\n';
  const head = ['DATE  SOURCE / MODEL'.padEnd(FIRST), ...['INPUT', 'OUTPUT', 'CACHE W', 'CACHE R', 'TOTAL'].map((h) => h.padStart(NUM)), 'COST'.padStart(10)].join('');
  const lines = [head];
  for (const d of l.days) {
    lines.push(row(`${d.date}  ${descriptorOf(d.source)?.displayName ?? d.source}`, d));
    for (const m of d.models) lines.push(row(`  ${m.model}`, m));
  }
  lines.push(row('TOTAL', l.totals));
  return `${lines.join('\n')}\n`;
}

function row(label: string, t: CostTotals): string {
  const name = label.length > FIRST - 1 ? `${label.slice(0, FIRST - 2)}…` : label;
  const nums = [t.inputTokens, t.outputTokens, t.cacheCreationTokens, t.cacheReadTokens, t.totalTokens].map((n) => compact(n).padStart(NUM));
  return [name.padEnd(FIRST), ...nums, costText(t).padStart(10)].join('');
}
