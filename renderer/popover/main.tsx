// Popover entry: connect the stores to the bridge, start the clock, render.
import { createRoot } from 'react-dom/client';
import { getBridge } from '../bridge';
import { startClock } from '../state/clock';
import { connectSettings } from '../state/settings';
import { connectView } from '../state/view';
import { PopoverApp } from './PopoverApp';
import '../shared/base.css';
import './popover.css';

const root = createRoot(document.getElementById('root')!);
const bridge = getBridge();
if (bridge) {
  connectView(bridge);
  connectSettings(bridge);
  startClock();
  root.render(<PopoverApp bridge={bridge} />);
} else {
  root.render(<p className="banner">Open this page from Quotabar (or `npm run preview`).</p>);
}
