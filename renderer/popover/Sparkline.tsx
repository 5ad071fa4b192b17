// A window's used % over its current period, as a thin inline SVG line under its meter (no chart library:
// the popover bundle stays small). Nothing is drawn with fewer than two readings.
import { sparkArea, sparkPath, type Sparkline as Line } from '../../core/sparkline';

const W = 280;
const H = 26;

export function Sparkline({ line, label }: { line: Line | undefined; label: string }) {
  const d = line ? sparkPath(line, W, H) : null;
  if (!line || !d) return null;
  const first = Math.round(line.points[0]!.usedPercent);
  const last = Math.round(line.points[line.points.length - 1]!.usedPercent);
  return (
    <svg
      className="spark"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${label} this period: ${first} % to ${last} % used, ${line.points.length} readings`}
      data-testid="sparkline"
    >
      {/* The period's full width: where the line stops is now, the right edge the reset. */}
      <line className="spark-axis" x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} vectorEffect="non-scaling-stroke" />
      <path className="spark-area" d={sparkArea(d, H)} />
      <path className="spark-line" d={d} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
