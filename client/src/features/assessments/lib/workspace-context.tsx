import { createContext, type ReactNode, use, useMemo, useState } from 'react';
import { ApiError } from '../../../lib/problem';
import type { Questionnaire } from '../../questionnaire/api/get-questionnaire';
import type { AutosaveSnapshot, Responses } from '../../questionnaire/lib/autosave-controller';
import { useAutosave } from '../../questionnaire/lib/use-autosave';
import { type Assessment, getAssessment } from '../api/get-assessment';
import { saveResponses } from '../api/save-responses';
import type { AnswerValue, AssessmentDocument, TriageResults } from '../api/schemas';

type Workspace = {
  assessmentId: string;
  /** The assessment's name, when the API sends one. */
  name: string | null;
  questionnaire: Questionnaire;
  status: Assessment['status'];
  values: Responses;
  setAnswer: (questionId: string, value: AnswerValue) => void;
  save: AutosaveSnapshot;
  /** Saves everything now; false when something is still unsaved (offline, rejected, locked). */
  flush: () => Promise<boolean>;
  documents: AssessmentDocument[];
  setDocuments: (update: (docs: AssessmentDocument[]) => AssessmentDocument[]) => void;
  triageResults: TriageResults | null;
  submittedAt: string | null;
  markSubmitted: (results: TriageResults, submittedAt: string) => void;
};

const WorkspaceContext = createContext<Workspace | null>(null);

const lastStepKey = (id: string) => `scalemap:last-step:${id}`;

/** Remembers the last domain step per assessment (only a path, never a credential). */
export const lastStep = {
  get: (id: string): string | null => {
    try {
      return localStorage.getItem(lastStepKey(id));
    } catch {
      return null;
    }
  },
  set: (id: string, domainId: string): void => {
    try {
      localStorage.setItem(lastStepKey(id), domainId);
    } catch {
      // Storage may be disabled; resuming falls back to the first incomplete domain.
    }
  },
};

/** Everything the questionnaire, documents, review and results steps share for one assessment. */
export function WorkspaceProvider({
  assessment,
  questionnaire,
  children,
}: {
  assessment: Assessment;
  questionnaire: Questionnaire;
  children: ReactNode;
}) {
  const id = assessment.id;
  const [status, setStatus] = useState(assessment.status);
  const [documents, setDocs] = useState(assessment.documents);
  const [triageResults, setTriage] = useState<TriageResults | null>(assessment.triageResults ?? null);
  const [submittedAt, setSubmittedAt] = useState<string | null>(assessment.submittedAt ?? null);
  const autosave = useAutosave(assessment, {
    save: (responses, version) => saveResponses(id, responses, version),
    reload: async () => {
      const fresh = await getAssessment(id);
      if (fresh.status === 'submitted') {
        setStatus('submitted');
        setTriage(fresh.triageResults ?? null);
        setSubmittedAt(fresh.submittedAt ?? null);
      }
      return fresh;
    },
    isConflict: (e) => e instanceof ApiError && e.status === 409,
    isTransient: (e) => e instanceof ApiError && e.transient,
  });

  const value = useMemo<Workspace>(
    () => ({
      assessmentId: id,
      name: assessment.name ?? null,
      questionnaire,
      status,
      values: autosave.values,
      setAnswer: autosave.setAnswer,
      save: autosave.snapshot,
      flush: autosave.flush,
      documents,
      setDocuments: (update) => setDocs(update),
      triageResults,
      submittedAt,
      markSubmitted: (results, at) => {
        setStatus('submitted');
        setTriage(results);
        setSubmittedAt(at);
      },
    }),
    [
      id,
      assessment.name,
      questionnaire,
      status,
      autosave.values,
      autosave.setAnswer,
      autosave.snapshot,
      autosave.flush,
      documents,
      triageResults,
    ],
  );
  return <WorkspaceContext value={value}>{children}</WorkspaceContext>;
}

export function useWorkspace(): Workspace {
  const ctx = use(WorkspaceContext);
  if (!ctx) throw new Error('useWorkspace must be used inside <WorkspaceProvider>');
  return ctx;
}
