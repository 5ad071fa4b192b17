// Settings entry: connect the settings store to the bridge and render.
import { createRoot } from 'react-dom/client';
import { getBridge } from '../bridge';
import { connectSettings } from '../state/settings';
import { SettingsApp } from './SettingsApp';
import '../shared/base.css';
import './settings.css';

const root = createRoot(document.getElementById('root')!);
const bridge = getBridge();
if (bridge) {
  connectSettings(bridge);
  root.render(<SettingsApp bridge={bridge} />);
} else {
  root.render(<p className="banner">Open this page from Quotabar (or `npm run preview`).</p>);
}
