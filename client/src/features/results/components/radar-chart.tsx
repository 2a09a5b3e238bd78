import { useId } from 'react';
import { describeRadar, type RadarGeometry, wrapLabel } from '../lib/radar-data';

/** The radar as accessible SVG: role="img" with a title and a text summary; the table carries the data. */
export function RadarChart({ geometry, title }: { geometry: RadarGeometry; title: string }) {
  const id = useId();
  const { size, center, points, rings } = geometry;
  return (
    <svg
      className="radar"
      viewBox={`0 0 ${size.width} ${size.height}`}
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
        {rings.map((r) => (
          <text
            key={r.level}
            x={center.x + 3}
            y={center.y - (r.level / 100) * geometry.radius - 2}
            className="radar__tick"
          >
            {r.level}
          </text>
        ))}
      </g>
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
        {points.map((p) => {
          const lines = wrapLabel(p.name);
          const dy = p.labelY < center.y - 10 ? -(lines.length - 1) * 16 : 5;
          return (
            <text
              key={p.id}
              x={p.labelX}
              y={p.labelY + dy}
              textAnchor={p.anchor}
              className={`radar__label${p.priority ? ' radar__label--priority' : ''}`}
            >
              <tspan className="radar__num">{p.index}</tspan>
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
