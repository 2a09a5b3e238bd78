import { Link, Outlet, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { useAssessment } from '../../../features/assessments/api/get-assessment';
import { WorkspaceProvider } from '../../../features/assessments/lib/workspace-context';
import { useQuestionnaire } from '../../../features/questionnaire/api/get-questionnaire';
import { ApiError } from '../../../lib/problem';
import { MobileSaveBar, StepNav } from './step-nav';

/** Loads the questionnaire and the assessment once for all of its steps. */
export function AssessmentLayout() {
  const { assessmentId = '' } = useParams();
  const questionnaire = useQuestionnaire();
  const assessment = useAssessment(assessmentId);

  if (assessment.error instanceof ApiError && assessment.error.status === 404) {
    return (
      <section className="narrow">
        <PageHeading title="Assessment not found" />
        <p>This assessment does not exist, or it belongs to another account.</p>
        <Link className="button" to="/">
          Go to your assessments
        </Link>
      </section>
    );
  }
  const error = questionnaire.error ?? assessment.error;
  if (error) {
    return (
      <ErrorAlert
        error={error}
        title="We could not load this assessment"
        onRetry={() => {
          questionnaire.reload();
          assessment.reload();
        }}
      />
    );
  }
  if (!questionnaire.data || !assessment.data) return <Loading label="Loading your assessment…" />;
  return (
    <WorkspaceProvider key={assessmentId} assessment={assessment.data} questionnaire={questionnaire.data}>
      <div className="workspace">
        <StepNav />
        <div className="workspace__main">
          <Outlet />
          <MobileSaveBar />
        </div>
      </div>
    </WorkspaceProvider>
  );
}
