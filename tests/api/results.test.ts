import { bands } from '../../functions/api/features/questionnaire/bands';
import { domains, type QuestionDef } from '../../functions/api/features/questionnaire/catalogue';
import { ApiClient, allAnswers, registerAndLogin } from '../support/client';
import { answerAndSubmit, createAssessment } from './support/assessments';
import { expectProblem } from './support/problem';
import { appWithUsers } from './support/users';

interface Results {
  assessmentId: string;
  name: string;
  submittedAt: string;
  overall: { score: number; band: { id: string; label: string } };
  domains: {
    domainId: string;
    name: string;
    score: number;
    band: { id: string; label: string };
    reading: string;
    previousScore: number | null;
    change: number | null;
    priority: boolean;
  }[];
  priorityDomains: string[];
  recommendations: {
    domainId: string;
    domainName: string;
    questionId: string;
    question: string;
    answer: string;
    text: string;
  }[];
  previous: { assessmentId: string; name: string; submittedAt: string } | null;
}

const the = appWithUsers(['alice', 'mallory']);

const best = (q: QuestionDef): number | string =>
  q.type === 'scale'
    ? (q.max ?? 5)
    : q.type === 'choice'
      ? [...q.options!].sort((a, b) => b.score - a.score)[0]!.value
      : (allAnswers()[q.id] as number | string);
const bestEverywhere = () =>
  Object.fromEntries(domains.flatMap((d) => d.questions.map((q) => [q.id, best(q)])));
const byId = (id: string) => domains.find((d) => d.id === id)!;
const scales = (domainId: string) => byId(domainId).questions.filter((q) => q.type === 'scale');

/**
 * Three weak domains: in each, the first scale at 1 (score 0), the second at 2 (25) and the third
 * at 4 (75); everything else at its best. Revenue is weakest overall.
 */
function weakAnswers(): Record<string, number | string> {
  const answers: Record<string, number | string> = bestEverywhere();
  for (const id of ['revenue', 'people', 'risk']) {
    const [a, b, c] = scales(id);
    answers[a!.id] = 1;
    answers[b!.id] = 2;
    answers[c!.id] = 4;
  }
  answers[scales('revenue')[3]!.id] = 1;
  return answers;
}

async function results(id: string, client: ApiClient = the.alice.client) {
  return client.get<Results>(`/api/assessments/${id}/results`);
}

