import { Link } from 'react-router';
import { ProgressBar } from '../../../components/progress-bar';
import { formatDate, percent } from '../../../lib/format';
import type { AssessmentSummary } from '../api/get-assessments';

/** The name the API gave (or a fallback for one created before names existed). */
export function assessmentName(a: Pick<AssessmentSummary, 'name' | 'createdAt'>): string {
  return a.name?.trim() || `Assessment ${a.createdAt.slice(0, 10)}`;
}

type AssessmentCardProps = {
  assessment: AssessmentSummary;
  onRename: (a: AssessmentSummary) => void;
  onDelete: (a: AssessmentSummary) => void;
};

/** One assessment on the dashboard: name, status, progress, last change and what to do next. */
export function AssessmentCard({ assessment: a, onRename, onDelete }: AssessmentCardProps) {
  const name = assessmentName(a);
  const submitted = a.status === 'submitted';
  const pct = percent(a.progress.answered, a.progress.total);
  const href = submitted ? `/assessments/${a.id}/results` : `/assessments/${a.id}`;
  return (
    <li className="card assessment-card" data-testid="assessment-card">
      <div className="assessment-card__head">
        <h2 className="assessment-card__title">
          <Link to={href}>{name}</Link>
        </h2>
        <span className={`badge badge--${a.status}`}>{submitted ? 'Submitted' : 'In progress'}</span>
      </div>
      <dl className="meta">
        <div>
          <dt>Last change</dt>
          <dd>{formatDate(a.updatedAt ?? a.createdAt)}</dd>
        </div>
        <div>
          <dt>{submitted ? 'Submitted' : 'Started'}</dt>
          <dd>{formatDate(submitted ? a.submittedAt : a.createdAt)}</dd>
        </div>
      </dl>
      <ProgressBar
        value={a.progress.answered}
        max={Math.max(a.progress.total, 1)}
        label={`Progress of ${name}`}
        valueText={`${a.progress.answered} of ${a.progress.total} answered (${pct}%)`}
      />
      <div className="assessment-card__actions">
        <Link className={`button${submitted ? '' : ' button--secondary'}`} to={href}>
          {submitted ? 'View results' : 'Resume'}
          <span className="visually-hidden"> {name}</span>
        </Link>
        <button type="button" className="button button--small button--link" onClick={() => onRename(a)}>
          Rename<span className="visually-hidden"> {name}</span>
        </button>
        {submitted ? null : (
          <button
            type="button"
            className="button button--small button--link button--link-danger"
            onClick={() => onDelete(a)}
          >
            Delete<span className="visually-hidden"> {name}</span>
          </button>
        )}
      </div>
    </li>
  );
}
