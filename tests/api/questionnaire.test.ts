import { startTestApp, type TestApp } from '../support/app';
import { ApiClient } from '../support/client';
import { DOMAIN_NAMES } from '../support/domain-names';

interface Question {
  id: string;
  text: string;
  type: 'scale' | 'choice' | 'number' | 'text';
  required: boolean;
  options?: Record<string, unknown>[];
  min?: number;
  max?: number;
}
interface Questionnaire {
  version: string;
  domains: { id: string; name: string; description: string; questions: Question[] }[];
}

let app: TestApp;
let res: Awaited<ReturnType<ApiClient['get']>> & { body: Questionnaire };
beforeAll(async () => {
  app = await startTestApp();
  res = await new ApiClient(app.url).get<Questionnaire>('/api/questionnaire');
});
afterAll(async () => {
  await app?.stop();
});

/** Every key anywhere in a JSON value. */
function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysDeep(v)]);
  }
  return [];
}

describe('GET /api/questionnaire', () => {
  it('when fetched without credentials, then 200 JSON with a version, cacheable', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toMatch(/public/);
    expect(res.body.version).toEqual(expect.any(String));
  });

  it('when fetched, then it has the 12 domains in order, each with an id and a description', () => {
    expect(res.body.domains.map((d) => d.name)).toEqual(DOMAIN_NAMES);
    for (const d of res.body.domains) {
      expect(d.id).toMatch(/^[a-z][a-z-]+$/);
      expect(d.description.length).toBeGreaterThan(20);
    }
    expect(new Set(res.body.domains.map((d) => d.id)).size).toBe(12);
  });

  it('when fetched, then every domain has 5 to 8 questions, mostly 1–5 scales, and every id is unique', () => {
    const all = res.body.domains.flatMap((d) => d.questions);
    for (const d of res.body.domains) {
      expect({ domain: d.id, fits: d.questions.length >= 5 && d.questions.length <= 8 }).toEqual({
        domain: d.id,
        fits: true,
      });
    }
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    const scales = all.filter((q) => q.type === 'scale');
    expect(scales.length * 2).toBeGreaterThan(all.length);
    for (const q of scales) expect([q.min, q.max]).toEqual([1, 5]);
    const types = new Set(all.map((q) => q.type));
    expect([...types].sort()).toEqual(['choice', 'number', 'scale', 'text']);
  });

  it('when fetched, then each question is well formed and choice options carry value and label only', () => {
    for (const q of res.body.domains.flatMap((d) => d.questions)) {
      expect(q.text.length).toBeGreaterThan(15);
      expect(typeof q.required).toBe('boolean');
      if (q.type === 'choice') {
        expect(q.options!.length).toBeGreaterThanOrEqual(2);
        for (const o of q.options!) expect(Object.keys(o).sort()).toEqual(['label', 'value']);
      } else {
        expect(q.options).toBeUndefined();
      }
    }
  });

  it('when fetched, then no scoring data leaks anywhere in the body', () => {
    const keys = keysDeep(res.body);
    expect(keys).not.toContain('score');
    expect(keys).not.toContain('weight');
    expect(JSON.stringify(res.body)).not.toMatch(/"score"/i);
  });
});
