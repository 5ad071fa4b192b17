// Reads Stryker's JSON report (reports/mutation/mutation.json, written by `npm run mutate`) and merges
// the mutation score of core/ and adapters/ into bench/results.json as the "mutation" bench; the other
// benches' entries are left as they are. `--survivors` also lists the surviving mutants by file.
// Score as Stryker counts it: (killed + timed out) / (killed + timed out + survived + no coverage).
// Ignored (static) and compile-error mutants are left out of both sides.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figures';
import { report } from './figures';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const BENCH = 'mutation';
const TARGET = 85;

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
interface StrykerReport {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const stryker = JSON.parse(readFileSync(join(root, 'reports/mutation/mutation.json'), 'utf8')) as StrykerReport;
const count: Record<string, number> = {};
const survivors: string[] = [];
for (const [file, { source, mutants }] of Object.entries(stryker.files)) {
  const lines = source.split('\n');
  for (const m of mutants) {
    count[m.status] = (count[m.status] ?? 0) + 1;
    if (m.status === 'Survived' || m.status === 'NoCoverage') {
      const { line, column } = m.location.start;
      survivors.push(`${file}:${line}:${column}  ${m.status}  ${m.mutatorName}  ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60)}  | ${lines[line - 1]?.trim().slice(0, 90)}`);
    }
  }
}
const n = (s: string) => count[s] ?? 0;
const detected = n('Killed') + n('Timeout');
const undetected = n('Survived') + n('NoCoverage');
const score = detected + undetected === 0 ? 0 : (100 * detected) / (detected + undetected);

if (process.argv.includes('--survivors')) for (const s of survivors.sort()) console.log(s);

const round = (v: number) => Math.round(v * 100) / 100;
const figures: Figure[] = [
  { figure: 'mutation score core+adapters', value: round(score), unit: '%', target: `≥ ${TARGET}`, met: score >= TARGET },
  { figure: 'mutants killed or timed out', value: detected, unit: '', target: null, met: null },
  { figure: 'mutants survived', value: n('Survived'), unit: '', target: null, met: null },
  { figure: 'mutants without coverage', value: n('NoCoverage'), unit: '', target: null, met: null },
  { figure: 'mutants ignored (static)', value: n('Ignored'), unit: '', target: null, met: null },
];
report(figures);

interface SavedResults {
  benches: Array<{ bench: string; ok: boolean; seconds: number | null; error: string | null }>;
  figures: Array<Figure & { bench: string }>;
  [k: string]: unknown;
}
const file = join(here, 'results.json');
const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedResults;
const merged: SavedResults = {
  ...saved,
  benches: [...saved.benches.filter((b) => b.bench !== BENCH), { bench: BENCH, ok: true, seconds: null, error: null }].sort((a, b) =>
    a.bench.localeCompare(b.bench),
  ),
  figures: [...saved.figures.filter((f) => f.bench !== BENCH), ...figures.map((f) => ({ bench: BENCH, ...f }))].sort((a, b) =>
    a.bench.localeCompare(b.bench),
  ),
};
writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
console.log(`Merged into bench/results.json (bench "${BENCH}").`);
