// One table of the Cost window: two naming columns (name and source, or date and sources) followed
// by the same four figures (input, output, cache, cost) on every row.
import type { ReactNode } from 'react';
import { compact, shortUsd } from '../../core/cost/format';
import type { CostTotals } from '../../core/cost/ledger';

const FIGURES = ['Input', 'Output', 'Cache', 'Cost'];

export interface CostTableRow {
  key: string;
  /** The two naming cells, as shown. */
  first: ReactNode;
  second: ReactNode;
  totals: CostTotals;
}

export function CostTable({ heads, rows, firstClass }: { heads: [string, string]; rows: CostTableRow[]; firstClass?: string }) {
  return (
    <table className="cost-table">
      <thead>
        <tr>
          <th>{heads[0]}</th>
          <th>{heads[1]}</th>
          {FIGURES.map((h) => (
            <th key={h} className="num">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td className={firstClass}>{r.first}</td>
            <td>{r.second}</td>
            <td className="num">{compact(r.totals.inputTokens)}</td>
            <td className="num">{compact(r.totals.outputTokens)}</td>
            <td className="num">{compact(r.totals.cacheCreationTokens + r.totals.cacheReadTokens)}</td>
            <td className="num">{shortUsd(r.totals)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
