import type { Domain, Question } from '../api/get-questionnaire';
import type { AnswerValue, Responses } from './autosave-controller';

export type NormalizedOption = { value: string | number; label: string };

/** Options as `{value,label}` whatever shape the API used; scales default to min..max. */
export function optionsFor(question: Question): NormalizedOption[] {
  if (question.options && question.options.length > 0) {
    return question.options.map((o) => (typeof o === 'object' ? o : { value: o, label: String(o) }));
  }
  if (question.type === 'scale') {
    const min = question.min ?? 1;
    const max = question.max ?? 5;
    const out: NormalizedOption[] = [];
    for (let v = min; v <= max; v += 1) out.push({ value: v, label: String(v) });
    return out;
  }
  return [];
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

export function domainProgress(domain: Domain, values: Responses) {
  const answered = domain.questions.filter((q) => isAnswered(values[q.id])).length;
  const missingRequired = domain.questions.filter((q) => q.required && !isAnswered(values[q.id]));
  return {
    answered,
    total: domain.questions.length,
    missingRequired,
    complete: missingRequired.length === 0,
  };
}

export function overallProgress(domains: Domain[], values: Responses) {
  let answered = 0;
  let total = 0;
  for (const d of domains) {
    const p = domainProgress(d, values);
    answered += p.answered;
    total += p.total;
  }
  return { answered, total };
}

/** Required questions left unanswered, in questionnaire order. */
export function missingRequired(domains: Domain[], values: Responses) {
  return domains.flatMap((d) =>
    domainProgress(d, values).missingRequired.map((q) => ({ domain: d, question: q })),
  );
}

/** A value the API will accept, or an error message for the field. */
export function validateNumber(raw: string, question: Question): { value: number | null; error?: string } {
  const trimmed = raw.trim();
  if (trimmed === '') return { value: null };
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { value: null, error: 'Enter a number, like 12 or 3.5.' };
  if (question.min != null && n < question.min)
    return { value: null, error: `Enter ${question.min} or more.` };
  if (question.max != null && n > question.max)
    return { value: null, error: `Enter ${question.max} or less.` };
  return { value: n };
}

export const fieldId = (questionId: string) => `q-${questionId}`;
