// Extra accounts per provider (a second stored key, another sign-in folder of a vendor tool): the list
// with enable, reorder, test and remove, and a form to add one. Main does every check and answers in
// words (app/account-manager.ts); keys only ever travel from the form to main, never back.
import { useEffect, useRef, useState } from 'react';
import type { AccountSetting } from '../../core/accounts';
import type { AccountResult, QuotabarBridge } from '../../app/contract';
import { descriptorOf, PROVIDERS } from '../../core/providers/registry';
import { callFailure } from '../bridge';
import { Words } from '../shared/Words';

interface Props {
  bridge: QuotabarBridge;
  accounts: readonly AccountSetting[];
  /** Demo mode: keys are checked by the local demo server and kept in memory only. */
  demo: boolean;
  /** Per key provider id, the key the demo server accepts (shown in that provider's key form). */
  demoKeys: Partial<Record<string, string>>;
}

const isKeyed = (providerId: string) => descriptorOf(providerId)?.credentials.keychainAccount !== undefined;
const rowId = (a: { providerId: string; label: string }, what: string) => `account-${a.providerId}-${a.label.replace(/\W/g, '_')}-${what}`;

export function AccountsSection({ bridge, accounts, demo, demoKeys }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<AccountResult | null>(null);
  const [providerId, setProviderId] = useState<string>(PROVIDERS[0].id);
  const [label, setLabel] = useState('');
  const [secret, setSecret] = useState('');
  const [renaming, setRenaming] = useState<{ providerId: string; label: string; draft: string } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // Where focus goes once the outcome is on screen: after React's commit, not on a frame callback,
  // which a page in the background may not get for a while.
  const [focusRequest, setFocusRequest] = useState<{ target: string } | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const el = document.getElementById(focusRequest.target);
    if (el?.isConnected) el.focus();
    else messageRef.current?.focus();
  }, [focusRequest]);
  const keyed = isKeyed(providerId);
  const descriptor = descriptorOf(providerId);

  // One call at a time; controls stay focusable (aria-disabled) while it runs, so focus is never lost.
  const run = async (what: string, call: () => Promise<AccountResult>, focusAfter?: string): Promise<AccountResult | null> => {
    if (busy) return null;
    setBusy(what);
    setResult(null);
    let r: AccountResult;
    try {
      r = await call();
    } catch (e) {
      r = { ok: false, message: callFailure(e) };
    }
    setBusy(null);
    setResult(r);
    // A removed row takes its buttons with it: focus goes to the outcome rather than to <body>.
    if (focusAfter) setFocusRequest({ target: focusAfter });
    return r;
  };

  const candidate = () => ({ providerId, label: label.trim(), ...(keyed ? { key: secret.trim(), dir: null } : { key: null, dir: secret.trim() }) });
  const add = async () => {
    const r = await run('add', () => bridge.invoke('account:add', candidate()));
    if (r?.ok) {
      setLabel('');
      setSecret('');
    }
  };

  const rename = async () => {
    if (!renaming) return;
    const { providerId: id, label: old, draft } = renaming;
    const next = draft.trim();
    const r = await run('rename', () => bridge.invoke('account:update', { providerId: id, label: old, enabled: null, newLabel: next }), rowId({ providerId: id, label: next }, 'rename'));
    if (r?.ok) setRenaming(null);
  };

  const groups = PROVIDERS.map((p) => ({ p, rows: accounts.filter((a) => a.providerId === p.id) })).filter((g) => g.rows.length > 0);

  return (
    <section className="panel" aria-labelledby="accounts-title">
      <h2 id="accounts-title">Accounts</h2>
      <p className="hint">Each provider’s default sign-in or key is its first account. Add more to see each as its own card.</p>
      {groups.length === 0 ? (
        <p className="muted accounts-empty" data-testid="no-accounts">
          No other accounts yet.
        </p>
      ) : (
        groups.map(({ p, rows }) => (
          <div key={p.id} className="account-group">
            <h3>{p.displayName}</h3>
            <ul className="accounts" aria-label={`${p.displayName} accounts`}>
              {rows.map((a, i) => (
                <li key={a.label} data-testid="account-row" data-provider={a.providerId} data-label={a.label}>
                  {renaming?.providerId === a.providerId && renaming.label === a.label ? (
                    <form
                      className="account-rename"
                      noValidate
                      onSubmit={(e) => {
                        e.preventDefault();
                        void rename();
                      }}
                    >
                      <input
                        type="text"
                        aria-label={`New label for ${a.label}`}
                        autoFocus
                        value={renaming.draft}
                        readOnly={busy !== null}
                        onChange={(e) => setRenaming({ ...renaming, draft: e.target.value })}
                        onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                      />
                      <button type="submit" className="secondary" aria-disabled={busy !== null}>
                        Save label
                      </button>
                      <button type="button" className="secondary" onClick={() => setRenaming(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                  <label className="check">
                    <input
                      id={rowId(a, 'enabled')}
                      type="checkbox"
                      checked={a.enabled}
                      aria-disabled={busy !== null}
                      onChange={() => void run('update', () => bridge.invoke('account:update', { providerId: a.providerId, label: a.label, enabled: !a.enabled, newLabel: null }), rowId(a, 'enabled'))}
                    />
                    {a.label}
                  </label>
                  )}
                  <span className="account-where hint">
                    {a.dir ?? (demo ? 'key kept for this session only' : `key in the keychain as ${descriptorOf(a.providerId)?.credentials.keychainAccount ?? a.providerId}:${a.label}`)}
                  </span>
                  <span className="account-actions">
                    {(['up', 'down'] as const).map((direction) => {
                      const edge = direction === 'up' ? i === 0 : i === rows.length - 1;
                      return (
                        <button
                          key={direction}
                          id={rowId(a, direction)}
                          type="button"
                          className="secondary"
                          aria-label={`Move ${a.label} ${direction}`}
                          aria-disabled={busy !== null || edge}
                          onClick={() => !edge && void run('move', () => bridge.invoke('account:move', { providerId: a.providerId, label: a.label, direction }), rowId(a, direction))}
                        >
                          {direction === 'up' ? '↑' : '↓'}
                        </button>
                      );
                    })}
                    <button
                      id={rowId(a, 'rename')}
                      type="button"
                      className="secondary"
                      aria-label={`Rename ${a.label}`}
                      aria-disabled={busy !== null}
                      onClick={() => busy === null && setRenaming({ providerId: a.providerId, label: a.label, draft: a.label })}
                    >
                      Rename
                    </button>
                    <button
                      id={rowId(a, 'test')}
                      type="button"
                      className="secondary"
                      aria-label={`Test ${a.label}`}
                      aria-disabled={busy !== null}
                      onClick={() => void run('test', () => bridge.invoke('account:test', { providerId: a.providerId, label: a.label, key: null, dir: null }), rowId(a, 'test'))}
                    >
                      Test
                    </button>
                    <button
                      type="button"
                      className="secondary danger"
                      aria-label={`Remove ${a.label}`}
                      aria-disabled={busy !== null}
                      onClick={() => void run('remove', () => bridge.invoke('account:remove', { providerId: a.providerId, label: a.label }), 'none')}
                    >
                      Remove
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}

      <form
        className="key-form account-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h3>Add an account</h3>
        <div className="field">
          <label htmlFor="account-provider">Provider</label>
          <select id="account-provider" value={providerId} onChange={(e) => (setProviderId(e.target.value), setSecret(''))}>
            {PROVIDERS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="account-label">Label</label>
          <input id="account-label" type="text" autoComplete="off" placeholder="work" value={label} readOnly={busy !== null} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="account-secret">{keyed ? 'Key' : 'Folder'}</label>
          <input
            id="account-secret"
            type={keyed ? 'password' : 'text'}
            autoComplete="off"
            spellCheck={false}
            placeholder={keyed ? descriptor?.words.key?.placeholderHint : '/full/path/to/folder'}
            value={secret}
            readOnly={busy !== null}
            aria-describedby="account-help"
            onChange={(e) => setSecret(e.target.value)}
          />
        </div>
        <p id="account-help" className="hint">
          {keyed
            ? demo
              ? `In demo mode the key is checked by the demo server and kept for this session only.${demoKeys[providerId] ? ` The key it accepts is shown with the ${descriptor?.displayName ?? providerId} key above.` : ''}`
              : `It is checked with ${descriptor?.displayName ?? providerId}, then kept in the system keychain under its own entry.`
            : `The folder this account’s ${descriptor?.words.signInWith ?? descriptor?.displayName ?? providerId} sign-in lives in${descriptor?.credentials.dir ? ` (what ${descriptor.credentials.dir.env} names)` : ''}.`}
        </p>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={busy !== null}>
            {busy === 'add' ? 'Checking…' : 'Add account'}
          </button>
          <button type="button" className="secondary" aria-disabled={busy !== null} onClick={() => void run('test', () => bridge.invoke('account:test', candidate()))}>
            {busy === 'test' ? 'Testing…' : 'Test account'}
          </button>
        </div>
      </form>
      <p
        className={`message ${result ? (result.ok ? 'message-success' : 'message-error') : ''}`}
        role={result && !result.ok ? 'alert' : 'status'}
        data-testid="account-message"
        ref={messageRef}
        tabIndex={-1}
      >
        <Words text={result?.message ?? ''} />
      </p>
    </section>
  );
}
