/**
 * Score bands: what a 0–100 domain score means. The thresholds live here, in the catalogue, so the
 * results endpoint, the questionnaire response and every client read the same ones.
 */

export type BandId = 'critical' | 'developing' | 'established' | 'scale-ready';

export interface BandDef {
  readonly id: BandId;
  readonly label: string;
  /** Inclusive bounds on the rounded 0–100 score. */
  readonly min: number;
  readonly max: number;
  readonly summary: string;
}

/** Lowest first; together they cover 0–100 without gaps. */
export const bands: readonly BandDef[] = [
  {
    id: 'critical',
    label: 'Critical gap',
    min: 0,
    max: 39,
    summary: 'A gap that will hold back growth or put the business at risk; address it before scaling.',
  },
  {
    id: 'developing',
    label: 'Developing',
    min: 40,
    max: 59,
    summary: 'Foundations exist but are applied unevenly; expect strain as volume and headcount grow.',
  },
  {
    id: 'established',
    label: 'Established',
    min: 60,
    max: 79,
    summary: 'Working practices that hold up today; targeted improvements will keep them ahead of growth.',
  },
  {
    id: 'scale-ready',
    label: 'Scale-ready',
    min: 80,
    max: 100,
    summary: 'Practices you can rely on at two to three times your current size.',
  },
];

/** The band a score falls in; scores are rounded and clamped to 0–100 first. */
export function bandFor(score: number): BandDef {
  const s = Math.min(100, Math.max(0, Math.round(score)));
  return bands.find((b) => s >= b.min && s <= b.max)!;
}
