import { Navigate } from 'react-router';
import { lastStep, useWorkspace } from '../../../features/assessments/lib/workspace-context';
import { domainProgress } from '../../../features/questionnaire/lib/answers';

/** /assessments/:id resumes where the user was: the last step, else the first unfinished domain. */
export function ResumeRoute() {
  const ws = useWorkspace();
  const base = `/assessments/${ws.assessmentId}`;
  if (ws.status === 'submitted') return <Navigate to={`${base}/results`} replace />;
  const { domains } = ws.questionnaire;
  const remembered = lastStep.get(ws.assessmentId);
  const target =
    domains.find((d) => d.id === remembered) ??
    domains.find((d) => !domainProgress(d, ws.values).complete) ??
    domains[0];
  return <Navigate to={target ? `${base}/domains/${target.id}` : `${base}/review`} replace />;
}
