// Dollars per day over the 30 days as bars, drawn by uPlot (only this window and History import it).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { CostDayView } from '../../app/contract';

const HEIGHT = 200;
const DAY_S = 86_400;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function options(width: number): uPlot.Options {
  const muted = cssVar('--muted', '#6b6b76');
  const grid = cssVar('--border', 'rgba(20,20,40,0.09)');
  const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const accent = cssVar('--accent', '#4f5bd5');
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    // Dates are local calendar days: drawn at UTC midnight and labelled in UTC, so no zone shifts them.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true, range: (_u, min, max) => [min - DAY_S / 2, max + DAY_S / 2] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((t) => `$${t}`), size: 56 }],
    series: [{}, { label: 'Dollars', stroke: accent, fill: accent, width: 0, paths: uPlot.paths.bars!({ size: [0.7, 24] }), points: { show: false } }],
  };
}

/** Bars of each day's dollars (the parts with a known price). */
export function CostChart({ days }: { days: CostDayView[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [days.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000 + DAY_S / 2), days.map((d) => d.total.pricedCostUsd)];
    const plot = new uPlot(options(Math.max(240, el.clientWidth)), data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(240, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [days]);
  const first = days[0]?.date ?? '';
  const last = days[days.length - 1]?.date ?? '';
  return <div className="chart" ref={box} role="img" aria-label={`Dollars per day from ${first} to ${last}`} />;
}
