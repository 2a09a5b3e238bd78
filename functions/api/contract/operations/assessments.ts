import {
  assessmentDetail,
  assessmentList,
  assessmentSummary,
  renameAssessmentResponse,
  saveResponsesResponse,
  submitResponse,
} from '../assessments';
import {
  assessmentId,
  createAssessmentRequest,
  ifMatchHeaders,
  listQuery,
  renameAssessmentRequest,
  saveResponsesRequest,
} from '../assessments-requests';
import { defineOperation, type HeaderSpec, json, noContent, problemResponse } from '../operation';
import { resultsResponse } from '../results';

/** The version ETag: GET sends it, PUT takes it back as If-Match. */
const etag: Record<string, HeaderSpec> = {
  ETag: {
    description: 'The assessment version as a strong ETag, e.g. "3".',
    schema: { type: 'string', pattern: '^"\\d+"$' },
  },
};
const notFound = 'Assessment not found.';
const submitted = problemResponse('The assessment has been submitted and can no longer change.');

export const createAssessment = defineOperation({
  operationId: 'createAssessment',
  method: 'post',
  path: '/api/assessments',
  tag: 'assessments',
  summary: 'Start an assessment',
  auth: 'session',
  body: createAssessmentRequest,
  responses: {
    201: json(assessmentSummary, 'The new draft.'),
    422: problemResponse('The user already holds the maximum number of drafts (`maxDrafts`).'),
  },
});

export const listAssessments = defineOperation({
  operationId: 'listAssessments',
  method: 'get',
  path: '/api/assessments',
  tag: 'assessments',
  summary: "The user's assessments, most recently changed first, a page at a time",
  auth: 'session',
  query: listQuery,
  responses: { 200: json(assessmentList, 'One page.') },
});

export const getAssessment = defineOperation({
  operationId: 'getAssessment',
  method: 'get',
  path: '/api/assessments/{id}',
  tag: 'assessments',
  summary: 'One assessment with answers and documents',
  auth: 'session',
  params: assessmentId,
  notFound,
  responses: { 200: json(assessmentDetail, 'The assessment.', etag) },
});

export const saveResponses = defineOperation({
  operationId: 'saveResponses',
  method: 'put',
  path: '/api/assessments/{id}/responses',
  tag: 'assessments',
  summary: 'Autosave answers (If-Match: the ETag from GET)',
  auth: 'session',
  params: assessmentId,
  notFound,
  headers: ifMatchHeaders,
  body: saveResponsesRequest,
  responses: {
    200: json(saveResponsesResponse, 'Saved; the new version.', etag),
    409: problemResponse('Submitted, or If-Match names a stale version (`currentVersion`).'),
  },
});

export const submitAssessment = defineOperation({
  operationId: 'submitAssessment',
  method: 'post',
  path: '/api/assessments/{id}/submit',
  tag: 'assessments',
  summary: 'Submit, freeze and score',
  auth: 'session',
  params: assessmentId,
  notFound,
  responses: {
    200: json(submitResponse, 'Submitted and scored.'),
    409: submitted,
    422: problemResponse('Required answers are missing (`missing`).'),
  },
});

export const renameAssessment = defineOperation({
  operationId: 'renameAssessment',
  method: 'patch',
  path: '/api/assessments/{id}',
  tag: 'assessments',
  summary: 'Rename an assessment',
  auth: 'session',
  params: assessmentId,
  notFound,
  body: renameAssessmentRequest,
  responses: { 200: json(renameAssessmentResponse, 'Renamed.') },
});

export const deleteAssessment = defineOperation({
  operationId: 'deleteAssessment',
  method: 'delete',
  path: '/api/assessments/{id}',
  tag: 'assessments',
  summary: 'Delete a draft with its answers and documents',
  auth: 'session',
  params: assessmentId,
  notFound,
  responses: {
    204: noContent('Deleted.'),
    409: problemResponse('Submitted assessments are kept as a record and cannot be deleted.'),
  },
});

export const getResults = defineOperation({
  operationId: 'getResults',
  method: 'get',
  path: '/api/assessments/{id}/results',
  tag: 'assessments',
  summary: 'Results: bands, readings, recommended next steps and change since the previous assessment',
  auth: 'session',
  params: assessmentId,
  notFound,
  responses: {
    200: json(resultsResponse, 'The results.'),
    409: problemResponse('Results are available once the assessment is submitted.'),
  },
});

export const assessmentOperations = [
  createAssessment,
  listAssessments,
  getAssessment,
  saveResponses,
  submitAssessment,
  renameAssessment,
  deleteAssessment,
  getResults,
];
