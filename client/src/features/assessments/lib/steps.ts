/**
 * One numbering for the whole workspace: 1 Questions, 2 Documents, 3 Review. After submitting there
 * are no more steps to take, so pages say "Submitted" instead of a step number.
 */
export const STEPS = ['Questions', 'Documents', 'Review and submit'] as const;

export function stepLabel(step: 1 | 2 | 3, submitted: boolean): string {
  if (submitted) return `Submitted · ${STEPS[step - 1]} (read-only)`;
  return `Step ${step} of ${STEPS.length} · ${STEPS[step - 1]}`;
}
