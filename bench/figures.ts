// What a benchmark reports: named figures with a unit and a target, printed for people and, as the
// last line, as `RESULT {json}` for bench/run-all.ts.

export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** Human form of the target, e.g. '≤ 1.05' or '= 1'; null when the figure has none. */
  target: string | null;
  /** Whether the value meets the target; null when there is no target. */
  met: boolean | null;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export function atMost(figure: string, value: number, unit: string, max: number): Figure {
  return { figure, value: round(value), unit, target: `≤ ${max}`, met: value <= max };
}

export function exactly(figure: string, value: number, unit: string, want: number): Figure {
  return { figure, value: round(value), unit, target: `= ${want}`, met: value === want };
}

export function info(figure: string, value: number, unit: string): Figure {
  return { figure, value: round(value), unit, target: null, met: null };
}

/** Prints the figures as aligned lines, then the RESULT line (always last). */
export function report(figures: Figure[], extra: Record<string, unknown> = {}): void {
  const width = Math.max(...figures.map((f) => f.figure.length));
  for (const f of figures) {
    const verdict = f.met === null ? '' : f.met ? '  (target met)' : '  (TARGET MISSED)';
    const target = f.target ? `  target ${f.target}` : '';
    console.log(`${f.figure.padEnd(width)}  ${String(f.value).padStart(10)} ${f.unit}${target}${verdict}`);
  }
  console.log(`RESULT ${JSON.stringify({ figures, ...extra })}`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
