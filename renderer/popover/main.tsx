// Popover entry: connect the stores to the bridge, start the clock, render.
import { createRoot } from 'react-dom/client';
import { getBridge, NO_BRIDGE_TEXT } from '../bridge';
import { startClock } from '../state/clock';
import { guardBridge, heartbeatFromUrl, watchConnection } from '../state/connection';
import { Words } from '../shared/Words';
import { connectSettings, reloadSettings } from '../state/settings';
import { connectView, reloadView } from '../state/view';
import { PopoverApp } from './PopoverApp';
import '../shared/base.css';
import './popover.css';

const root = createRoot(document.getElementById('root')!);
const raw = getBridge();
if (raw) {
  const bridge = guardBridge(raw);
  watchConnection(raw, {
    ...heartbeatFromUrl(location.hash),
    onBack: () => {
      void reloadView(bridge);
      void reloadSettings(bridge);
    },
  });
  connectView(bridge);
  connectSettings(bridge);
  startClock();
  root.render(<PopoverApp bridge={bridge} />);
} else {
  root.render(
    <p className="banner" role="alert">
      <Words text={NO_BRIDGE_TEXT} />
    </p>,
  );
}
