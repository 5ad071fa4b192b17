// One window: label and headline, a bar coloured by level, its sparkline, the countdown and the amounts, and its pace.
import type { Sparkline as Line } from '../../app/contract';
import type { WindowView } from '../view-model/window-view';
import { Sparkline } from './Sparkline';

export function WindowMeter({ w, providerName, spark }: { w: WindowView; providerName: string; spark?: Line }) {
  const d = w.display;
  return (
    <li className={`meter level-${w.level}`} data-window={w.id}>
      <div className="meter-head">
        <span className="meter-label">{w.label}</span>
        <span className={`meter-value mode-${d.mode}`}>{d.headline}</span>
      </div>
      {d.mode === 'percent' && (
        <div
          className="bar"
          role="progressbar"
          aria-label={`${providerName} ${w.label}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(d.fill)}
          aria-valuetext={d.headline}
        >
          <div className="bar-fill" style={{ width: `${d.fill}%` }} />
        </div>
      )}
      <Sparkline line={spark} label={`${providerName} ${w.label}`} />
      {(w.countdown || w.detail) && (
        <div className="meter-foot">
          {w.countdown && <span className="countdown">{w.countdown}</span>}
          {w.detail && <span className="amounts">{w.detail}</span>}
        </div>
      )}
      {w.pace && <div className="pace">{w.pace}</div>}
    </li>
  );
}
