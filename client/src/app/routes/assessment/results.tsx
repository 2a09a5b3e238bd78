import { useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeading } from '../../../components/page-heading';
import { Skeleton } from '../../../components/skeleton';
import { useWorkspace } from '../../../features/assessments/lib/workspace-context';
import { useAuth } from '../../../features/auth/lib/auth-context';
import { useResults } from '../../../features/results/api/get-results';
import { DomainReadings } from '../../../features/results/components/domain-readings';
import { OverallSummary } from '../../../features/results/components/overall-summary';
import { RadarFigure } from '../../../features/results/components/radar-figure';
import { Recommendations } from '../../../features/results/components/recommendations';
import { ScoresTable } from '../../../features/results/components/scores-table';
import { radarGeometry, radarLayout } from '../../../features/results/lib/radar-data';
import { useElementWidth } from '../../../features/results/lib/use-element-width';
import { formatDate } from '../../../lib/format';

/** Results worth acting on: headline, radar, next steps, scores with bands and change; printable for a board. */
export function ResultsRoute() {
  const ws = useWorkspace();
  const { user } = useAuth();
  const triage = ws.triageResults;
  const results = useResults(ws.assessmentId, ws.submittedAt);
  const figure = useRef<HTMLDivElement>(null);
  const layout = radarLayout(useElementWidth(figure, 800));
  const data = results.data;
  const geometry = useMemo(() => {
    if (!triage) return null;
    const previous = data?.domains.flatMap((d) =>
      d.previousScore === null ? [] : [{ domainId: d.domainId, score: d.previousScore }],
    );
    return radarGeometry(ws.questionnaire.domains, triage.domainScores, triage.priorityDomains, {
      width: layout.width,
      height: layout.height,
      radius: layout.radius,
      labelGap: layout.labels === 'names' ? 18 : 16,
      previous,
    });
  }, [triage, ws.questionnaire.domains, layout.width, layout.height, layout.radius, layout.labels, data]);
  const details = useMemo(
    () => (data ? new Map(data.domains.map((d) => [d.domainId, d])) : undefined),
    [data],
  );

  if (!triage || !geometry) {
    return (
      <section>
        <PageHeading title="Results" />
        <p>Results appear once the assessment is submitted.</p>
        <Link className="button" to={`/assessments/${ws.assessmentId}/review`}>
          Review and submit
        </Link>
      </section>
    );
  }
  const priority = geometry.points.filter((p) => p.priority);
  const compared = Boolean(data?.previous);
  return (
    <section className="results">
      <p className="print-only print-brand">ScaleMap · Scale-readiness report</p>
      <div className="page-head">
        <div>
          <PageHeading title="Your scale-readiness results" />
          <p className="muted">
            {[
              user?.companyName,
              data?.name ?? ws.name,
              ws.submittedAt ? `Submitted ${formatDate(ws.submittedAt)}` : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      {results.error ? (
        <ErrorAlert
          error={results.error}
          title="Bands, readings and next steps could not be loaded"
          onRetry={results.reload}
        />
      ) : null}
      <div className="results__summary">
        {data ? (
          <OverallSummary results={data} bands={ws.questionnaire.bands ?? []} />
        ) : results.loading ? (
          <Skeleton label="Loading your readings…" variant="form" />
        ) : null}
        <div className="card priority-callout">
          <h2>Fix these first</h2>
          {priority.length ? (
            <ol>
              {priority.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong>
                  {p.score !== null ? <span className="muted"> · score {Math.round(p.score)}</span> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p>No domain stands out as a priority. Keep improving the lowest scores.</p>
          )}
        </div>
      </div>
      <RadarFigure
        canvasRef={figure}
        geometry={geometry}
        labels={layout.labels}
        title="Scale-readiness score by domain, out of 100"
      >
        <figcaption className="legend">
          <span>
            <span className="legend__swatch legend__swatch--score" aria-hidden="true" /> Score (outer ring =
            100)
          </span>
          <span>
            <span className="legend__swatch legend__swatch--priority" aria-hidden="true" /> Priority domain
          </span>
          {geometry.previousPolygon ? (
            <span>
              <span className="legend__swatch legend__swatch--previous" aria-hidden="true" /> Previous
              assessment
            </span>
          ) : null}
        </figcaption>
      </RadarFigure>
      {data ? <Recommendations items={data.recommendations} /> : null}
      <ScoresTable points={geometry.points} details={details} showChange={compared} />
      {data ? <DomainReadings domains={data.domains} showChange={compared} /> : null}
    </section>
  );
}
