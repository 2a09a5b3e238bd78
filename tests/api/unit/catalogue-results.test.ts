import { bandFor, bands } from '../../../functions/api/features/questionnaire/bands';
import { domains } from '../../../functions/api/features/questionnaire/catalogue';
import { answerLabel, lowestAnswers } from '../../../functions/api/features/questionnaire/recommendations';
import { publicQuestionnaire } from '../../../functions/api/features/questionnaire/service';

const questions = domains.flatMap((d) => d.questions);

describe('The catalogue', () => {
  it('when the bands are read, then they cover 0–100 in order without gap or overlap', () => {
    expect(bands.map((b) => [b.id, b.label, b.min, b.max])).toEqual([
      ['critical', 'Critical gap', 0, 39],
      ['developing', 'Developing', 40, 59],
      ['established', 'Established', 60, 79],
      ['scale-ready', 'Scale-ready', 80, 100],
    ]);
    for (let s = 0; s <= 100; s++) {
      expect(bands.filter((b) => s >= b.min && s <= b.max)).toHaveLength(1);
    }
    expect([bandFor(39).id, bandFor(40).id, bandFor(79.6).id, bandFor(-3).id, bandFor(140).id]).toEqual([
      'critical',
      'developing',
      'scale-ready',
      'critical',
      'scale-ready',
    ]);
  });

  it('when every domain is read, then it has a distinct, substantial reading for every band', () => {
    const all = new Set<string>();
    for (const d of domains) {
      for (const b of bands) {
        const reading = d.readings[b.id];
        expect(reading.length).toBeGreaterThan(80);
        all.add(reading);
      }
    }
    expect(all.size).toBe(domains.length * bands.length);
  });

  it('when every question is read, then each of the 75 has its own specific recommendation', () => {
    expect(questions).toHaveLength(75);
    const texts = new Set(questions.map((q) => q.recommendation));
    expect(texts.size).toBe(75);
    for (const q of questions) expect(q.recommendation.length).toBeGreaterThan(100);
  });

  it('when the questionnaire is sent, then it carries the bands but no recommendation or option score', () => {
    expect(publicQuestionnaire.bands).toEqual(bands);
    const json = JSON.stringify(publicQuestionnaire);
    expect(json).not.toContain('"recommendation"');
    expect(json).not.toContain('"readings"');
    expect(json).not.toContain('"score"');
  });
});

describe('lowestAnswers', () => {
  const domain = domains[0]!;
  const [s1, s2, s3, s4] = domain.questions.filter((q) => q.type === 'scale');

  it('when answers are mixed, then the lowest scored ones come first, at most three, ties in questionnaire order', () => {
    const picked = lowestAnswers(domain, { [s1!.id]: 3, [s2!.id]: 1, [s3!.id]: 3, [s4!.id]: 2 });
    expect(picked.map((p) => [p.question.id, p.score])).toEqual([
      [s2!.id, 0],
      [s4!.id, 25],
      [s1!.id, 50],
    ]);
  });

  it('when answers are at their best or unanswered, then they are not recommended on', () => {
    expect(lowestAnswers(domain, { [s1!.id]: 5, [s2!.id]: 5 })).toEqual([]);
    expect(lowestAnswers(domain, { [s1!.id]: 5, [s2!.id]: 4 }).map((p) => p.question.id)).toEqual([s2!.id]);
  });

  it('when an answer is shown, then a scale reads "n of max" and a choice shows its label', () => {
    const choice = questions.find((q) => q.type === 'choice')!;
    expect(answerLabel(s1!, 2)).toBe('2 of 5');
    expect(answerLabel(choice, choice.options![1]!.value)).toBe(choice.options![1]!.label);
  });
});
