import type { Operation } from '../operation';
import { accountOperations } from './account';
import { assessmentOperations } from './assessments';
import { authOperations } from './auth';
import { documentOperations } from './documents';
import { publicOperations } from './public';

/** Every operation of the API, in the order the document lists them. */
export const operations: readonly Operation[] = [
  ...authOperations,
  ...accountOperations,
  ...publicOperations,
  ...assessmentOperations,
  ...documentOperations,
];
