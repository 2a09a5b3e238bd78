import type { AnswerValue, QuestionnaireResponse } from '../../contract/questionnaire';
import { hasControlChars } from '../../contract/text';
import { bands } from './bands';
import { type DomainDef, domains, QUESTIONNAIRE_VERSION, type QuestionDef } from './catalogue';

export interface IndexedQuestion {
  question: QuestionDef;
  domainId: string;
}

/** Every question by id, built once. */
export const questionIndex: ReadonlyMap<string, IndexedQuestion> = new Map(
  domains.flatMap((d) => d.questions.map((q) => [q.id, { question: q, domainId: d.id }] as const)),
);
export const totalQuestions = questionIndex.size;
export const requiredQuestionIds = [...questionIndex.values()]
  .filter((q) => q.question.required)
  .map((q) => q.question.id);

/** The questionnaire as clients see it: option scores stay on the server. Built once. */
export const publicQuestionnaire: QuestionnaireResponse = {
  version: QUESTIONNAIRE_VERSION,
  bands: bands.map((b) => ({ ...b })),
  domains: domains.map((d: DomainDef) => ({
    id: d.id,
    name: d.name,
    description: d.description,
    // Recommendations are shown with results, not with the questions.
    questions: d.questions.map(({ options, recommendation: _recommendation, ...q }) => ({
      ...q,
      scaleLabels: q.scaleLabels ? [q.scaleLabels[0], q.scaleLabels[1]] : undefined,
      options: options?.map(({ value, label }) => ({ value, label })),
    })),
  })),
};

/** Checks one answer against its question; returns a message when it is invalid. */
export function validateAnswer(q: QuestionDef, value: unknown): string | undefined {
  switch (q.type) {
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'Must be a whole number.';
      if (value < (q.min ?? 1) || value > (q.max ?? 5))
        return `Must be between ${q.min ?? 1} and ${q.max ?? 5}.`;
      return undefined;
    case 'choice':
      if (typeof value !== 'string' || !q.options?.some((o) => o.value === value)) {
        return `Must be one of: ${q.options?.map((o) => o.value).join(', ')}.`;
      }
      return undefined;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Must be a number.';
      if (q.min !== undefined && value < q.min) return `Must be at least ${q.min}.`;
      if (q.max !== undefined && value > q.max) return `Must be at most ${q.max}.`;
      return undefined;
    case 'text':
      if (typeof value !== 'string') return 'Must be text.';
      if (value.length > (q.maxLength ?? 2000)) return `Must be at most ${q.maxLength ?? 2000} characters.`;
      if (hasControlChars(value, true)) return 'Must not contain control characters.';
      // A lone UTF-16 surrogate cannot be stored in jsonb (the database would refuse it with a 500).
      if (/\p{Cs}/u.test(value)) return 'Must be valid Unicode text.';
      return undefined;
  }
}

export interface TriageResults {
  domainScores: { domainId: string; score: number }[];
  priorityDomains: string[];
}

/** How many of the lowest-scoring domains are called out as priorities. */
export const PRIORITY_COUNT = 3;

export function questionScore(q: QuestionDef, value: AnswerValue): number | undefined {
  if (q.type === 'scale' && typeof value === 'number') {
    const min = q.min ?? 1;
    const max = q.max ?? 5;
    return ((value - min) / (max - min)) * 100;
  }
  if (q.type === 'choice') return q.options?.find((o) => o.value === value)?.score;
  return undefined; // number and text answers inform the analysis but are not scored
}

/**
 * Per-domain score 0–100: the mean of the domain's scored answers. Priority domains are the
 * PRIORITY_COUNT lowest scores (ties in questionnaire order).
 */
export function scoreResponses(responses: Readonly<Record<string, AnswerValue>>): TriageResults {
  const domainScores = domains.map((d) => {
    const scores = d.questions
      .map((q) => (q.id in responses ? questionScore(q, responses[q.id]!) : undefined))
      .filter((s): s is number => s !== undefined);
    const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
    return { domainId: d.id, score: Math.round(mean) };
  });
  const priorityDomains = domainScores
    .map((s, order) => ({ ...s, order }))
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, PRIORITY_COUNT)
    .map((s) => s.domainId);
  return { domainScores, priorityDomains };
}
