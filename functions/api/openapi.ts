import { z } from 'zod';
import * as account from './features/account/schema';
import * as results from './features/assessments/results-schema';
import * as assessments from './features/assessments/schema';
import * as passwords from './features/auth/password-schema';
import * as auth from './features/auth/schema';
import * as documents from './features/documents/schema';
import { healthResponse } from './features/health/schema';
import { questionnaireResponse } from './features/questionnaire/schema';

const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  correlationId: z.string(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .max(20)
    .optional(),
  /** How many field errors were left out of `errors` (it lists at most 20). */
  moreErrors: z.number().int().optional(),
});

/** The version ETag: GET sends it, PUT takes it back as If-Match. */
const etagHeader = {
  ETag: { description: 'The assessment version as a strong ETag, e.g. "3".', schema: { type: 'string' } },
};

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  auth?: boolean;
  request?: z.ZodType;
  status: number;
  response?: z.ZodType;
  errors: number[];
  /** Query and header parameters, as OpenAPI parameter objects. */
  parameters?: Record<string, unknown>[];
  /** Headers of the success response. */
  headers?: Record<string, unknown>;
}

const ops: Operation[] = [
  {
    method: 'post',
    path: '/api/auth/register',
    summary: 'Register',
    request: auth.registerRequest,
    status: 201,
    response: auth.registerResponse,
    errors: [400, 409, 429],
  },
  {
    method: 'post',
    path: '/api/auth/confirm',
    summary: 'Confirm the e-mail address',
    request: auth.confirmRequest,
    status: 204,
    errors: [400, 429],
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in; sets the session cookie',
    request: auth.loginRequest,
    status: 200,
    response: auth.loginResponse,
    errors: [400, 401, 429],
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: "Log out; ends the cookie's and/or the Bearer token's login, and revokes its refresh token",
    status: 204,
    errors: [],
  },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'The current user',
    auth: true,
    status: 200,
    response: auth.authUser,
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/questionnaire',
    summary: 'The questionnaire (12 domains)',
    status: 200,
    response: questionnaireResponse,
    errors: [],
  },
  {
    method: 'post',
    path: '/api/assessments',
    summary: 'Start an assessment',
    auth: true,
    request: assessments.createAssessmentRequest,
    status: 201,
    response: assessments.assessmentSummary,
    // 422: the user already holds the maximum number of drafts.
    errors: [400, 401, 422],
  },
  {
    method: 'get',
    path: '/api/assessments',
    summary: "The user's assessments, most recently changed first, a page at a time",
    auth: true,
    status: 200,
    response: assessments.assessmentList,
    errors: [400, 401],
    parameters: [
      {
        name: 'limit',
        in: 'query',
        description: 'Page size.',
        schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      },
      {
        name: 'cursor',
        in: 'query',
        description: 'The `nextCursor` of the previous page (opaque).',
        schema: { type: 'string', maxLength: 200 },
      },
    ],
  },
  {
    method: 'get',
    path: '/api/assessments/{id}',
    summary: 'One assessment with answers and documents',
    auth: true,
    status: 200,
    response: assessments.assessmentDetail,
    errors: [401, 404],
    headers: etagHeader,
  },
  {
    method: 'put',
    path: '/api/assessments/{id}/responses',
    summary: 'Autosave answers (If-Match: the ETag from GET)',
    auth: true,
    request: assessments.saveResponsesRequest,
    status: 200,
    response: assessments.saveResponsesResponse,
    errors: [400, 401, 404, 409],
    headers: etagHeader,
    parameters: [
      {
        name: 'If-Match',
        in: 'header',
        description: 'The ETag from GET ("3"), or * for any version; a stale one is a 409.',
        schema: { type: 'string' },
      },
    ],
  },
  {
    method: 'post',
    path: '/api/assessments/{id}/documents',
    summary: 'Request a presigned upload',
    auth: true,
    request: documents.createDocumentRequest,
    status: 201,
    response: documents.createDocumentResponse,
    errors: [400, 401, 404, 409, 422, 503],
  },
  {
    method: 'post',
    path: '/api/assessments/{id}/documents/{docId}/complete',
    summary: 'Confirm an upload: checks its bytes against its type and freezes that version',
    auth: true,
    status: 200,
    response: documents.documentResponse,
    errors: [401, 404, 409, 422, 503],
  },
  {
    method: 'get',
    path: '/api/assessments/{id}/documents/{docId}/download',
    summary: 'A presigned download URL',
    auth: true,
    status: 200,
    response: documents.downloadResponse,
    errors: [401, 404],
  },
  {
    method: 'delete',
    path: '/api/assessments/{id}/documents/{docId}',
    summary: 'Delete a document',
    auth: true,
    status: 204,
    errors: [401, 404, 409],
  },
  {
    method: 'post',
    path: '/api/assessments/{id}/submit',
    summary: 'Submit, freeze and score',
    auth: true,
    status: 200,
    response: assessments.submitResponse,
    errors: [401, 404, 422],
  },
  {
    method: 'post',
    path: '/api/auth/resend-confirmation',
    summary: 'Send a new confirmation code (204 whether or not the account exists)',
    request: passwords.resendConfirmationRequest,
    status: 204,
    errors: [400, 429],
  },
  {
    method: 'post',
    path: '/api/auth/forgot-password',
    summary: 'Send a password-reset code (204 whether or not the account exists)',
    request: passwords.forgotPasswordRequest,
    status: 204,
    errors: [400, 429],
  },
  {
    method: 'post',
    path: '/api/auth/reset-password',
    summary: 'Set a new password with the reset code; ends every session',
    request: passwords.resetPasswordRequest,
    status: 204,
    errors: [400, 429],
  },
  {
    method: 'post',
    path: '/api/auth/change-password',
    summary: "Change the password; ends the user's other sessions",
    auth: true,
    request: passwords.changePasswordRequest,
    status: 204,
    errors: [400, 401, 429],
  },
  {
    method: 'get',
    path: '/api/account/export',
    summary: 'Everything stored about the user, as a JSON download',
    auth: true,
    status: 200,
    response: account.exportResponse,
    errors: [401],
  },
  {
    method: 'delete',
    path: '/api/account',
    summary: 'Delete the account: the Cognito user, every row and every stored document',
    auth: true,
    request: account.deleteAccountRequest,
    status: 204,
    errors: [400, 401, 503],
  },
  {
    method: 'patch',
    path: '/api/assessments/{id}',
    summary: 'Rename an assessment',
    auth: true,
    request: results.renameAssessmentRequest,
    status: 200,
    response: results.renameAssessmentResponse,
    errors: [400, 401, 404],
  },
  {
    method: 'delete',
    path: '/api/assessments/{id}',
    summary: 'Delete a draft with its answers and documents',
    auth: true,
    status: 204,
    errors: [401, 404, 409, 503],
  },
  {
    method: 'get',
    path: '/api/assessments/{id}/results',
    summary: 'Results: bands, readings, recommended next steps and change since the previous assessment',
    auth: true,
    status: 200,
    response: results.resultsResponse,
    errors: [401, 404, 409],
  },
  {
    method: 'get',
    path: '/api/health',
    summary: 'Health of the app and its dependencies',
    status: 200,
    response: healthResponse,
    errors: [503],
  },
];

const json = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

/** OpenAPI 3.1, generated from the same zod schemas the routes parse with. */
export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const params = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string', format: 'uuid' },
      })),
      ...(op.parameters ?? []),
    ];
    const responses: Record<string, unknown> = {
      [op.status]: {
        ...(op.response
          ? { description: 'OK', content: { 'application/json': { schema: json(op.response, 'output') } } }
          : { description: 'No content' }),
        ...(op.headers ? { headers: op.headers } : {}),
      },
    };
    for (const status of op.errors) {
      responses[status] = {
        description: 'Problem',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      ...(params.length ? { parameters: params } : {}),
      ...(op.request
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: json(op.request, 'input') } },
            },
          }
        : {}),
      ...(op.auth ? { security: [{ bearer: [] }, { session: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ScaleMap API',
      version,
      description:
        'Any path with a malformed percent-encoding is a 400, and requests the HTTP parser refuses get 400 or 431; all as application/problem+json.',
    },
    paths,
    components: {
      schemas: { Problem: json(problem, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'Cognito access token' },
        session: { type: 'apiKey', in: 'cookie', name: '__Host-scalemap_session' },
      },
    },
  };
}
