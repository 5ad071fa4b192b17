// The API keys Quotabar stores, one per key provider in the registry. With one key provider its form
// is the panel; with several, each is a compact row (name, state, masked label) that opens to its form,
// so five providers stay one short list. A provider that takes a management key gets a second row for it.
import { useState } from 'react';
import type { ProviderSnapshot } from '../../core/model';
import type { CredentialStatus, ManagementKeyStatus, QuotabarBridge } from '../../app/contract';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import type { KeyProviderId } from '../../core/providers/registry';
import { credentialView, type CredentialView } from '../view-model/credentials';
import { KeyForm } from './KeyForm';
import { ManagementKeyRow } from './ManagementKeyRow';

interface Props {
  bridge: QuotabarBridge;
  /** The registry's key providers, in display order. */
  providers: readonly (ProviderDescriptor & { id: KeyProviderId })[];
  credentials: readonly CredentialStatus[];
  /** Where each management key is set (providers whose descriptor has `credentials.managementKey`). */
  managementKeys: readonly ManagementKeyStatus[];
  snapshots: readonly ProviderSnapshot[];
  demo: boolean;
  /** Per provider id, the key the demo server accepts (demo mode only). */
  demoKeys: Partial<Record<string, string>>;
}

export function KeySection({ bridge, providers, credentials, managementKeys, snapshots, demo, demoKeys }: Props) {
  const rows = providers.map((p) => {
    const status = credentials.find((c) => c.providerId === p.id) ?? null;
    const fromEnv = status?.origin === 'env';
    return {
      provider: p,
      view: status ? credentialView(status, snapshots.find((s) => s.providerId === p.id) ?? null, { demo }) : null,
      fromEnv,
      stored: status?.configured === true && !fromEnv,
      demo,
      demoKey: demoKeys[p.id] ?? null,
    };
  });
  // The implicit account's snapshot: a management key belongs to it alone.
  const management = (p: (typeof providers)[number]) =>
    p.credentials.managementKey ? (
      <ManagementKeyRow
        key={`${p.id}-management`}
        bridge={bridge}
        provider={p}
        status={managementKeys.find((m) => m.providerId === p.id) ?? null}
        snapshot={snapshots.find((s) => s.providerId === p.id && !s.accountLabel) ?? null}
        demo={demo}
      />
    ) : null;
  const only = rows.length === 1 ? rows[0]! : null;
  if (only) {
    return (
      <section className="panel" aria-labelledby="key-title" data-key-provider={only.provider.id}>
        <h2 id="key-title">{only.provider.displayName} key</h2>
        <StatusLine view={only.view} />
        <KeyForm bridge={bridge} {...only} />
        {only.provider.credentials.managementKey && <ul className="key-rows">{management(only.provider)}</ul>}
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="key-title">
      <h2 id="key-title">API keys</h2>
      <p className="hint">
        {demo ? 'In demo mode keys are checked by a local demo server and kept for this session only.' : 'Each key is checked with its provider, then kept in the system keychain.'}
      </p>
      <ul className="key-rows">
        {rows.flatMap((r) => [<KeyRow key={r.provider.id} bridge={bridge} {...r} />, management(r.provider)])}
      </ul>
    </section>
  );
}

function StatusLine({ view }: { view: CredentialView | null }) {
  return (
    <p className={`status-line state-${view?.state ?? 'missing'}`} data-testid="key-status">
      <span className="dot" aria-hidden="true" />
      {view ? (view.state === 'missing' ? 'No key saved.' : view.text) : 'Checking…'}
    </p>
  );
}

/** One key provider: its name and state, and a button that shows or hides its form. */
function KeyRow(props: Parameters<typeof KeyForm>[0]) {
  const { provider, view, stored, fromEnv } = props;
  const [open, setOpen] = useState(false);
  const titleId = `${provider.id}-key-title`;
  const bodyId = `${provider.id}-key-body`;
  const closed = fromEnv ? 'Details' : stored || view?.state === 'invalid' || view?.state === 'expired' ? 'Manage' : 'Add key';
  return (
    <li className="key-row" data-key-provider={provider.id}>
      <div role="group" aria-labelledby={titleId}>
      <div className="key-row-head">
        <h3 id={titleId}>{provider.displayName}</h3>
        <StatusLine view={view} />
        <button type="button" className="secondary key-toggle" aria-expanded={open} aria-controls={bodyId} aria-describedby={titleId} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : closed}
        </button>
      </div>
      <div id={bodyId} className="key-row-body" hidden={!open}>
        {open && <KeyForm {...props} />}
      </div>
      </div>
    </li>
  );
}
