// The settings window: the stored keys, the sign-ins read from the vendor tools, and preferences.
import type { QuotabarBridge } from '../../app/contract';
import { KEY_PROVIDERS } from '../../core/providers/registry';
import { LOST_SETTINGS_TEXT, useConnection } from '../state/connection';
import { useSettings } from '../state/settings';
import { useView } from '../state/view';
import { AccountsSection } from './AccountsSection';
import { KeySection } from './KeySection';
import { LocalApiSection } from './LocalApiSection';
import { PrefsSection } from './PrefsSection';
import { SignInsSection } from './SignInsSection';
import { StatusLineSection } from './StatusLineSection';
import { TraySection } from './TraySection';

export function SettingsApp({ bridge }: { bridge: QuotabarBridge }) {
  const view = useSettings((s) => s.view);
  const failure = useSettings((s) => s.failure);
  const lost = useConnection((s) => s.lost);
  const snapshots = useView((s) => s.view?.snapshots ?? null);
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
            providers={KEY_PROVIDERS}
            credentials={view.credentials}
            managementKeys={view.managementKeys ?? []}
            snapshots={snapshots ?? []}
            demo={view.demo}
            demoKeys={view.demoKeys ?? {}}
          />
          <SignInsSection credentials={view.credentials} snapshots={snapshots ?? []} />
          <StatusLineSection bridge={bridge} settings={view.settings} optInFromEnv={view.optInFromEnv ?? []} />
          <AccountsSection bridge={bridge} accounts={view.settings.accounts} demo={view.demo} demoKeys={view.demoKeys ?? {}} />
          <PrefsSection bridge={bridge} settings={view.settings} demo={view.demo} />
          <LocalApiSection bridge={bridge} settings={view.settings} status={view.localApi ?? null} />
          <TraySection bridge={bridge} settings={view.settings} snapshots={snapshots ?? []} />
        </>
      )}
    </div>
  );
}
