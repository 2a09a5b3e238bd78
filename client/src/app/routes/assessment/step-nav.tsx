import { useState } from 'react';
import { NavLink } from 'react-router';
import { ProgressBar } from '../../../components/progress-bar';
import { useWorkspace } from '../../../features/assessments/lib/workspace-context';
import { SaveStatus } from '../../../features/questionnaire/components/save-status';
import { domainProgress, overallProgress } from '../../../features/questionnaire/lib/answers';
import { percent } from '../../../lib/format';

/** Domain list with per-domain completion, overall progress, and the later steps. */
export function StepNav() {
  const ws = useWorkspace();
  const { domains } = ws.questionnaire;
  const overall = overallProgress(domains, ws.values);
  const completeCount = domains.filter((d) => domainProgress(d, ws.values).complete).length;
  const base = `/assessments/${ws.assessmentId}`;
  const submitted = ws.status === 'submitted';
  // On phones the domain list starts folded so the step itself comes first.
  const [wide] = useState(() => window.matchMedia?.('(min-width: 861px)').matches ?? true);
  return (
    <aside className="step-nav" aria-label="Assessment steps">
      {submitted ? null : <SaveStatus snapshot={ws.save} onRetry={() => void ws.flush()} />}
      <ProgressBar
        value={overall.answered}
        max={Math.max(overall.total, 1)}
        label="Overall progress"
        showLabel
        valueText={`${overall.answered} of ${overall.total} answered (${percent(overall.answered, overall.total)}%)`}
      />
      <details className="step-nav__details" open={wide}>
        <summary>
          Domains{' '}
          <span className="muted">
            ({completeCount} of {domains.length} complete)
          </span>
        </summary>
        <nav aria-label="Domains">
          <ol className="domain-list">
            {domains.map((d) => {
              const p = domainProgress(d, ws.values);
              return (
                <li key={d.id}>
                  <NavLink to={`${base}/domains/${d.id}`} className="domain-link">
                    <span
                      className={`domain-link__mark${p.complete ? ' domain-link__mark--done' : ''}`}
                      aria-hidden="true"
                    >
                      {p.complete ? '✓' : ''}
                    </span>
                    <span className="domain-link__name">{d.name}</span>
                    <span className="domain-link__count">
                      {p.answered}/{p.total}
                      <span className="visually-hidden">
                        {' '}
                        answered{p.complete ? ', complete' : `, ${p.missingRequired.length} required left`}
                      </span>
                    </span>
                  </NavLink>
                </li>
              );
            })}
          </ol>
        </nav>
      </details>
      <nav aria-label="Finish" className="finish-nav">
        <NavLink to={`${base}/documents`}>
          Documents ({ws.documents.filter((d) => d.status === 'uploaded').length})
        </NavLink>
        {submitted ? (
          <NavLink to={`${base}/results`}>Results</NavLink>
        ) : (
          <NavLink to={`${base}/review`}>Review and submit</NavLink>
        )}
      </nav>
    </aside>
  );
}

/** On narrow screens the side panel scrolls away, so the save state stays pinned to the bottom edge. */
export function MobileSaveBar() {
  const ws = useWorkspace();
  if (ws.status === 'submitted') return null;
  return (
    <div className="mobile-save-bar">
      <SaveStatus snapshot={ws.save} onRetry={() => void ws.flush()} testId="save-status-mobile" />
    </div>
  );
}
