import { useEffect } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeading } from '../../../components/page-heading';
import { stepLabel } from '../../../features/assessments/lib/steps';
import { lastStep, useWorkspace } from '../../../features/assessments/lib/workspace-context';
import { DomainForm } from '../../../features/questionnaire/components/domain-form';
import { domainProgress } from '../../../features/questionnaire/lib/answers';

/** One domain of the questionnaire: /assessments/:id/domains/:domainId, so a reload resumes here. */
export function DomainStepRoute() {
  const { domainId = '' } = useParams();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const { domains } = ws.questionnaire;
  const index = domains.findIndex((d) => d.id === domainId);
  const domain = domains[index];
  const base = `/assessments/${ws.assessmentId}`;

  useEffect(() => {
    if (domain) lastStep.set(ws.assessmentId, domain.id);
  }, [domain, ws.assessmentId]);

  // Links from the review page point at one question (#q-<id>): bring it into view and focus it.
  useEffect(() => {
    if (!hash) return;
    const t = setTimeout(() => {
      const el = document.getElementById(decodeURIComponent(hash.slice(1)));
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
    }, 50);
    return () => clearTimeout(t);
  }, [hash]);

  if (!domain) {
    return (
      <section>
        <PageHeading title="Domain not found" />
        <p>This questionnaire has no such domain. Choose one from the list.</p>
      </section>
    );
  }
  const locked = ws.status === 'submitted' || ws.save.status === 'locked';
  const next = domains[index + 1];
  const previous = domains[index - 1];
  const progress = domainProgress(domain, ws.values);

  const go = (to: string) => {
    void ws.flush();
    navigate(to);
    window.scrollTo({ top: 0 });
  };

  return (
    <section aria-labelledby="domain-title">
      <p className="eyebrow">
        {stepLabel(1, ws.status === 'submitted')} · Domain {index + 1} of {domains.length} ·{' '}
        {progress.answered} of {progress.total} answered
      </p>
      <div id="domain-title">
        <PageHeading title={domain.name} />
      </div>
      {domain.description ? <p className="lead">{domain.description}</p> : null}
      {locked ? (
        <div className="alert alert--info" role="status">
          <p>
            This assessment has been submitted, so its answers are read-only.{' '}
            <Link to={`${base}/results`}>See the results</Link>.
          </p>
        </div>
      ) : (
        <p className="muted">
          Questions marked (optional) can be left blank. Your answers save automatically.
        </p>
      )}
      <DomainForm
        key={domain.id}
        domain={domain}
        values={ws.values}
        onAnswer={ws.setAnswer}
        disabled={locked}
        onPrevious={previous ? () => go(`${base}/domains/${previous.id}`) : undefined}
        onNext={() => go(next ? `${base}/domains/${next.id}` : `${base}/documents`)}
        nextLabel={next ? 'Save and continue' : 'Continue to documents'}
      />
    </section>
  );
}
