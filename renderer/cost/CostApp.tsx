// The Cost window: the last 30 days from the agents' own logs, as a chart of dollars per day and
// tables by day, model and project, with exports identical to `quotabar cost --json` (or CSV).
import type { QuotabarBridge } from '../../app/contract';
import type { CostPage, CostRow } from '../../app/contract';
import { compact, shortUsd } from '../../core/cost/format';
import { COST_LOGS, descriptorOf, listText } from '../../core/providers/registry';
import { download } from '../shared/download';
import { ExportButtons, ExportNotices } from '../shared/ExportBar';
import { useConnection } from '../state/connection';
import { exportCost, useCost } from '../state/cost';
import { CostChart } from './CostChart';
import { CostTable } from './CostTable';

const sourceName = (id: string) => descriptorOf(id)?.displayName ?? id;

function Rows({ title, rows, testId }: { title: string; rows: CostRow[]; testId: string }) {
  return (
    <section className="history-window" data-testid={testId}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">Nothing in these 30 days.</p>
      ) : (
        <CostTable
          heads={['Name', 'Source']}
          firstClass="name"
          rows={rows.map((r) => ({ key: `${r.source}/${r.name}`, first: r.name, second: sourceName(r.source), totals: r }))}
        />
      )}
    </section>
  );
}

function Days({ page }: { page: CostPage }) {
  const used = page.days.filter((d) => d.total.totalTokens > 0).reverse();
  return (
    <section className="history-window" data-testid="cost-days">
      <h2>By day</h2>
      <CostTable
        heads={['Date', 'Sources']}
        rows={used.map((d) => ({ key: d.date, first: d.date, second: Object.keys(d.bySource).map(sourceName).join(', '), totals: d.total }))}
      />
    </section>
  );
}

export function CostApp({ bridge }: { bridge: QuotabarBridge }) {
  const { page, failure, note } = useCost();
  const lost = useConnection((s) => s.lost);
  return (
    <div className="history cost">
      <header className="history-head">
        <h1>Cost</h1>
        {page && <span className="muted">{`${page.from} to ${page.today}, from the agents' own logs`}</span>}
      </header>
      <div className="history-bar">
        <p className="cost-total" data-testid="cost-total">
          {page && !page.problem ? `${shortUsd(page.totals)} · ${compact(page.totals.totalTokens)} tokens` : ''}
        </p>
        <ExportButtons onExport={(format) => void exportCost(bridge, format, download)} />
      </div>
      <ExportNotices note={note} lost={lost} lostText="The figures come back when it does." failure={failure} />
      {page === null ? (
        <p className="muted loading">Reading the logs…</p>
      ) : page.problem ? (
        <p className="muted">{page.problem}</p>
      ) : page.totals.totalTokens === 0 ? (
        <p className="muted" data-testid="cost-empty">
          {`No usage in the last 30 days in the logs ${listText(COST_LOGS.map((k) => sourceName(k.source)), 'and')} keep on this machine.`}
        </p>
      ) : (
        <>
          {page.unknownModels.length > 0 && (
            <p className="muted" data-testid="cost-unknown">{`No price known for ${page.unknownModels.join(', ')}: their tokens are counted, their cost shown as “?”.`}</p>
          )}
          <section className="history-window">
            <h2>Dollars per day</h2>
            <CostChart days={page.days} />
          </section>
          <Days page={page} />
          <Rows title="By model" rows={page.models} testId="cost-models" />
          <Rows title="By project" rows={page.projects} testId="cost-projects" />
        </>
      )}
    </div>
  );
}