describe('GET /api/assessments/:id/results', () => {
  it('when the assessment is submitted, then every domain has its score, band and reading, and the overall score is their rounded mean', async () => {
    const a = await createAssessment(the.alice.client, { name: 'Spring review' });
    await answerAndSubmit(the.alice.client, a.id, weakAnswers());
    const res = await results(a.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assessmentId: a.id, name: 'Spring review', previous: null });
    expect(res.body.domains.map((d) => d.domainId)).toEqual(domains.map((d) => d.id));
    for (const d of res.body.domains) {
      const band = bands.find((b) => d.score >= b.min && d.score <= b.max)!;
      expect(d.band).toEqual({ id: band.id, label: band.label });
      expect(d.reading).toBe(byId(d.domainId).readings[band.id]);
      expect(d).toMatchObject({ previousScore: null, change: null });
    }
    const mean = Math.round(res.body.domains.reduce((s, d) => s + d.score, 0) / 12);
    expect(res.body.overall.score).toBe(mean);
    expect(res.body.domains.find((d) => d.domainId === 'strategy')).toMatchObject({
      score: 100,
      band: { id: 'scale-ready', label: 'Scale-ready' },
      priority: false,
    });
  });

  it('when domains are weak, then they are the priorities and each gets its lowest answers with the catalogue next step', async () => {
    const a = await createAssessment(the.alice.client);
    await answerAndSubmit(the.alice.client, a.id, weakAnswers());
    const { body } = await results(a.id);
    expect(body.priorityDomains).toEqual(['revenue', 'people', 'risk']);
    expect(body.domains.filter((d) => d.priority).map((d) => d.domainId)).toEqual([
      'revenue',
      'people',
      'risk',
    ]);

    const revenue = scales('revenue');
    const people = scales('people');
    // Revenue: two scales at 1 (0 each), then the one at 2 (25); the 75 is left out (three at most).
    expect(body.recommendations.filter((r) => r.domainId === 'revenue').map((r) => r.questionId)).toEqual([
      revenue[0]!.id,
      revenue[3]!.id,
      revenue[1]!.id,
    ]);
    const first = body.recommendations.find((r) => r.questionId === people[0]!.id)!;
    expect(first).toEqual({
      domainId: 'people',
      domainName: byId('people').name,
      questionId: people[0]!.id,
      question: people[0]!.text,
      answer: '1 of 5',
      text: people[0]!.recommendation,
    });
    for (const id of ['people', 'risk']) {
      expect(body.recommendations.filter((r) => r.domainId === id)).toHaveLength(3);
    }
    // Best-possible answers and non-priority domains get no recommendation.
    expect(body.recommendations.every((r) => body.priorityDomains.includes(r.domainId))).toBe(true);
    expect(body.recommendations.map((r) => r.questionId)).not.toContain(people[3]?.id);
  });

  it('when a choice answer is among the lowest, then the answer shows its label', async () => {
    const client = (await registerAndLogin(the.app.url, 'chooser')).client;
    const a = await createAssessment(client);
    const answers = bestEverywhere();
    const choice = byId('finance').questions.find((q) => q.type === 'choice')!;
    const worst = [...choice.options!].sort((x, y) => x.score - y.score)[0]!;
    answers[choice.id] = worst.value;
    await answerAndSubmit(client, a.id, answers);
    const { body } = await results(a.id, client);
    expect(body.priorityDomains[0]).toBe('finance');
    expect(body.recommendations.find((r) => r.questionId === choice.id)).toMatchObject({
      answer: worst.label,
      text: choice.recommendation,
    });
  });

  it('when an earlier assessment was submitted, then each domain shows its previous score and the change', async () => {
    const client = (await registerAndLogin(the.app.url, 'improver')).client;
    const first = await createAssessment(client, { name: 'Baseline' });
    await answerAndSubmit(client, first.id, weakAnswers());
    const second = await createAssessment(client, { name: 'Six months on' });
    await answerAndSubmit(client, second.id, bestEverywhere());
    const before = (await results(first.id, client)).body;
    const after = (await results(second.id, client)).body;
    expect(after.previous).toEqual({
      assessmentId: first.id,
      name: 'Baseline',
      submittedAt: before.submittedAt,
    });
    for (const d of after.domains) {
      const old = before.domains.find((x) => x.domainId === d.domainId)!;
      expect(d.previousScore).toBe(old.score);
      expect(d.change).toBe(d.score - old.score);
    }
    expect(after.domains.find((d) => d.domainId === 'revenue')!.change).toBeGreaterThan(0);
    // The baseline compares with nothing earlier, even though a later one exists.
    expect(before.previous).toBeNull();
    // A draft in between does not count as a previous result.
    await createAssessment(client);
    expect((await results(second.id, client)).body.previous?.assessmentId).toBe(first.id);
  });

  it('when the assessment is still a draft, then 409', async () => {
    const a = await createAssessment(the.alice.client);
    expectProblem(await results(a.id), 409);
  });

  it("when another user asks for someone's results, then 404", async () => {
    const a = await createAssessment(the.alice.client);
    await answerAndSubmit(the.alice.client, a.id);
    expectProblem(await results(a.id, the.mallory.client), 404);
  });

  it('when the id is unknown or malformed, or the caller is signed out, then 404 or 401', async () => {
    expectProblem(await results('4f1c2d3e-0000-4000-8000-000000000000'), 404);
    expectProblem(await results('nope'), 404);
    expectProblem(await results('4f1c2d3e-0000-4000-8000-000000000000', new ApiClient(the.app.url)), 401);
  });
});

describe('GET /api/questionnaire (bands)', () => {
  it('when the questionnaire is fetched, then it carries the four bands and no recommendations', async () => {
    const res = await new ApiClient(the.app.url).get<{ bands: unknown[] }>('/api/questionnaire');
    expect(res.status).toBe(200);
    expect(res.body.bands).toEqual([
      { id: 'critical', label: 'Critical gap', min: 0, max: 39, summary: expect.any(String) },
      { id: 'developing', label: 'Developing', min: 40, max: 59, summary: expect.any(String) },
      { id: 'established', label: 'Established', min: 60, max: 79, summary: expect.any(String) },
      { id: 'scale-ready', label: 'Scale-ready', min: 80, max: 100, summary: expect.any(String) },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('recommendation');
  });
});
