import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeading } from '../../../components/page-heading';
import { submitAssessment } from '../../../features/assessments/api/submit-assessment';
import { stepLabel } from '../../../features/assessments/lib/steps';
import { useWorkspace } from '../../../features/assessments/lib/workspace-context';
import { domainProgress, fieldId, missingRequired } from '../../../features/questionnaire/lib/answers';
import { announce } from '../../../lib/announcer';
import { ApiError } from '../../../lib/problem';

/** Review: what is missing (with links to each question), then a confirmed submit. */
export function ReviewRoute() {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const [submit, setSubmit] = useState<{ pending: boolean; error?: unknown }>({ pending: false });
  const [confirming, setConfirming] = useState(false);
  const [serverMissing, setServerMissing] = useState<string[]>([]);
  const base = `/assessments/${ws.assessmentId}`;
  const { domains } = ws.questionnaire;

  if (ws.status === 'submitted') return <Navigate to={`${base}/results`} replace />;

  const localMissing = missingRequired(domains, ws.values);
  const missing = [
    ...localMissing,
    ...domains.flatMap((d) =>
      d.questions
        .filter((q) => serverMissing.includes(q.id) && !localMissing.some((m) => m.question.id === q.id))
        .map((q) => ({ domain: d, question: q })),
    ),
  ];
  const docs = ws.documents.filter((d) => d.status === 'uploaded').length;

  const doSubmit = async () => {
    setSubmit({ pending: true });
    try {
      if (!(await ws.flush())) {
        throw new Error(
          'Your latest answers are not saved yet, so the assessment was not submitted. Check your connection, press Retry next to the save status, then submit again.',
        );
      }
      const result = await submitAssessment(ws.assessmentId);
      setConfirming(false);
      ws.markSubmitted(result.triageResults, result.submittedAt);
      announce('Assessment submitted. Your results are ready.');
      navigate(`${base}/results`, { replace: true });
    } catch (error) {
      setConfirming(false);
      setSubmit({ pending: false, error });
      if (error instanceof ApiError && error.problem.missing) {
        setServerMissing(error.problem.missing);
        announce('Some required answers are missing. The list is on the page.', 'assertive');
      }
    }
  };
  const problem = submit.error instanceof ApiError ? submit.error.problem : undefined;

  return (
    <section>
      <p className="eyebrow">{stepLabel(3, false)}</p>
      <PageHeading title="Review and submit" />
      <table className="table">
        <caption className="visually-hidden">Answers by domain</caption>
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Answered</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {domains.map((d) => {
            const p = domainProgress(d, ws.values);
            return (
              <tr key={d.id}>
                <th scope="row">
                  <Link to={`${base}/domains/${d.id}`}>{d.name}</Link>
                </th>
                <td>
                  {p.answered} of {p.total}
                </td>
                <td>{p.complete ? 'Complete' : `${p.missingRequired.length} required missing`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        Documents attached: {docs}. <Link to={`${base}/documents`}>Manage documents</Link>
      </p>
      {missing.length > 0 ? (
        <section className="alert alert--warning" aria-labelledby="missing-title">
          <h2 id="missing-title">
            {missing.length} required {missing.length === 1 ? 'answer is' : 'answers are'} missing
          </h2>
          <ul className="missing-list">
            {missing.map(({ domain, question }) => (
              <li key={question.id}>
                <Link to={`${base}/domains/${domain.id}#${fieldId(question.id)}`}>
                  {domain.name}: {question.text}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="alert alert--success">Every required question is answered. You can submit.</p>
      )}
      {submit.error && !problem?.missing ? (
        <ErrorAlert error={submit.error} title="Submitting failed" focus />
      ) : null}
      <div className="step-buttons">
        <Link className="button button--secondary" to={`${base}/documents`}>
          Back to documents
        </Link>
        <button
          type="button"
          className="button"
          disabled={missing.length > 0}
          onClick={() => setConfirming(true)}
        >
          Submit assessment
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Submit this assessment?"
        confirmLabel={submit.pending ? 'Submitting…' : 'Submit'}
        busy={submit.pending}
        onConfirm={doSubmit}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Once submitted, answers and documents can no longer be changed. Your scores are calculated straight
          away.
        </p>
      </ConfirmDialog>
    </section>
  );
}
