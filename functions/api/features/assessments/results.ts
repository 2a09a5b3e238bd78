import type { ResultsResponse } from '../../contract/results';
import type { AppDeps } from '../../deps';
import { ConflictError, NotFoundError } from '../../platform/http/errors';
import { bandFor } from '../questionnaire/bands';
import { domains } from '../questionnaire/catalogue';
import { answerLabel, lowestAnswers } from '../questionnaire/recommendations';
import type { TriageResults } from '../questionnaire/service';
import * as repo from './repository';

const band = (score: number) => {
  const { id, label } = bandFor(score);
  return { id, label };
};

/** Results worth acting on: bands, readings, next steps and the change since the last assessment. */
export function resultsService(deps: Pick<AppDeps, 'db'>) {
  const { db } = deps.db;

  return {
    async results(userId: string, id: string): Promise<ResultsResponse> {
      const row = await repo.findOwned(db, userId, id);
      if (!row) throw new NotFoundError('Assessment not found.');
      if (row.status !== 'submitted' || !row.submittedAt) {
        throw new ConflictError('Results are available once the assessment is submitted.');
      }
      const triage = row.triageResults as TriageResults;
      const [responses, previous] = await Promise.all([
        repo.responsesOf(db, id),
        repo.previousSubmitted(db, userId, id, row.submittedAt),
      ]);
      const scores = new Map(triage.domainScores.map((s) => [s.domainId, s.score]));
      const before = new Map(
        ((previous?.triageResults as TriageResults | null)?.domainScores ?? []).map((s) => [
          s.domainId,
          s.score,
        ]),
      );
      const priority = new Set(triage.priorityDomains);

      const domainResults = domains.map((d) => {
        const score = scores.get(d.id) ?? 0;
        const b = bandFor(score);
        const previousScore = before.get(d.id) ?? null;
        return {
          domainId: d.id,
          name: d.name,
          score,
          band: { id: b.id, label: b.label },
          reading: d.readings[b.id],
          previousScore,
          change: previousScore === null ? null : score - previousScore,
          priority: priority.has(d.id),
        };
      });
      const overall = Math.round(domainResults.reduce((sum, d) => sum + d.score, 0) / domainResults.length);

      const recommendations = triage.priorityDomains.flatMap((domainId) => {
        const domain = domains.find((d) => d.id === domainId);
        if (!domain) return [];
        return lowestAnswers(domain, responses).map(({ question, value }) => ({
          domainId,
          domainName: domain.name,
          questionId: question.id,
          question: question.text,
          answer: answerLabel(question, value),
          text: question.recommendation,
        }));
      });

      return {
        assessmentId: row.id,
        name: row.name,
        submittedAt: row.submittedAt.toISOString(),
        overall: { score: overall, band: band(overall) },
        domains: domainResults,
        priorityDomains: triage.priorityDomains,
        recommendations,
        previous: previous?.submittedAt
          ? {
              assessmentId: previous.id,
              name: previous.name,
              submittedAt: previous.submittedAt.toISOString(),
            }
          : null,
      };
    },
  };
}
export type ResultsService = ReturnType<typeof resultsService>;
