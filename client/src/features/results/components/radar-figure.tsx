import type { ReactNode, RefObject } from 'react';
import type { RadarGeometry, RadarLayout } from '../lib/radar-data';
import { RadarChart } from './radar-chart';
import { RadarLegend } from './radar-legend';

/**
 * The radar in its card: the canvas the width is measured on, an optional caption, and the
 * numbered legend when the chart is too narrow for names (results page and the landing's sample).
 */
export function RadarFigure({
  canvasRef,
  geometry,
  labels,
  title,
  children,
}: {
  canvasRef: RefObject<HTMLDivElement | null>;
  geometry: RadarGeometry;
  labels: RadarLayout['labels'];
  title: string;
  /** A caption under the chart. */
  children?: ReactNode;
}) {
  return (
    <figure className="card radar-figure">
      <div ref={canvasRef} className="radar-figure__canvas">
        <RadarChart geometry={geometry} labels={labels} title={title} />
      </div>
      {children}
      {labels === 'numbers' ? <RadarLegend points={geometry.points} /> : null}
    </figure>
  );
}
