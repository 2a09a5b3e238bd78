/**
 * ScaleMap scale-readiness questionnaire catalogue.
 *
 * Question ids are stable identifiers stored alongside answers: never rename or reuse an id.
 * Option scores (0–100) express how scale-ready an answer is and must never be sent to clients.
 * Number and text questions are informational and are not scored.
 */

import type { BandId } from './bands';
import { change } from './domains/change';
import { customerSuccess } from './domains/customer-success';
import { finance } from './domains/finance';
import { operations } from './domains/operations';
import { partnerships } from './domains/partnerships';
import { people } from './domains/people';
import { product } from './domains/product';
import { revenue } from './domains/revenue';
import { risk } from './domains/risk';
import { strategy } from './domains/strategy';
import { supplyChain } from './domains/supply-chain';
import { technology } from './domains/technology';

export type QuestionType = 'scale' | 'choice' | 'number' | 'text';

export interface QuestionOption {
  readonly value: string;
  readonly label: string;
  /** 0–100, how scale-ready this answer is; never sent to clients */
  readonly score: number;
}

export interface QuestionDef {
  readonly id: string;
  readonly text: string;
  /**
   * What to do when this answer scores low: a concrete next step for a founder or COO. Shown on
   * the results of a priority domain; not part of the questionnaire response.
   */
  readonly recommendation: string;
  readonly help?: string;
  readonly type: QuestionType;
  readonly required: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly scaleLabels?: readonly [string, string];
  readonly options?: readonly QuestionOption[];
  readonly maxLength?: number;
  readonly unit?: string;
}

export interface DomainDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** What a score in each band means for this domain, in plain language. */
  readonly readings: Readonly<Record<BandId, string>>;
  readonly questions: readonly QuestionDef[];
}

export const QUESTIONNAIRE_VERSION = '2026.1';

/** The 12 domains in questionnaire order; each lives in `domains/<id>.ts`. */
export const domains: readonly DomainDef[] = [
  strategy,
  finance,
  revenue,
  operations,
  people,
  technology,
  product,
  supplyChain,
  risk,
  partnerships,
  customerSuccess,
  change,
];
