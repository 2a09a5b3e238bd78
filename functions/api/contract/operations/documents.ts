import { assessmentId } from '../assessments-requests';
import { createDocumentResponse, documentResponse, downloadResponse } from '../documents';
import { createDocumentRequest, documentParams } from '../documents-requests';
import { defineOperation, json, noContent, problemResponse } from '../operation';

const submitted = problemResponse('The assessment has been submitted; documents can no longer change.');

export const createDocument = defineOperation({
  operationId: 'createDocument',
  method: 'post',
  path: '/api/assessments/{id}/documents',
  tag: 'documents',
  summary: 'Request a presigned upload',
  auth: 'session',
  params: assessmentId,
  notFound: 'Assessment not found.',
  body: createDocumentRequest,
  responses: {
    201: json(createDocumentResponse, 'The pending document and its presigned POST.'),
    409: submitted,
    422: problemResponse('The assessment already holds the maximum number of documents.'),
  },
});

export const completeDocument = defineOperation({
  operationId: 'completeDocument',
  method: 'post',
  path: '/api/assessments/{id}/documents/{docId}/complete',
  tag: 'documents',
  summary: 'Confirm an upload: checks its bytes against its type and freezes that version',
  auth: 'session',
  params: documentParams,
  notFound: 'Document not found.',
  responses: {
    200: json(documentResponse, 'The document, now uploaded.'),
    409: submitted,
    422: problemResponse('Not uploaded yet, or its size or bytes do not match what was announced.'),
  },
});

export const downloadDocument = defineOperation({
  operationId: 'downloadDocument',
  method: 'get',
  path: '/api/assessments/{id}/documents/{docId}/download',
  tag: 'documents',
  summary: 'A presigned download URL',
  auth: 'session',
  params: documentParams,
  notFound: 'Document not found.',
  responses: { 200: json(downloadResponse, 'A short-lived URL.') },
});

export const deleteDocument = defineOperation({
  operationId: 'deleteDocument',
  method: 'delete',
  path: '/api/assessments/{id}/documents/{docId}',
  tag: 'documents',
  summary: 'Delete a document',
  auth: 'session',
  params: documentParams,
  notFound: 'Document not found.',
  responses: { 204: noContent('Deleted.'), 409: submitted },
});

export const documentOperations = [createDocument, completeDocument, downloadDocument, deleteDocument];
