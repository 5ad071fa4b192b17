// Settings entry: connect the settings store to the bridge and render.
import { createRoot } from 'react-dom/client';
import { getBridge, NO_BRIDGE_TEXT } from '../bridge';
import { guardBridge, heartbeatFromUrl, watchConnection } from '../state/connection';
import { Words } from '../shared/Words';
import { connectSettings, reloadSettings } from '../state/settings';
import { connectView, reloadView } from '../state/view';
import { SettingsApp } from './SettingsApp';
import '../shared/base.css';
import './settings.css';

const root = createRoot(document.getElementById('root')!);
const raw = getBridge();
if (raw) {
  const bridge = guardBridge(raw);
  watchConnection(raw, {
    ...heartbeatFromUrl(location.hash),
    onBack: () => {
      void reloadSettings(bridge);
      void reloadView(bridge);
    },
  });
  connectSettings(bridge);
  // The providers' last answers: a sign-in the provider refused is shown as such here too.
  connectView(bridge);
  root.render(<SettingsApp bridge={bridge} />);
} else {
  root.render(
    <p className="banner" role="alert">
      <Words text={NO_BRIDGE_TEXT} />
    </p>,
  );
}
