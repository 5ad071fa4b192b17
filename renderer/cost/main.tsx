// Cost entry: connect the stores, load the page and render.
import { mountWindow } from '../shared/mount';
import { loadCostPage } from '../state/cost';
import { CostApp } from './CostApp';
import '../shared/base.css';
import '../history/history.css';
import './cost.css';

mountWindow((bridge) => {
  void loadCostPage(bridge);
  return <CostApp bridge={bridge} />;
});
