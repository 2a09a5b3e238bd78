import type { Operation } from '../operation';
import { accountOperations } from './account';
import { assessmentOperations } from './assessments';
import { authOperations } from './auth';
import { documentOperations } from './documents';
import { publicOperations } from './public';

/**
 * Every operation of the API, in the order the document lists them.
 *
 * To add one: declare it with `defineOperation` in its feature's file here (path, auth, the schemas
 * of what it takes and every status it answers), then `mount(op, handler)` it in the feature's
 * routes.ts. The route, its validation, /api/openapi.json and the access log's route name follow;
 * `npm run lint:openapi` and tests/api/contract-document.test.ts check the result.
 */
export const operations: readonly Operation[] = [
  ...authOperations,
  ...accountOperations,
  ...publicOperations,
  ...assessmentOperations,
  ...documentOperations,
];
