import { accessCases } from './access';
import { bodiesCases } from './bodies';
import type { Case } from './catalogue';
import { evidenceCases } from './evidence';
import { filesCases } from './files';
import { limitsCases } from './limits';
import { sessionsCases } from './sessions';
import { signedOutCases } from './signed-out';
import { textCases } from './text';
import { urlsCases } from './urls';
import { valuesCases } from './values';

/** The whole hostile-input catalogue: every area's table, by subject. */
export const hostileCatalogue: Record<string, Case[]> = {
  ...bodiesCases,
  ...textCases,
  ...valuesCases,
  ...filesCases,
  ...accessCases,
  ...sessionsCases,
  // Issue 13: integrity and abuse at scale.
  ...urlsCases,
  ...evidenceCases,
  ...signedOutCases,
  ...limitsCases,
};
