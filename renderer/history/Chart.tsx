// One window's used % over time, drawn by uPlot (only this page imports it: the popover stays small).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 180;

/** The page's own colours (base.css), so the chart follows light and dark mode. */
function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function options(width: number, title: string): uPlot.Options {
  const muted = cssVar('--muted', '#6b6b76');
  const grid = cssVar('--border', 'rgba(20,20,40,0.09)');
  const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width,
    height: HEIGHT,
    title: undefined,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: [0, 100] } },
    axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((t) => `${t} %`), size: 52 }],
    series: [{}, { label: title, stroke: cssVar('--accent', '#4f5bd5'), width: 2, fill: 'rgba(79, 91, 213, 0.12)', points: { show: false } }],
  };
}

export function Chart({ points, title }: { points: Array<{ at: number; usedPercent: number }>; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // uPlot's x axis is in seconds.
    const data: uPlot.AlignedData = [points.map((p) => p.at / 1000), points.map((p) => p.usedPercent)];
    const plot = new uPlot(options(Math.max(240, el.clientWidth), title), data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(240, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [points, title]);
  return <div className="chart" ref={box} role="img" aria-label={`${title}: used % over time`} />;
}
