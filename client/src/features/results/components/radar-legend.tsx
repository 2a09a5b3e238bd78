import type { RadarPoint } from '../lib/radar-data';

/** The numbered legend shown under the radar on narrow screens, where labels become numbers. */
export function RadarLegend({ points }: { points: RadarPoint[] }) {
  return (
    <ol className="radar-legend" aria-label="Domains on the chart">
      {points.map((p) => (
        <li key={p.id} className={p.priority ? 'radar-legend__priority' : undefined}>
          <span className="radar-legend__num">{p.index}</span> {p.name}
        </li>
      ))}
    </ol>
  );
}
