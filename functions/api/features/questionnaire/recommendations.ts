import type { AnswerValue } from '../../contract/questionnaire';
import type { DomainDef, QuestionDef } from './catalogue';
import { questionScore } from './service';

/** At most this many recommendations per priority domain. */
export const RECOMMENDATIONS_PER_DOMAIN = 3;

export interface LowAnswer {
  question: QuestionDef;
  value: AnswerValue;
  score: number;
}

/** An answer as the user saw it: "2 of 5" for a scale, the option's label for a choice. */
export function answerLabel(q: QuestionDef, value: AnswerValue): string {
  if (q.type === 'scale') return `${value} of ${q.max ?? 5}`;
  if (q.type === 'choice') return q.options?.find((o) => o.value === value)?.label ?? String(value);
  if (q.type === 'number') return q.unit ? `${value} ${q.unit}` : String(value);
  return String(value);
}

/**
 * The domain's lowest-scoring answered questions (scored ones only, ties in questionnaire order),
 * leaving out answers that are already the best possible: those need no next step.
 */
export function lowestAnswers(
  domain: DomainDef,
  responses: Readonly<Record<string, AnswerValue>>,
  limit = RECOMMENDATIONS_PER_DOMAIN,
): LowAnswer[] {
  return domain.questions
    .flatMap((question, order) => {
      const value = responses[question.id];
      if (value === undefined) return [];
      const score = questionScore(question, value);
      return score === undefined || score >= 100 ? [] : [{ question, value, score, order }];
    })
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, limit)
    .map(({ question, value, score }) => ({ question, value, score }));
}
