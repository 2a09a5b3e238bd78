import { healthResponse } from '../health';
import { openApiDocument } from '../openapi-document';
import { defineOperation, json } from '../operation';
import { questionnaireResponse } from '../questionnaire';

export const getQuestionnaire = defineOperation({
  operationId: 'getQuestionnaire',
  method: 'get',
  path: '/api/questionnaire',
  tag: 'questionnaire',
  summary: 'The questionnaire (12 domains)',
  auth: 'public',
  responses: { 200: json(questionnaireResponse, 'The questionnaire; the same for everyone, cacheable.') },
});

export const getHealth = defineOperation({
  operationId: 'getHealth',
  method: 'get',
  path: '/api/health',
  tag: 'health',
  summary: 'Health of the app and its dependencies',
  auth: 'public',
  responses: {
    200: json(healthResponse, 'Every dependency is up.'),
    503: json(healthResponse, 'A dependency is down.'),
  },
});

export const getOpenApi = defineOperation({
  operationId: 'getOpenApi',
  method: 'get',
  path: '/api/openapi.json',
  tag: 'meta',
  summary: 'This document (OpenAPI 3.1)',
  auth: 'public',
  responses: { 200: json(openApiDocument, 'The OpenAPI document.') },
});

export const publicOperations = [getQuestionnaire, getHealth, getOpenApi];
