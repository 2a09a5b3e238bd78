import { useId, useState } from 'react';
import type { Question } from '../api/get-questionnaire';
import { fieldId, optionsFor, validateNumber } from '../lib/answers';
import type { AnswerValue } from '../lib/autosave-controller';

type QuestionFieldProps = {
  question: Question;
  number: number;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  /** A "this is required" message from step validation. */
  error?: string;
  disabled?: boolean;
};

const TEXT_MAX = 2000;

/** One question, rendered by type with a label or fieldset legend, hint and error. */
export function QuestionField({ question, number, value, onChange, error, disabled }: QuestionFieldProps) {
  const uid = useId();
  const [localError, setLocalError] = useState<string>();
  const shownError = localError ?? error;
  const hintId = question.help ? `${uid}-hint` : undefined;
  const errorId = shownError ? `${uid}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const heading = (
    <>
      <span className="question__number">{number}.</span> {question.text}
      {question.required ? null : <span className="question__optional"> (optional)</span>}
    </>
  );
  const hint = question.help ? (
    <p id={hintId} className="field__hint">
      {question.help}
    </p>
  ) : null;
  const errorText = shownError ? (
    <p id={errorId} className="field__error">
      <span className="visually-hidden">Error: </span>
      {shownError}
    </p>
  ) : null;
  const className = `question${shownError ? ' field--error' : ''}`;

  if (question.type === 'scale' || question.type === 'choice') {
    const options = optionsFor(question);
    const [low, high] = question.scaleLabels ?? [];
    return (
      <fieldset className={className} aria-describedby={describedBy} disabled={disabled}>
        <legend className="question__text">{heading}</legend>
        {hint}
        {errorText}
        {question.type === 'scale' && low && high ? (
          <p className="scale__ends" aria-hidden="true">
            <span>{`${options[0]?.value ?? ''} = ${low}`}</span>
            <span>{`${options.at(-1)?.value ?? ''} = ${high}`}</span>
          </p>
        ) : null}
        <div className={question.type === 'scale' ? 'scale' : 'choices'}>
          {options.map((opt, i) => {
            const id = i === 0 ? fieldId(question.id) : `${uid}-opt-${i}`;
            const endLabel =
              question.type === 'scale' && i === 0 && low
                ? `, ${low}`
                : question.type === 'scale' && i === options.length - 1 && high
                  ? `, ${high}`
                  : '';
            return (
              <div className="choice" key={String(opt.value)}>
                <input
                  type="radio"
                  id={id}
                  name={`${uid}-radio`}
                  value={String(opt.value)}
                  checked={value === opt.value}
                  aria-invalid={shownError ? true : undefined}
                  onChange={() => onChange(opt.value)}
                />
                <label htmlFor={id}>
                  {opt.label}
                  {endLabel ? <span className="visually-hidden">{endLabel}</span> : null}
                </label>
              </div>
            );
          })}
        </div>
        {value !== undefined && value !== null && !disabled ? (
          <button type="button" className="button button--link" onClick={() => onChange(null)}>
            Clear answer<span className="visually-hidden"> to question {number}</span>
          </button>
        ) : null}
      </fieldset>
    );
  }

  const inputId = fieldId(question.id);
  const labelled = (
    <>
      <label htmlFor={inputId} className="question__text">
        {heading}
      </label>
      {hint}
      {errorText}
    </>
  );
  if (question.type === 'number') {
    return (
      <div className={className}>
        {labelled}
        <div className="number-input">
          <input
            id={inputId}
            className="input input--number"
            type="number"
            inputMode="decimal"
            step="any"
            min={question.min ?? undefined}
            max={question.max ?? undefined}
            defaultValue={typeof value === 'number' ? value : ''}
            disabled={disabled}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              const result = validateNumber(e.currentTarget.value, question);
              setLocalError(result.error);
              if (!result.error) onChange(result.value);
            }}
          />
          {question.unit ? <span className="number-input__unit">{question.unit}</span> : null}
        </div>
      </div>
    );
  }

  const max = question.maxLength ?? TEXT_MAX;
  const text = typeof value === 'string' ? value : '';
  const countId = `${uid}-count`;
  return (
    <div className={className}>
      {labelled}
      <textarea
        id={inputId}
        className="input textarea"
        rows={4}
        maxLength={max}
        value={text}
        disabled={disabled}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={[describedBy, countId].filter(Boolean).join(' ')}
        onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
      />
      <p id={countId} className="field__count">
        {text.length} of {max} characters
      </p>
    </div>
  );
}
