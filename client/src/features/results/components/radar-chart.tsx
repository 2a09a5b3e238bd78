import { useId } from 'react';
import { describeRadar, type RadarGeometry, wrapLabel } from '../lib/radar-data';

type RadarChartProps = {
  geometry: RadarGeometry;
  title: string;
  /** Names beside the axes (wide), or numbers on the axes with a legend outside the chart (narrow). */
  labels?: 'names' | 'numbers';
};

/**
 * The radar as accessible SVG: role="img" with a title and a text summary; the table carries the
 * data. The geometry is drawn at the size it is shown, so stylesheet font sizes are real pixels.
 */
export function RadarChart({ geometry, title, labels = 'names' }: RadarChartProps) {
  const id = useId();
  const { size, center, points, rings, ticks } = geometry;
  return (
    <svg
      className={`radar radar--${labels}`}
      viewBox={`0 0 ${size.width} ${size.height}`}
      width={size.width}
      height={size.height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid="radar-chart"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{describeRadar(points)}</desc>
      <g className="radar__grid">
        {rings.map((r) => (
          <polygon key={r.level} points={r.points} />
        ))}
        {points.map((p) => (
          <line key={p.id} x1={center.x} y1={center.y} x2={p.axisX} y2={p.axisY} />
        ))}
      </g>
      {geometry.previousPolygon ? (
        <polygon className="radar__previous" points={geometry.previousPolygon} />
      ) : null}
      <polygon className="radar__area" points={geometry.polygon} />
      <g>
        {points.map((p) =>
          p.priority ? (
            <rect
              key={p.id}
              className="radar__point radar__point--priority"
              x={p.x - 7}
              y={p.y - 7}
              width={14}
              height={14}
              transform={`rotate(45 ${p.x} ${p.y})`}
            />
          ) : (
            <circle key={p.id} className="radar__point" cx={p.x} cy={p.y} r={5.5} />
          ),
        )}
      </g>
      <g className="radar__ticks">
        {ticks.map((t) => (
          <text key={t.level} x={t.x} y={t.y} dy="0.35em" textAnchor="middle" className="radar__tick">
            {t.level}
          </text>
        ))}
      </g>
      <g>
        {points.map((p) => {
          const cls = `radar__label${p.priority ? ' radar__label--priority' : ''}`;
          if (labels === 'numbers') {
            return (
              <text key={p.id} x={p.labelX} y={p.labelY} dy="0.35em" textAnchor={p.anchor} className={cls}>
                {p.index}
              </text>
            );
          }
          const lines = wrapLabel(p.name);
          const dy = p.labelY < center.y - 10 ? -(lines.length - 1) * 16 : 5;
          return (
            <text key={p.id} x={p.labelX} y={p.labelY + dy} textAnchor={p.anchor} className={cls}>
              {lines.map((line, i) => (
                <tspan key={line} className="radar__name" x={p.labelX} dy={i === 0 ? 0 : 16}>
                  {i === 0 ? `${p.index}. ` : ''}
                  {line}
                </tspan>
              ))}
            </text>
          );
        })}
      </g>
    </svg>
  );
}
