import { formatDate } from '../../../lib/format';
import type { Band } from '../../questionnaire/api/get-questionnaire';
import type { Results } from '../api/get-results';
import { ChangeBadge } from './change-badge';

/** The headline: overall score and band, what the band means, and the change since last time. */
export function OverallSummary({ results, bands }: { results: Results; bands: Band[] }) {
  const { overall, previous, domains } = results;
  const summary = bands.find((b) => b.id === overall.band.id)?.summary;
  const before = domains.map((d) => d.previousScore);
  const previousOverall = before.every((s): s is number => s !== null)
    ? Math.round(before.reduce((a, b) => a + b, 0) / Math.max(before.length, 1))
    : null;
  return (
    <div className="card overall" data-testid="overall-summary">
      <p className="overall__label">Overall scale readiness</p>
      <p className="overall__score">
        <span className="overall__number">{overall.score}</span>
        <span className="overall__of"> / 100</span>
        <span className={`band band--${overall.band.id}`}>{overall.band.label}</span>
      </p>
      {summary ? <p>{summary}</p> : null}
      {previous ? (
        <p className="overall__change" data-testid="overall-change">
          {previousOverall !== null ? (
            <>
              <ChangeBadge change={overall.score - previousOverall} /> since{' '}
            </>
          ) : (
            'Compared with '
          )}
          <strong>{previous.name}</strong> ({formatDate(previous.submittedAt)})
        </p>
      ) : (
        <p className="muted no-print">
          Take the assessment again after making changes to see your progress here.
        </p>
      )}
    </div>
  );
}
