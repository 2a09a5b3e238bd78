import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ProgressBar } from '../../components/progress-bar';
import { useCreateAssessment } from '../../features/assessments/api/create-assessment';
import { useAssessments } from '../../features/assessments/api/get-assessments';
import { useAuth } from '../../features/auth/lib/auth-context';
import { formatDate, percent } from '../../lib/format';

/** The user's assessments: status, progress and dates; start a new one or resume a draft. */
export function DashboardRoute() {
  const { user } = useAuth();
  const list = useAssessments();
  const create = useCreateAssessment();
  const navigate = useNavigate();

  const start = async () => {
    const created = await create.run();
    if (created) navigate(`/assessments/${created.id}`);
  };

  const items = [...(list.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section>
      <div className="page-head">
        <div>
          <PageHeading title="Your assessments" />
          {user?.companyName ? <p className="muted">{user.companyName}</p> : null}
        </div>
        <button
          type="button"
          className={`button${items.some((a) => a.status === 'draft') ? ' button--secondary' : ''}`}
          onClick={start}
          disabled={create.pending}
        >
          {create.pending ? 'Starting…' : 'Start a new assessment'}
        </button>
      </div>
      {create.error ? (
        <ErrorAlert error={create.error} title="We could not start an assessment" focus />
      ) : null}
      {list.loading && !list.data ? <Loading label="Loading your assessments…" /> : null}
      {list.error ? (
        <ErrorAlert error={list.error} title="We could not load your assessments" onRetry={list.reload} />
      ) : null}
      {list.data && items.length === 0 ? (
        <div className="empty card">
          <h2>No assessments yet</h2>
          <p>
            Answer questions across 12 domains, attach supporting documents, and get a radar of how ready your
            company is to scale, with the domains to fix first.
          </p>
        </div>
      ) : null}
      {items.length > 0 ? (
        <ul className="assessment-list">
          {items.map((a, i) => {
            const pct = percent(a.progress.answered, a.progress.total);
            const name = `Assessment started ${formatDate(a.createdAt)}`;
            return (
              <li key={a.id} className="card assessment-card">
                <h2 className="assessment-card__title">
                  Assessment {items.length - i}
                  <span className={`badge badge--${a.status}`}>
                    {a.status === 'submitted' ? 'Submitted' : 'In progress'}
                  </span>
                </h2>
                <dl className="meta">
                  <div>
                    <dt>Started</dt>
                    <dd>{formatDate(a.createdAt)}</dd>
                  </div>
                  <div>
                    <dt>{a.status === 'submitted' ? 'Submitted' : 'Last saved'}</dt>
                    <dd>
                      {formatDate(a.status === 'submitted' ? a.submittedAt : (a.updatedAt ?? a.createdAt))}
                    </dd>
                  </div>
                </dl>
                <ProgressBar
                  value={a.progress.answered}
                  max={Math.max(a.progress.total, 1)}
                  label={`Progress of ${name.toLowerCase()}`}
                  valueText={`${a.progress.answered} of ${a.progress.total} answered (${pct}%)`}
                />
                <Link
                  className="button button--secondary"
                  to={a.status === 'submitted' ? `/assessments/${a.id}/results` : `/assessments/${a.id}`}
                >
                  {a.status === 'submitted' ? 'View results' : 'Resume'}
                  <span className="visually-hidden"> {name}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
