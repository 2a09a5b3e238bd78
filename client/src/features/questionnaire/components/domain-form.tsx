import { type FormEvent, useMemo, useState } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import type { Domain } from '../api/get-questionnaire';
import { domainProgress, fieldId } from '../lib/answers';
import type { AnswerValue, Responses } from '../lib/autosave-controller';
import { QuestionField } from './question-field';

type DomainFormProps = {
  domain: Domain;
  values: Responses;
  onAnswer: (questionId: string, value: AnswerValue) => void;
  /** Called when every required question of this domain is answered. */
  onNext: () => void;
  onPrevious?: () => void;
  nextLabel: string;
  disabled?: boolean;
};

/** One domain step: its questions, required-answer validation with an error summary, and step buttons. */
export function DomainForm({
  domain,
  values,
  onAnswer,
  onNext,
  onPrevious,
  nextLabel,
  disabled,
}: DomainFormProps) {
  const [validated, setValidated] = useState(false);
  const missing = useMemo(() => domainProgress(domain, values).missingRequired, [domain, values]);
  const missingIds = new Set(missing.map((q) => q.id));
  const [attempt, setAttempt] = useState(0);
  // Live once the user has tried to continue: answering a question removes its entry.
  const summary = validated
    ? missing.map((q) => ({
        id: fieldId(q.id),
        message: `Answer question ${domain.questions.indexOf(q) + 1}: ${q.text}`,
      }))
    : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setValidated(true);
    setAttempt((n) => n + 1);
    if (missing.length > 0) return;
    onNext();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="domain-title" className="domain-form">
      <ErrorSummary
        items={summary}
        focusKey={attempt}
        title={`${summary.length} required ${summary.length === 1 ? 'answer is' : 'answers are'} missing`}
      />
      {domain.questions.map((q, i) => (
        <QuestionField
          key={q.id}
          question={q}
          number={i + 1}
          value={values[q.id]}
          onChange={(v) => onAnswer(q.id, v)}
          error={validated && missingIds.has(q.id) ? 'Answer this question to continue.' : undefined}
          disabled={disabled}
        />
      ))}
      <div className="step-buttons">
        {onPrevious ? (
          <button type="button" className="button button--secondary" onClick={onPrevious}>
            Previous
          </button>
        ) : null}
        <button type="submit" className="button">
          {nextLabel}
        </button>
      </div>
    </form>
  );
}
