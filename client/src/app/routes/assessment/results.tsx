import { useMemo } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/page-heading';
import { useWorkspace } from '../../../features/assessments/lib/workspace-context';
import { useAuth } from '../../../features/auth/lib/auth-context';
import { RadarChart } from '../../../features/results/components/radar-chart';
import { ScoresTable } from '../../../features/results/components/scores-table';
import { radarGeometry } from '../../../features/results/lib/radar-data';
import { formatDate } from '../../../lib/format';

/** The radar of the 12 domain scores, priority domains called out, printable. */
export function ResultsRoute() {
  const ws = useWorkspace();
  const { user } = useAuth();
  const results = ws.triageResults;
  const geometry = useMemo(
    () =>
      results ? radarGeometry(ws.questionnaire.domains, results.domainScores, results.priorityDomains) : null,
    [results, ws.questionnaire.domains],
  );

  if (!results || !geometry) {
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
  const average = Math.round(
    geometry.points.reduce((sum, p) => sum + (p.score ?? 0), 0) / Math.max(geometry.points.length, 1),
  );
  return (
    <section className="results">
      <div className="page-head">
        <div>
          <PageHeading title="Your scale-readiness results" />
          <p className="muted">
            {user?.companyName ? `${user.companyName} · ` : ''}
            {ws.submittedAt ? `Submitted ${formatDate(ws.submittedAt)} · ` : ''}Average score {average} out of
            100
          </p>
        </div>
        <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <div className="results__grid">
        <figure className="card radar-figure">
          <RadarChart geometry={geometry} title="Scale-readiness score by domain, out of 100" />
          <figcaption className="legend">
            <span>
              <span className="legend__swatch legend__swatch--score" aria-hidden="true" /> Score (outer ring =
              100)
            </span>
            <span>
              <span className="legend__swatch legend__swatch--priority" aria-hidden="true" /> Priority domain
            </span>
          </figcaption>
        </figure>
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
      <ScoresTable points={geometry.points} />
    </section>
  );
}
