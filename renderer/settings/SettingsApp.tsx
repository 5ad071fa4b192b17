// The settings window: the stored key, the sign-ins read from the vendor tools, and preferences.
import type { QuotabarBridge } from '../../app/contract';
import { keyProvider } from '../../core/providers/registry';
import { LOST_SETTINGS_TEXT, useConnection } from '../state/connection';
import { useSettings } from '../state/settings';
import { useView } from '../state/view';
import { AccountsSection } from './AccountsSection';
import { KeySection } from './KeySection';
import { PrefsSection } from './PrefsSection';
import { SignInsSection } from './SignInsSection';
import { TraySection } from './TraySection';

export function SettingsApp({ bridge }: { bridge: QuotabarBridge }) {
  const view = useSettings((s) => s.view);
  const failure = useSettings((s) => s.failure);
  const lost = useConnection((s) => s.lost);
  const snapshots = useView((s) => s.view?.snapshots ?? null);
  const keyed = keyProvider();
  const keyStatus = view?.credentials.find((c) => c.providerId === keyed.id) ?? null;
  return (
    <div className="settings">
      <header className="settings-head">
        <h1>Settings</h1>
        {view?.demo && <span className="demo-tag">Demo data</span>}
      </header>
      {lost ? (
        <p className="banner" role="alert" data-testid="connection-lost">
          {LOST_SETTINGS_TEXT}
        </p>
      ) : (
        failure && (
          <p className="banner" role="alert">
            {failure}
          </p>
        )
      )}
      {view === null ? (
        <p className="muted loading">Loading settings…</p>
      ) : (
        <>
          <KeySection
            bridge={bridge}
            provider={keyed}
            status={keyStatus}
            snapshot={snapshots?.find((s) => s.providerId === keyed.id) ?? null}
            demo={view.demo}
            demoKey={view.demoKey ?? null}
          />
          <SignInsSection credentials={view.credentials} snapshots={snapshots ?? []} />
          <AccountsSection bridge={bridge} accounts={view.settings.accounts} demo={view.demo} demoKey={view.demoKey ?? null} />
          <PrefsSection bridge={bridge} settings={view.settings} demo={view.demo} />
          <TraySection bridge={bridge} settings={view.settings} snapshots={snapshots ?? []} />
        </>
      )}
    </div>
  );
}
