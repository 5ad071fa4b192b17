// History entry: connect the stores, load the first range and render.
import { mountWindow } from '../shared/mount';
import { loadHistory } from '../state/history';
import { HistoryApp } from './HistoryApp';
import '../shared/base.css';
import './history.css';

mountWindow((bridge) => {
  void loadHistory(bridge);
  return <HistoryApp bridge={bridge} />;
});
