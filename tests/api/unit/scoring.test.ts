import {
  type DomainDef,
  domains,
  type QuestionDef,
} from '../../../functions/api/features/questionnaire/catalogue';
import { PRIORITY_COUNT, scoreResponses } from '../../../functions/api/features/questionnaire/service';

type Answers = Record<string, number | string>;

/** The best (or worst) possible answer to a question; number and text answers are not scored. */
function extreme(q: QuestionDef, best: boolean): number | string {
  switch (q.type) {
    case 'scale':
      return best ? (q.max ?? 5) : (q.min ?? 1);
    case 'choice': {
      const sorted = [...q.options!].sort((a, b) => a.score - b.score);
      return (best ? sorted.at(-1)! : sorted[0]!).value;
    }
    case 'number':
      return best ? 0 : 1_000_000;
    case 'text':
      return best ? 'A strong answer.' : '';
  }
}
const answerDomain = (d: DomainDef, best: boolean): Answers =>
  Object.fromEntries(d.questions.map((q) => [q.id, extreme(q, best)]));
const answerAll = (best: boolean): Answers => Object.assign({}, ...domains.map((d) => answerDomain(d, best)));
/** Every scale in the domain at its midpoint, choices left unanswered: a score of exactly 50. */
const middling = (d: DomainDef): Answers =>
  Object.fromEntries(
    d.questions.filter((q) => q.type === 'scale').map((q) => [q.id, ((q.min ?? 1) + (q.max ?? 5)) / 2]),
  );
const ids = (...indexes: number[]) => indexes.map((i) => domains[i]!.id);

describe('scoreResponses', () => {
  it('when every answer is the best one, then every domain scores 100', () => {
    const { domainScores } = scoreResponses(answerAll(true));
    expect(domainScores).toEqual(domains.map((d) => ({ domainId: d.id, score: 100 })));
  });

  it('when every answer is the worst one, then every domain scores 0', () => {
    const { domainScores } = scoreResponses(answerAll(false));
    expect(domainScores).toEqual(domains.map((d) => ({ domainId: d.id, score: 0 })));
  });

  it('when scales sit at their midpoint and the choice at its best, then the domain scores their rounded mean, a whole number', () => {
    const { domainScores } = scoreResponses({ ...answerAll(true), ...middling(domains[3]!) });
    expect(domainScores[3]).toEqual({ domainId: domains[3]!.id, score: expect.any(Number) });
    // The domain's choice answer stays at its best (100), so the mean sits between 50 and 100.
    const scored = domains[3]!.questions.filter((q) => q.type === 'scale' || q.type === 'choice').length;
    const scales = domains[3]!.questions.filter((q) => q.type === 'scale').length;
    expect(domainScores[3]!.score).toBe(Math.round((scales * 50 + (scored - scales) * 100) / scored));
    for (const s of domainScores) expect(Number.isInteger(s.score)).toBe(true);
  });

  it('when three domains score lowest, then they are the priorities, lowest first', () => {
    const answers = {
      ...answerAll(true),
      ...answerDomain(domains[9]!, false),
      ...answerDomain(domains[2]!, false),
      ...middling(domains[6]!),
    };
    for (const q of domains[6]!.questions.filter((q) => q.type === 'choice')) delete answers[q.id];
    const result = scoreResponses(answers);
    expect(result.domainScores[6]!.score).toBe(50);
    expect(result.priorityDomains).toEqual(ids(2, 9, 6));
  });

  it('when scores tie, then the priorities follow questionnaire order', () => {
    expect(PRIORITY_COUNT).toBe(3);
    expect(scoreResponses(answerAll(true)).priorityDomains).toEqual(ids(0, 1, 2));
    expect(scoreResponses(answerAll(false)).priorityDomains).toEqual(ids(0, 1, 2));
    const answers = {
      ...answerAll(true),
      ...answerDomain(domains[11]!, false),
      ...answerDomain(domains[4]!, false),
      ...answerDomain(domains[8]!, false),
      ...answerDomain(domains[5]!, false),
    };
    expect(scoreResponses(answers).priorityDomains).toEqual(ids(4, 5, 8));
  });

  it('when only number and text answers change, then no score moves', () => {
    const best = answerAll(true);
    const changed = { ...best };
    for (const q of domains.flatMap((d) => d.questions)) {
      if (q.type === 'number') changed[q.id] = 42;
      if (q.type === 'text') changed[q.id] = 'Something else entirely.';
    }
    expect(scoreResponses(changed)).toEqual(scoreResponses(best));
  });
});
