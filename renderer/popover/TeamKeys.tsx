// The team view under an account's meters: one compact, read-only row per key of the account.
import type { TeamKeyRowView } from '../view-model/team-keys';

export function TeamKeys({ rows, accountName }: { rows: TeamKeyRowView[]; accountName: string }) {
  return (
    <section className="team-keys" aria-label={`${accountName} team keys`} data-testid="team-keys">
      <h3 className="team-keys-title">Team keys</h3>
      <ul>
        {rows.map((r) => (
          <li key={r.id} className={`team-key level-${r.level}${r.disabled ? ' is-disabled' : ''}`} data-key={r.id}>
            {/* The masked key is a tooltip: the row stays one line in a tray-sized popover. */}
            <span className="team-key-name" title={r.keyLabel ?? undefined}>
              {r.name}
              {r.disabled && <span className="team-key-tag">disabled</span>}
            </span>
            <span className="team-key-amount">{r.amount}</span>
            <span className={r.reset.startsWith('resets') ? 'team-key-reset countdown' : 'team-key-reset'}>{r.reset}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
